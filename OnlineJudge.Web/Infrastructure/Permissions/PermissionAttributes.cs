using Microsoft.AspNetCore.Mvc.Filters;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;
using OnlineJudge.Web.Infrastructure.Auth;
using OnlineJudge.Web.Infrastructure.Envelopes;

namespace OnlineJudge.Web.Infrastructure.Permissions;

/// <summary>
/// A permission decorator of platform.md §11.3 with the README's messages: a failed condition gives
/// <c>permission-denied</c> / <c>Please login first</c>; a disabled user whose condition holds gives
/// <c>permission-denied</c> / <c>Your account is disabled</c>. By default it runs before request validation;
/// give a larger <see cref="Order"/> (e.g. <see cref="AfterValidation"/>) where the endpoint validates first.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public abstract class PermissionAttribute : Attribute, IAsyncActionFilter, IOrderedFilter
{
    public const int BeforeValidation = -1000;
    public const int AfterValidation = 1000;

    public static readonly ServiceError NotPermitted = ServiceError.PermissionDenied("Please login first");
    public static readonly ServiceError Disabled = ServiceError.PermissionDenied("Your account is disabled");

    public int Order { get; set; } = BeforeValidation;

    protected abstract bool IsSatisfiedBy(CurrentUser user);

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var user = context.HttpContext.GetRequestContext().User;
        var error = user is null || !IsSatisfiedBy(user) ? NotPermitted : user.IsDisabled ? Disabled : null;
        if (error is not null)
        {
            context.Result = EnvelopeResultFilter.ToResult(Envelope.Of(error));
            return Task.CompletedTask;
        }

        return next();
    }
}

public sealed class LoginRequiredAttribute : PermissionAttribute
{
    protected override bool IsSatisfiedBy(CurrentUser user) => true;
}

public sealed class AdminRoleRequiredAttribute : PermissionAttribute
{
    protected override bool IsSatisfiedBy(CurrentUser user) => user.IsAdminRole;
}

public sealed class TeacherAdminRequiredAttribute : PermissionAttribute
{
    protected override bool IsSatisfiedBy(CurrentUser user) => user.IsTeacherOrAbove;
}

public sealed class SuperAdminRequiredAttribute : PermissionAttribute
{
    protected override bool IsSatisfiedBy(CurrentUser user) => user.IsSuperAdmin;
}

public sealed class ProblemPermissionRequiredAttribute : PermissionAttribute
{
    protected override bool IsSatisfiedBy(CurrentUser user) => user.HasProblemPermission;
}

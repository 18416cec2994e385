using Microsoft.AspNetCore.Mvc.Filters;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;
using OnlineJudge.Web.Infrastructure.Envelopes;

namespace OnlineJudge.Web.Infrastructure.Validation;

/// <summary>
/// Answers a request whose data failed validation with <c>invalid-&lt;field&gt;</c> (platform.md §5). Order 0:
/// permission attributes run before it by default and after it with <c>Order = PermissionAttribute.AfterValidation</c>.
/// </summary>
public class ValidationFailureFilter : IAsyncActionFilter, IOrderedFilter
{
    public int Order => 0;

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.HttpContext.Features.Get<ValidationFailure>() is { } failure)
        {
            context.Result = EnvelopeResultFilter.ToResult(Envelope.Of(new ServiceError(failure.ErrorCode, failure.ErrorMessage)));
            return Task.CompletedTask;
        }

        return next();
    }
}

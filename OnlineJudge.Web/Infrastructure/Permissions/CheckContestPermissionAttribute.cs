using Microsoft.AspNetCore.Mvc.Filters;
using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Contests;
using OnlineJudge.Services.Validation;
using OnlineJudge.Web.Infrastructure.Auth;
using OnlineJudge.Web.Infrastructure.Envelopes;

namespace OnlineJudge.Web.Infrastructure.Permissions;

/// <summary>
/// The contest gate (platform.md §11.5, contest.md §0.2): <c>contest_id</c> from the body, else the query; the checked
/// contest is then available to the action through <see cref="GetCheckedContest"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CheckContestPermissionAttribute(ContestCheckType checkType) : Attribute, IFilterFactory, IOrderedFilter
{
    public ContestCheckType CheckType { get; } = checkType;

    public int Order { get; set; } = PermissionAttribute.BeforeValidation;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => new Filter(CheckType);

    public static ContestGateDto GetCheckedContest(HttpContext httpContext) =>
        httpContext.Features.Get<ContestGateDto>() ?? throw new InvalidOperationException("No contest permission check ran");

    private sealed class Filter(ContestCheckType checkType) : IAsyncActionFilter
    {
        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            var httpContext = context.HttpContext;
            var data = httpContext.Features.Get<RequestData>();
            var contestId = data?.Json is not null ? data.GetString("contest_id") : null;
            if (string.IsNullOrEmpty(contestId))
            {
                contestId = httpContext.Request.Query["contest_id"].LastOrDefault();
            }

            var requestContext = httpContext.GetRequestContext();
            var access = httpContext.RequestServices.GetRequiredService<ContestAccessService>();
            var result = string.IsNullOrEmpty(contestId) ? ContestAccessService.MissingContestId
                : !PageRequest.TryParseId(contestId, out var id) ? ContestAccessService.ContestDoesNotExist(contestId)
                : await access.CheckAsync(id, checkType, requestContext.User, requestContext.Session?.ContestPassword, httpContext.RequestAborted);
            if (result.Error is { } error)
            {
                context.Result = EnvelopeResultFilter.ToResult(Envelope.Of(error));
                return;
            }

            httpContext.Features.Set(result.Data);
            await next();
        }
    }
}

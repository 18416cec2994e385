using OnlineJudge.Services.Account;
using OnlineJudge.Services.Validation;
using OnlineJudge.Web.Infrastructure.Auth;

namespace OnlineJudge.Web.Controllers;

/// <summary>
/// Base of every envelope controller. Actions return <c>ServiceResult&lt;T&gt;</c> (or a <c>ServiceError</c>); the
/// envelope filter turns it into <c>{"error", "data"}</c>.
/// </summary>
[ApiExplorerSettings(IgnoreApi = false)]
public abstract class ApiControllerBase : ControllerBase
{
    protected RequestContext RequestContext => HttpContext.GetRequestContext();

    /// <summary>The caller; null when anonymous.</summary>
    protected CurrentUser? CurrentUser => RequestContext.User;

    /// <summary>The parsed request data (platform.md §4).</summary>
    protected RequestData RequestData => HttpContext.Features.Get<RequestData>() ?? RequestData.Empty;
}

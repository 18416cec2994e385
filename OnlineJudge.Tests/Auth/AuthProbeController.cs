using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Services.Common;
using OnlineJudge.Web.Controllers;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Tests.Auth;

/// <summary>Test-only endpoint: the caller as authentication resolved it (every field the auth snapshot holds).</summary>
public class AuthProbeController : ApiControllerBase
{
    [LoginRequired]
    [HttpGet("/api/_probe/me")]
    public ServiceResult<Me> Get() =>
        new Me(CurrentUser!.Id, CurrentUser.Username, CurrentUser.Email, CurrentUser.AdminType, CurrentUser.ProblemPermission,
            RequestContext.ViaApiKey);

    public sealed record Me(int Id, string Username, string? Email, string AdminType, string ProblemPermission, bool ViaApiKey);
}

using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Judge;
using OnlineJudge.Web.Infrastructure.Auth;
using OnlineJudge.Web.Infrastructure.Csrf;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>conf.md §5: judge servers register and report by heartbeat, authenticated by the token header.</summary>
public class JudgeServerController(JudgeServerService judgeServers) : ApiControllerBase
{
    [CsrfExempt]
    [HttpPost("/api/judge_server_heartbeat")]
    public Task<ServiceResult> Heartbeat(HeartbeatRequest request, CancellationToken cancellationToken) =>
        judgeServers.HeartbeatAsync(request, Request.Headers["X-Judge-Server-Token"].LastOrDefault(), RequestContext.ClientIp,
            HttpContext.Connection.RemoteIpAddress?.ToString() ?? RequestContext.ClientIp, cancellationToken);
}

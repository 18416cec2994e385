using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Judge;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>conf.md §6–8: the judge servers and the shared token, for super admins.</summary>
public class JudgeServerAdminController(JudgeServerService judgeServers) : ApiControllerBase
{
    [SuperAdminRequired]
    [HttpGet("/api/admin/judge_server")]
    public Task<ServiceResult<JudgeServerListDto>> List(CancellationToken cancellationToken) => judgeServers.ListAsync(cancellationToken);

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPut("/api/admin/judge_server")]
    public Task<ServiceResult> Toggle(JudgeServerToggleRequest request, CancellationToken cancellationToken) =>
        judgeServers.ToggleAsync(request, cancellationToken);

    [SuperAdminRequired]
    [HttpDelete("/api/admin/judge_server")]
    public Task<ServiceResult> Delete(HostnameQuery query, CancellationToken cancellationToken) =>
        judgeServers.DeleteAsync(query.Hostname, cancellationToken);
}

using System.Text.Json.Nodes;
using OnlineJudge.Services.Conf;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>conf.md §11 and the legacy release list; both behind the admin gate only.</summary>
public class ConfAdminController(DashboardService dashboard, ReleaseNotesService releaseNotes) : ApiControllerBase
{
    [HttpGet("/api/admin/dashboard_info")]
    public Task<ServiceResult<DashboardInfo>> DashboardInfo(CancellationToken cancellationToken) =>
        dashboard.GetInfoAsync(cancellationToken);

    [HttpGet("/api/admin/versions")]
    public Task<ServiceResult<JsonObject?>> Versions(CancellationToken cancellationToken) =>
        releaseNotes.GetAsync(cancellationToken);
}

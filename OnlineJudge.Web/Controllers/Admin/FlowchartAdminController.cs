using OnlineJudge.Services.Common;
using OnlineJudge.Services.Flowcharts;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>flowchart.md §2: the teacher's flowchart statistics.</summary>
public class FlowchartAdminController(FlowchartStatisticsService statistics) : ApiControllerBase
{
    [TeacherAdminRequired]
    [HttpGet("/api/admin/flowchart/statistics")]
    public Task<ServiceResult<FlowchartStatisticsDto>> Statistics(StatisticsQuery query, CancellationToken cancellationToken) =>
        statistics.GetAsync(query, cancellationToken);
}

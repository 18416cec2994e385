using OnlineJudge.Data.Ai;
using OnlineJudge.Services.Ai;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>ai.md §3: every stored learning analysis, for teachers; pinning one per student.</summary>
[TeacherAdminRequired]
public class AiAdminController(AiReportService reports) : ApiControllerBase
{
    [HttpGet("/api/admin/ai/reports")]
    public async Task<ServiceResult<Either<AiReportDto, Either<List<AiReportListItemDto>, Page<AiReportListItemDto>>>>> Reports(AiReportsQuery query,
        CancellationToken cancellationToken) =>
        query.Id is { } id
            ? Either.First<AiReportDto, Either<List<AiReportListItemDto>, Page<AiReportListItemDto>>>(await reports.GetAsync(id, cancellationToken))
            : Either.Second<AiReportDto, Either<List<AiReportListItemDto>, Page<AiReportListItemDto>>>(await reports.ListAsync(query, cancellationToken));

    [HttpPost("/api/admin/ai/reports")]
    public Task<ServiceResult<AiPinResultDto>> TogglePin(AiPinRequest request, CancellationToken cancellationToken) =>
        reports.TogglePinAsync(request.Id, cancellationToken);
}

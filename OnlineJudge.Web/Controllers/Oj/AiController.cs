using OnlineJudge.Data.Ai;
using OnlineJudge.Services.Ai;
using OnlineJudge.Web.Infrastructure.Streaming;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>ai.md §1–§2: learning statistics, the login summary, the pinned report and the four streamed answers.</summary>
public class AiController(
    AiDetailService details,
    AiTrendService trends,
    AiLoginSummaryService loginSummary,
    AiReportService reports,
    AiStreamService streams) : ApiControllerBase
{
    [LoginRequired]
    [HttpGet("/api/ai/detail")]
    public Task<ServiceResult<AiDetailDto>> Detail(AiDetailQuery query, CancellationToken cancellationToken) =>
        details.GetAsync(query, CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/ai/duration")]
    public Task<ServiceResult<List<AiPeriodDto>>> Duration(AiDurationQuery query, CancellationToken cancellationToken) =>
        trends.DurationAsync(query, CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/ai/heatmap")]
    public Task<ServiceResult<List<AiHeatmapDayDto>>> Heatmap(AiHeatmapQuery query, CancellationToken cancellationToken) =>
        trends.HeatmapAsync(query, CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/ai/login_summary")]
    public Task<ServiceResult<AiLoginSummaryDto>> LoginSummary(AiLoginSummaryQuery query, CancellationToken cancellationToken) =>
        loginSummary.GetAsync(CurrentUser!, RequestContext.Session?.PrevLogin, query.Start, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/ai/pinned")]
    public Task<ServiceResult<AiReportDto?>> Pinned(CancellationToken cancellationToken) =>
        reports.GetPinnedAsync(CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpPost("/api/ai/analysis")]
    [ProducesResponseType<ServiceResult>(200)]
    public IActionResult Analysis(AiAnalysisRequest request) => Stream(streams.PrepareAnalysis(request, CurrentUser!));

    [LoginRequired]
    [HttpPost("/api/ai/hint")]
    [ProducesResponseType<ServiceResult>(200)]
    public async Task<IActionResult> Hint(AiHintRequest request, CancellationToken cancellationToken) =>
        Stream(await streams.PrepareHintAsync(request.SubmissionId, CurrentUser!, cancellationToken));

    [TeacherAdminRequired]
    [HttpPost("/api/ai/class_pk")]
    [ProducesResponseType<ServiceResult>(200)]
    public IActionResult ClassPk(AiClassPkRequest request) => Stream(streams.PrepareClassPk(request));

    [LoginRequired]
    [HttpPost("/api/ai/class_single")]
    [ProducesResponseType<ServiceResult>(200)]
    public IActionResult ClassSingle(AiClassSingleRequest request) => Stream(streams.PrepareClassSingle(request));

    /// <summary>A failed check answers the envelope; otherwise the event stream.</summary>
    private static IActionResult Stream(ServiceResult<AiStreamPlan> plan) =>
        plan.Error is { } error ? new ObjectResult(error) : new EventStreamResult(plan.Data!);
}

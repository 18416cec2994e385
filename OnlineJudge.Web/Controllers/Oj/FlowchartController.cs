using OnlineJudge.Data.Flowcharts;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Flowcharts;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>flowchart.md §1: submit, detail, list, retry, the caller's graded attempts and current grade.</summary>
[LoginRequired]
public class FlowchartController(FlowchartSubmitService submit, FlowchartQueryService queries) : ApiControllerBase
{
    [HttpPost("/api/flowchart/submission")]
    public Task<ServiceResult<FlowchartSubmitResultDto>> Submit(FlowchartSubmitRequest request, CancellationToken cancellationToken) =>
        submit.SubmitAsync(request, CurrentUser!, cancellationToken);

    [HttpGet("/api/flowchart/submission")]
    public Task<ServiceResult<FlowchartSubmissionDto>> Get(FlowchartIdQuery query, CancellationToken cancellationToken) =>
        queries.GetAsync(query.Id, CurrentUser!, cancellationToken);

    [HttpGet("/api/flowchart/submissions")]
    public Task<ServiceResult<Page<FlowchartSubmissionListItemDto>>> List(FlowchartListQuery query, CancellationToken cancellationToken) =>
        queries.ListAsync(query, CurrentUser!, cancellationToken);

    [HttpPost("/api/flowchart/submission/retry")]
    public Task<ServiceResult<FlowchartRetryResultDto>> Retry(FlowchartRetryRequest request, CancellationToken cancellationToken) =>
        submit.RetryAsync(request.SubmissionId, CurrentUser!, cancellationToken);

    [HttpGet("/api/flowchart/submission/detail")]
    public Task<ServiceResult<FlowchartAttemptDto>> Attempt(FlowchartAttemptQuery query, CancellationToken cancellationToken) =>
        queries.GetAttemptAsync(query, CurrentUser!, cancellationToken);

    [HttpGet("/api/flowchart/submission/current")]
    public Task<ServiceResult<FlowchartCurrentDto>> Current(FlowchartCurrentQuery query, CancellationToken cancellationToken) =>
        queries.GetCurrentAsync(query.ProblemId, CurrentUser!, cancellationToken);
}

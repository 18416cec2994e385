using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Contests;
using OnlineJudge.Services.Submissions;
using OnlineJudge.Web.Infrastructure.Auth;
using OnlineJudge.Web.Infrastructure.Csrf;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>submission.md §1: submit, detail, share, the two lists, today's count, code formatting.</summary>
public class SubmissionController(SubmitService submit, SubmissionQueryService queries, CodeFormatService formatter) : ApiControllerBase
{
    [LoginRequired]
    [HttpPost("/api/submission")]
    public Task<ServiceResult<SubmitResultDto>> Submit(SubmitRequest request, CancellationToken cancellationToken) =>
        submit.SubmitAsync(request, new SubmitCaller(CurrentUser!, RequestContext.Session?.Ip ?? RequestContext.ClientIp, RequestContext.ViaApiKey,
            Request.Cookies[CaptchaCookie.Name], RequestContext.Session?.ContestPassword), cancellationToken);

    [LoginRequired]
    [HttpGet("/api/submission")]
    public Task<ServiceResult<ISubmissionDetail>> Get(SubmissionIdQuery query, CancellationToken cancellationToken) =>
        queries.GetAsync(query.Id, CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpPut("/api/submission")]
    public Task<ServiceResult> Share(ShareSubmissionRequest request, CancellationToken cancellationToken) =>
        queries.ShareAsync(request, CurrentUser!, cancellationToken);

    [HttpGet("/api/submissions")]
    public Task<ServiceResult<Page<SubmissionListItemDto>>> List(SubmissionListQuery query, CancellationToken cancellationToken) =>
        queries.ListPracticeAsync(query, CurrentUser, cancellationToken);

    [CheckContestPermission(ContestCheckType.Submissions)]
    [HttpGet("/api/contest_submissions")]
    public Task<ServiceResult<Page<SubmissionListItemDto>>> ContestList(SubmissionListQuery query, CancellationToken cancellationToken) =>
        queries.ListContestAsync(CheckContestPermissionAttribute.GetCheckedContest(HttpContext), query, CurrentUser!, cancellationToken);

    [HttpGet("/api/submissions/today_count")]
    public Task<ServiceResult<int>> TodayCount(TodayCountQuery query, CancellationToken cancellationToken) =>
        queries.TodayCountAsync(query.Language, cancellationToken);

    [HttpGet("/api/submission_exists")]
    public Task<ServiceResult<bool>> Exists(SubmissionExistsQuery query, CancellationToken cancellationToken) =>
        queries.ExistsAsync(query.ProblemId, CurrentUser, cancellationToken);

    [LoginRequired]
    [CsrfExempt]
    [HttpPost("/api/format_code")]
    public Task<ServiceResult<FormattedCodeDto>> Format(FormatCodeRequest request, CancellationToken cancellationToken) =>
        formatter.FormatAsync(request, cancellationToken);
}

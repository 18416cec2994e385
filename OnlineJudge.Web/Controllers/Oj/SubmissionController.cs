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
    public Task<ServiceResult<ISubmissionDetail>> Get(CancellationToken cancellationToken) =>
        queries.GetAsync(RequestData.GetString("id"), CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpPut("/api/submission")]
    public Task<ServiceResult<object?>> Share(ShareSubmissionRequest request, CancellationToken cancellationToken) =>
        queries.ShareAsync(request, CurrentUser!, cancellationToken);

    [HttpGet("/api/submissions")]
    public Task<ServiceResult<Page<SubmissionListItemDto>>> List(CancellationToken cancellationToken) =>
        queries.ListPracticeAsync(ListQuery(), CurrentUser, cancellationToken);

    [CheckContestPermission(ContestCheckType.Submissions)]
    [HttpGet("/api/contest_submissions")]
    public Task<ServiceResult<Page<SubmissionListItemDto>>> ContestList(CancellationToken cancellationToken) =>
        queries.ListContestAsync(CheckContestPermissionAttribute.GetCheckedContest(HttpContext), ListQuery(), CurrentUser!, cancellationToken);

    [HttpGet("/api/submissions/today_count")]
    public Task<ServiceResult<int>> TodayCount(CancellationToken cancellationToken) =>
        queries.TodayCountAsync(RequestData.GetString("language"), cancellationToken);

    [HttpGet("/api/submission_exists")]
    public Task<ServiceResult<bool>> Exists(CancellationToken cancellationToken) =>
        queries.ExistsAsync(RequestData.GetString("problem_id"), CurrentUser, cancellationToken);

    [LoginRequired]
    [CsrfExempt]
    [HttpPost("/api/format_code")]
    public Task<ServiceResult<FormattedCodeDto>> Format(FormatCodeRequest request, CancellationToken cancellationToken) =>
        formatter.FormatAsync(request, cancellationToken);

    private SubmissionListQuery ListQuery() => new(
        RequestData.GetString("limit"),
        RequestData.GetString("offset"),
        RequestData.GetString("contest_id"),
        RequestData.GetString("problem_id"),
        RequestData.GetString("myself"),
        RequestData.GetString("username"),
        RequestData.GetString("result"),
        RequestData.GetString("language"),
        RequestData.GetString("today"));
}

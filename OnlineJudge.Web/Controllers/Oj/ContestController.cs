using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Contests;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>contest.md §1 (student contest endpoints) and the legacy contest announcements (§5.1).</summary>
public class ContestController(ContestService contests, ContestRankService ranks) : ApiControllerBase
{
    [HttpGet("/api/contests")]
    public async Task<ServiceResult<Page<ContestDto>>> List(CancellationToken cancellationToken) =>
        await contests.ListAsync(RequestData.GetString("keyword"), RequestData.GetString("status"), RequestData.GetString("tag"),
            PageRequest.Parse(RequestData.GetString("limit"), RequestData.GetString("offset")), cancellationToken);

    [HttpGet("/api/contest")]
    public async Task<ServiceResult<ContestDetailDto>> Get(CancellationToken cancellationToken) =>
        await contests.GetAsync(RequestData.GetString("id"), cancellationToken);

    [LoginRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/contest/password")]
    public async Task<ServiceResult<bool>> Password(ContestPasswordRequest request, CancellationToken cancellationToken) =>
        await contests.VerifyPasswordAsync(request.ContestId, request.Password, RequestContext.SessionKey, RequestContext.Session, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/contest/access")]
    public async Task<ServiceResult<ContestAccess>> Access(CancellationToken cancellationToken) =>
        await contests.GetAccessAsync(RequestData.GetString("contest_id"), RequestContext.Session, cancellationToken);

    /// <summary>A page of the rank, or with <c>download_csv</c> the whole rank as a spreadsheet.</summary>
    [CheckContestPermission(ContestCheckType.Ranks)]
    [HttpGet("/api/contest_rank")]
    public async Task<IActionResult> Rank(CancellationToken cancellationToken)
    {
        var contest = CheckContestPermissionAttribute.GetCheckedContest(HttpContext);
        if (!string.IsNullOrEmpty(RequestData.GetString("download_csv")))
        {
            return Download(await ranks.DownloadAsync(contest, CurrentUser, cancellationToken));
        }

        return new ObjectResult(await ranks.GetPageAsync(contest, CurrentUser,
            PageRequest.Parse(RequestData.GetString("limit"), RequestData.GetString("offset")), cancellationToken));
    }

    [CheckContestPermission(ContestCheckType.Announcements)]
    [HttpGet("/api/contest/announcement")]
    public async Task<ServiceResult<List<ContestAnnouncementDto>>> Announcements(CancellationToken cancellationToken) =>
        await contests.ListVisibleAnnouncementsAsync(CheckContestPermissionAttribute.GetCheckedContest(HttpContext).Id,
            RequestData.GetString("max_id"), cancellationToken);

    private IActionResult Download(ServiceResult<ContestFile> result)
    {
        if (result.Data is not { } file)
        {
            return new ObjectResult(result);
        }

        Response.Headers.ContentDisposition = $"attachment; filename={file.FileName}";
        return File(file.Content, file.ContentType);
    }
}

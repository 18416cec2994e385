using OnlineJudge.Data.Contests;
using OnlineJudge.Services.Contests;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>contest.md §1 (student contest endpoints) and the legacy contest announcements (§5.1).</summary>
public class ContestController(ContestService contests, ContestRankService ranks) : ApiControllerBase
{
    [HttpGet("/api/contests")]
    public async Task<ServiceResult<Page<ContestDto>>> List(ContestListQuery query, CancellationToken cancellationToken) =>
        await contests.ListAsync(query, cancellationToken);

    [HttpGet("/api/contest")]
    public async Task<ServiceResult<ContestDetailDto>> Get(ContestIdQuery query, CancellationToken cancellationToken) =>
        await contests.GetAsync(query.Id, cancellationToken);

    [LoginRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/contest/password")]
    public async Task<ServiceResult<bool>> Password(ContestPasswordRequest request, CancellationToken cancellationToken) =>
        await contests.VerifyPasswordAsync(request.ContestId, request.Password, RequestContext.SessionKey, RequestContext.Session, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/contest/access")]
    public async Task<ServiceResult<ContestAccess>> Access(ContestAccessQuery query, CancellationToken cancellationToken) =>
        await contests.GetAccessAsync(query.ContestId, RequestContext.Session, cancellationToken);

    /// <summary>A page of the rank, or with <c>download_csv</c> the whole rank as a spreadsheet.</summary>
    [CheckContestPermission(ContestCheckType.Ranks)]
    [HttpGet("/api/contest_rank")]
    [ProducesResponseType<ServiceResult<Page<ContestRankRowDto>>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Rank(ContestRankQuery query, CancellationToken cancellationToken)
    {
        var contest = CheckContestPermissionAttribute.GetCheckedContest(HttpContext);
        if (query.DownloadCsv)
        {
            return Download(await ranks.DownloadAsync(contest, CurrentUser, cancellationToken));
        }

        return new ObjectResult(await ranks.GetPageAsync(contest, CurrentUser, query.Page, cancellationToken));
    }

    [CheckContestPermission(ContestCheckType.Announcements)]
    [HttpGet("/api/contest/announcement")]
    public async Task<ServiceResult<List<ContestAnnouncementDto>>> Announcements(ContestAnnouncementsQuery query,
        CancellationToken cancellationToken) =>
        await contests.ListVisibleAnnouncementsAsync(CheckContestPermissionAttribute.GetCheckedContest(HttpContext).Id, query.MaxId,
            cancellationToken);

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

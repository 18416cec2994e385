using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Services.ProblemSets;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>problemset.md §1: student endpoints of problem sets, progress and badges; §3: the path variants that always fail.</summary>
public class ProblemSetController(ProblemSetService sets, ProblemSetProgressService progress) : ApiControllerBase
{
    [HttpGet("/api/problemset")]
    public Task<ServiceResult<Page<ProblemSetListItemDto>>> List(OpenProblemSetListQuery query, CancellationToken cancellationToken) =>
        sets.ListAsync(query, CurrentUser, cancellationToken);

    [HttpGet("/api/problemset/{id:long:min(0)}")]
    public Task<ServiceResult<ProblemSetDto>> Get([FromRoute] long id, CancellationToken cancellationToken) =>
        sets.GetAsync(id, CurrentUser, cancellationToken);

    [HttpGet("/api/problemset/{id:long:min(0)}/problems")]
    public Task<ServiceResult<List<ProblemSetProblemDto>>> Problems([FromRoute] long id, CancellationToken cancellationToken) =>
        sets.ListProblemsAsync(id, CurrentUser, cancellationToken);

    [LoginRequired]
    [HttpPost("/api/problemset/progress")]
    public Task<ServiceResult<string>> Join(JoinProblemSetRequest request, CancellationToken cancellationToken) =>
        progress.JoinAsync(request.ProblemsetId, CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpPut("/api/problemset/progress")]
    public Task<ServiceResult<string>> Report(ReportProgressRequest request, CancellationToken cancellationToken) =>
        progress.ReportAsync(request, CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/problemset/{id:long:min(0)}/progress")]
    public Task<ServiceResult<ProgressDto>> OwnProgress([FromRoute] long id, CancellationToken cancellationToken) =>
        progress.GetOwnAsync(id, CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/user/progress")]
    public Task<ServiceResult<List<ProgressDto>>> AllOwnProgress(CancellationToken cancellationToken) =>
        progress.ListOwnAsync(CurrentUser!, cancellationToken);

    [HttpGet("/api/user/badges")]
    public Task<ServiceResult<List<UserBadgeDto>>> UserBadges(UserBadgesQuery query, CancellationToken cancellationToken) =>
        sets.ListUserBadgesAsync(query, CurrentUser, cancellationToken);

    [HttpGet("/api/problemset/{id:long:min(0)}/badges")]
    public Task<ServiceResult<List<BadgeDto>>> Badges([FromRoute] long id, CancellationToken cancellationToken) =>
        sets.ListBadgesAsync(id, cancellationToken);

    /// <summary>§1.10: its permission depends on the caller's progress in the set, so the service checks it.</summary>
    [HttpGet("/api/problemset/{id:long:min(0)}/users_progress")]
    public Task<ServiceResult<MemberProgressPageDto>> MembersProgress([FromRoute] long id, MemberProgressQuery query,
        CancellationToken cancellationToken) =>
        progress.ListMembersAsync(id, query, CurrentUser, cancellationToken);

    // §3: URL shapes the reference registered but could not serve.

    [HttpGet("/api/problemset/{id:long:min(0)}/problems/{problemId:long:min(0)}")]
    public ServiceResult OneProblem() => ProblemSetPaths.Unsupported("GET /api/problemset/{id}/problems");

    [LoginRequired]
    [HttpGet("/api/problemset/progress")]
    public ServiceResult ProgressWithoutSet() => ProblemSetPaths.Unsupported("GET /api/problemset/{id}/progress");

    [LoginRequired]
    [HttpPost("/api/problemset/{id:long:min(0)}/progress")]
    public ServiceResult JoinWithSetInPath(JoinProblemSetRequest request) => ProblemSetPaths.Unsupported("POST /api/problemset/progress");

    [LoginRequired]
    [HttpPut("/api/problemset/{id:long:min(0)}/progress")]
    public ServiceResult ReportWithSetInPath(ReportProgressRequest request) => ProblemSetPaths.Unsupported("PUT /api/problemset/progress");
}

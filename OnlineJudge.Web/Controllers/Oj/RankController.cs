using OnlineJudge.Data.Users;
using OnlineJudge.Services.Users;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>User rank lists (account.md A9–A11).</summary>
public class RankController(RankService ranks) : ApiControllerBase
{
    [HttpGet("/api/user_rank")]
    public async Task<ServiceResult<Page<RankInfoDto>>> UserRank(UserRankQuery query, CancellationToken cancellationToken) =>
        await ranks.GetUserRankAsync(query, cancellationToken);

    [HttpGet("/api/user_activity_rank")]
    public async Task<ServiceResult<List<ActivityRankDto>>> ActivityRank(ActivityRankQuery query, CancellationToken cancellationToken) =>
        await ranks.GetActivityRankAsync(query.Start, cancellationToken);

    /// <summary>No decorator: the handler answers anonymous callers with a plain error.</summary>
    [HttpGet("/api/user_problem_rank")]
    public async Task<ServiceResult<ProblemRankDto>> ProblemRank(ProblemRankQuery query, CancellationToken cancellationToken) =>
        await ranks.GetProblemRankAsync(CurrentUser?.Id, query.ProblemId, cancellationToken);
}

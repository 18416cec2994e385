using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Users;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Users;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>User rank lists (account.md A9–A11).</summary>
public class RankController(RankService ranks) : ApiControllerBase
{
    [HttpGet("/api/user_rank")]
    public async Task<ServiceResult<Page<RankInfoDto>>> UserRank(CancellationToken cancellationToken) =>
        await ranks.GetUserRankAsync(RequestData.GetString("username"), RequestData.GetString("n"),
            PageRequest.Parse(RequestData.GetString("limit"), RequestData.GetString("offset")), cancellationToken);

    [HttpGet("/api/user_activity_rank")]
    public async Task<ServiceResult<List<ActivityRankDto>>> ActivityRank(CancellationToken cancellationToken) =>
        await ranks.GetActivityRankAsync(RequestData.GetString("start"), cancellationToken);

    /// <summary>No decorator: the handler answers anonymous callers with a plain error.</summary>
    [HttpGet("/api/user_problem_rank")]
    public async Task<ServiceResult<ProblemRankDto>> ProblemRank(CancellationToken cancellationToken) =>
        await ranks.GetProblemRankAsync(CurrentUser?.Id, RequestData.GetString("problem_id"), cancellationToken);
}

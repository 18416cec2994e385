using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Problems;

/// <summary>
/// The problems of a contest as students see them (problem.md §1.9), after the contest gate. Everyone past the gate gets
/// the statistics and their own <c>my_status</c>, as the reference gave it in ACM contests (docs/decisions.md).
/// </summary>
public class ContestProblemService(ContestProblemRepository problems, PublicProblemRepository publicProblems)
{
    /// <summary>GET /api/contest/problem with <c>problem_id</c>.</summary>
    public async Task<ServiceResult<ProblemDetailDto>> GetAsync(ContestGateDto contest, string displayId, CurrentUser user,
        CancellationToken cancellationToken)
    {
        var problem = await problems.FindContestProblemAsync(contest.Id, displayId, cancellationToken);
        if (problem is null)
        {
            return ServiceError.Of("Problem does not exist.");
        }

        var statuses = (await publicProblems.GetAcmStatusAsync(user.Id, cancellationToken)).ContestProblems;
        return ProblemDetailDto.From(problem) with { MyStatus = ProblemViews.StatusOf(statuses, problem.Id) };
    }

    /// <summary>GET /api/contest/problem without <c>problem_id</c>: list items with statistics and the caller's status.</summary>
    public async Task<ServiceResult<List<ProblemListItemDto>>> ListAsync(ContestGateDto contest, CurrentUser user, CancellationToken cancellationToken)
    {
        var rows = await problems.ListContestProblemsAsync(contest.Id, cancellationToken);
        var statuses = (await publicProblems.GetAcmStatusAsync(user.Id, cancellationToken)).ContestProblems;
        return rows.Select(r => ProblemViews.ToListItem(r) with { MyStatus = ProblemViews.StatusOf(statuses, r.Id) }).ToList();
    }
}

using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Problems;

/// <summary>The problems of a contest as students see them (problem.md §1.9), after the contest gate.</summary>
public class ContestProblemService(ContestProblemRepository problems, PublicProblemRepository publicProblems, TimeProvider time)
{
    /// <summary>
    /// GET /api/contest/problem with <c>problem_id</c>, after the contest gate (problem.md §1.9): the statistics only once
    /// the contest ended or for its admins.
    /// </summary>
    public async Task<ServiceResult<ProblemDetailDto>> GetAsync(ContestGateDto contest, string displayId, CurrentUser user,
        CancellationToken cancellationToken)
    {
        var problem = await problems.FindContestProblemAsync(contest.Id, displayId, cancellationToken);
        if (problem is null)
        {
            return ServiceError.Of("Problem does not exist.");
        }

        if (!ShowsDetails(contest, user))
        {
            return ProblemDetailDto.From(problem, safe: true);
        }

        var statuses = (await publicProblems.GetAcmStatusAsync(user.Id, cancellationToken)).ContestProblems;
        return ProblemDetailDto.From(problem, safe: false) with { MyStatus = ProblemViews.StatusOf(statuses, problem.Id) };
    }

    /// <summary>GET /api/contest/problem without <c>problem_id</c>: safe details while it runs, list items with statistics after.</summary>
    public async Task<ServiceResult<Either<List<ProblemDetailDto>, List<ProblemListItemDto>>>> ListAsync(ContestGateDto contest,
        CurrentUser user, CancellationToken cancellationToken)
    {
        if (!ShowsDetails(contest, user))
        {
            var safe = await problems.ListContestProblemsFullAsync(contest.Id, cancellationToken);
            return Either<List<ProblemDetailDto>, List<ProblemListItemDto>>.First([.. safe.Select(p => ProblemDetailDto.From(p, safe: true))]);
        }

        var rows = await problems.ListContestProblemsAsync(contest.Id, cancellationToken);
        var statuses = (await publicProblems.GetAcmStatusAsync(user.Id, cancellationToken)).ContestProblems;
        return Either<List<ProblemDetailDto>, List<ProblemListItemDto>>.Second(
            [.. rows.Select(r => ProblemViews.ToListItem(r) with { MyStatus = ProblemViews.StatusOf(statuses, r.Id) })]);
    }

    private bool ShowsDetails(ContestGateDto contest, CurrentUser user) =>
        contest.EndTime < time.GetUtcNow().UtcDateTime || user.OwnsContest(contest.CreatedById);
}

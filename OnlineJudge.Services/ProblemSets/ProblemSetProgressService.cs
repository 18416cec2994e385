using OnlineJudge.Data.Entities;
using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Users;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>Joining, reporting and reading progress (problemset.md §1.4–§1.7, §1.10).</summary>
public class ProblemSetProgressService(
    ProblemSetRepository sets,
    ProblemSetProgressRepository progress,
    ProgressTrackingService tracking,
    TransactionRunner transactions,
    CacheService cache,
    TimeProvider time)
{
    private static readonly ServiceError NotJoined = ServiceError.Of("未加入该题单");

    /// <summary>§1.4: a progress row for the caller, recomputed at once (an empty set is complete); no badge check.</summary>
    public async Task<ServiceResult<string>> JoinAsync(long setId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!await sets.IsOpenAsync(setId, cancellationToken))
        {
            return ProblemSetService.NotFound;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var joined = await transactions.ExecuteAsync(async ct =>
        {
            if (await progress.JoinAsync(setId, user.Id, now, ct) is null)
            {
                return false;
            }

            await tracking.RecomputeAsync(setId, user.Id, ct);
            return true;
        }, cancellationToken);
        if (!joined)
        {
            return ServiceError.Of("已经加入该题单");
        }

        await cache.InvalidateProblemSetGuardsAsync(user.Id);
        return "成功加入题单";
    }

    /// <summary>§1.5: the caller reports an accepted submission of theirs made inside the set.</summary>
    public async Task<ServiceResult<string>> ReportAsync(ReportProgressRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!await sets.IsOpenAsync(request.ProblemsetId, cancellationToken))
        {
            return ProblemSetService.NotFound;
        }

        if (await sets.FindProgressSummaryAsync(request.ProblemsetId, user.Id, cancellationToken) is null)
        {
            return NotJoined;
        }

        if (string.IsNullOrEmpty(request.SubmissionId))
        {
            return ServiceError.Of("需要提供提交记录ID");
        }

        if (await progress.FindSubmissionResultAsync(request.SubmissionId, user.Id, cancellationToken) is not { } result)
        {
            return ServiceError.Of("提交记录不存在");
        }

        if (!JudgeStatus.IsAccepted(result))
        {
            return ServiceError.Of("只有通过的提交才能更新进度");
        }

        return await tracking.RecordAcceptedAsync(request.ProblemsetId, user.Id, request.ProblemId, request.SubmissionId, cancellationToken)
            ? "进度已更新"
            : NotJoined;
    }

    /// <summary>§1.6: the caller's progress in an open set.</summary>
    public async Task<ServiceResult<ProgressDto>> GetOwnAsync(long setId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!await sets.IsOpenAsync(setId, cancellationToken))
        {
            return ProblemSetService.NotFound;
        }

        return await progress.FindAsync(setId, user.Id, cancellationToken) is { } row
            ? (await WithCompletedProblemsAsync([row], cancellationToken))[0]
            : NotJoined;
    }

    /// <summary>§1.7: the caller's progress in every set, newest join first.</summary>
    public async Task<ServiceResult<List<ProgressDto>>> ListOwnAsync(CurrentUser user, CancellationToken cancellationToken) =>
        await WithCompletedProblemsAsync(await progress.ListOfUserAsync(user.Id, cancellationToken), cancellationToken);

    /// <summary>
    /// §1.10: the members' progress, for teachers and super admins and for members who completed the set (what the client
    /// shows the tab to; docs/decisions.md).
    /// </summary>
    public async Task<ServiceResult<MemberProgressPageDto>> ListMembersAsync(long setId, MemberProgressQuery query, CurrentUser? user,
        CancellationToken cancellationToken)
    {
        if (user is null || !(user.IsTeacherOrAbove || await progress.HasCompletedAsync(setId, user.Id, cancellationToken)))
        {
            return ServiceError.PermissionDenied("Please login first");
        }

        if (user.IsDisabled)
        {
            return ServiceError.PermissionDenied("Your account is disabled");
        }

        if (!await sets.IsOpenAsync(setId, cancellationToken))
        {
            return ProblemSetService.NotFound;
        }

        var (page, statistics) = await progress.GetMemberPageAsync(setId, query.ToFilter(), query.Page, cancellationToken);
        var problems = await sets.ListProblemRefsAsync(setId, cancellationToken);
        var inSet = problems.ToDictionary(p => p.Id);
        return new MemberProgressPageDto([.. page.Results.Select(r => ProgressDto.From(r, inSet))], page.Total,
            new MemberStatisticsDto(statistics.Total, statistics.Completed, ClassStatistics.Round(statistics.AvgProgress, 2)), problems);
    }

    /// <summary>Progress objects whose <c>completed_problems</c> name every existing problem among their keys (one query for all rows).</summary>
    public async Task<List<ProgressDto>> WithCompletedProblemsAsync(List<ProgressRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.SelectMany(r => ProgressRules.ProblemIdsOf(r.ProgressDetail.Keys)).Distinct().ToList();
        var problems = ids.Count == 0
            ? new Dictionary<int, ProblemRefDto>()
            : (await sets.ListProblemRefsByIdAsync(ids, cancellationToken)).ToDictionary(p => p.Id);
        return [.. rows.Select(r => ProgressDto.From(r, problems))];
    }
}

using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>
/// Admin management of what a set holds (problemset.md §2.8–§2.18): its problems, badges and members. Every write runs
/// with its side effect of §0.5 (progress recomputed, badge holders recalculated) in one transaction, the members' rows
/// locked first (<see cref="ProgressTrackingService"/>).
/// </summary>
public class ProblemSetContentAdminService(
    ProblemSetAdminService owners,
    ProblemSetRepository sets,
    ProblemSetAdminRepository admin,
    ProblemSetBadgeRepository badges,
    ProblemSetProgressRepository progress,
    ProblemSetProgressService progressViews,
    ProgressTrackingService tracking,
    TransactionRunner transactions,
    CacheService cache)
{
    private static readonly ServiceError ProblemNotInSet = ServiceError.Of("题目不在该题单中");
    private static readonly ServiceError BadgeNotFound = ServiceError.Of("奖章不存在");

    /// <summary>§2.8: the problems of a set; <c>is_completed</c> from the caller's own progress.</summary>
    public async Task<ServiceResult<List<ProblemSetProblemDto>>> ListProblemsAsync(long setId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error)
        {
            return error;
        }

        var problems = (await sets.ListProblemsAsync(setId, cancellationToken)).Select(ProblemSetProblemDto.From);
        return ProblemSetService.WithCompletion(problems, await sets.FindCompletedKeysAsync(setId, user.Id, cancellationToken) ?? []);
    }

    /// <summary>§2.9: adds a visible public problem by display id.</summary>
    public async Task<ServiceResult<string>> AddProblemAsync(long setId, AddSetProblemRequest request, CurrentUser user,
        CancellationToken cancellationToken)
    {
        if (await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error)
        {
            return error;
        }

        if (await admin.FindAddableProblemAsync(request.ProblemId, cancellationToken) is not { } problemId)
        {
            return ServiceError.Of("题目不存在或不可见");
        }

        if (await admin.ContainsProblemAsync(setId, problemId, cancellationToken)
            || !await ChangeProblemsAsync(setId, ct => admin.AddProblemAsync(setId, problemId, request.ToWriteDto(), ct), cancellationToken))
        {
            return ServiceError.Of("题目已在该题单中");
        }

        return "题目已添加到题单";
    }

    /// <summary>§2.10: only the given fields change; the scores are re-applied to every member.</summary>
    public async Task<ServiceResult<string>> UpdateProblemAsync(long setId, long rowId, EditSetProblemRequest request, CurrentUser user,
        CancellationToken cancellationToken)
    {
        if (await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error)
        {
            return error;
        }

        return await ChangeProblemsAsync(setId, ct => admin.UpdateProblemAsync(setId, rowId, request.ToWriteDto(), ct), cancellationToken)
            ? "题目已更新"
            : ProblemNotInSet;
    }

    /// <summary>§2.11: the problem leaves the set with its submission links; members' progress drops it.</summary>
    public async Task<ServiceResult<string>> RemoveProblemAsync(long setId, long rowId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error)
        {
            return error;
        }

        return await ChangeProblemsAsync(setId, DeleteAsync, cancellationToken) ? "题目已从题单中移除" : ProblemNotInSet;

        async Task<bool> DeleteAsync(CancellationToken ct)
        {
            if (await admin.DeleteProblemAsync(setId, rowId, ct) is not { } problemId)
            {
                return false;
            }

            // §0.5: the problem's submission links of the set go with it.
            await progress.DeleteSubmissionLinksAsync(setId, problemId, ct);
            return true;
        }
    }

    /// <summary>§2.12.</summary>
    public async Task<ServiceResult<List<BadgeDto>>> ListBadgesAsync(long setId, CurrentUser user, CancellationToken cancellationToken) =>
        await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error ? error : await sets.ListBadgesAsync(setId, cancellationToken);

    /// <summary>§2.13: a new badge, silently given to every member already eligible.</summary>
    public async Task<ServiceResult<BadgeDto>> CreateBadgeAsync(long setId, CreateBadgeRequest request, CurrentUser user,
        CancellationToken cancellationToken)
    {
        if (await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error)
        {
            return error;
        }

        var badgeId = await transactions.ExecuteAsync(async ct =>
        {
            var created = await badges.CreateAsync(setId, request.ToWriteDto(), ct);
            await tracking.AfterBadgeSavedAsync(setId, created, ct);
            return created;
        }, cancellationToken);
        await cache.InvalidateProblemSetsAsync();
        return await sets.FindBadgeAsync(setId, badgeId, cancellationToken) is { } badge ? badge : BadgeNotFound;
    }

    /// <summary>§2.14: only the given fields change; the holders are recalculated (which may take the badge away).</summary>
    public async Task<ServiceResult<string>> UpdateBadgeAsync(long setId, long badgeId, EditBadgeRequest request, CurrentUser user,
        CancellationToken cancellationToken)
    {
        if (await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error)
        {
            return error;
        }

        var updated = await transactions.ExecuteAsync(async ct =>
        {
            if (!await badges.UpdateAsync(setId, badgeId, request.ToWriteDto(), ct))
            {
                return false;
            }

            await tracking.AfterBadgeSavedAsync(setId, badgeId, ct);
            return true;
        }, cancellationToken);
        if (!updated)
        {
            return BadgeNotFound;
        }

        await cache.InvalidateProblemSetsAsync();
        return request.ChangesCondition ? "奖章已更新，并重新计算了所有用户的徽章资格" : "奖章已更新";
    }

    /// <summary>§2.15: the badge and its holders are deleted.</summary>
    public async Task<ServiceResult<string>> DeleteBadgeAsync(long setId, long badgeId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error)
        {
            return error;
        }

        if (!await transactions.ExecuteAsync(ct => badges.DeleteAsync(setId, badgeId, ct), cancellationToken))
        {
            return BadgeNotFound;
        }

        await cache.InvalidateProblemSetsAsync();
        return "奖章已删除";
    }

    /// <summary>§2.16: every member's progress, newest join first.</summary>
    public async Task<ServiceResult<List<ProgressDto>>> ListProgressAsync(long setId, CurrentUser user, CancellationToken cancellationToken) =>
        await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error
            ? error
            : await progressViews.WithCompletedProblemsAsync(await progress.ListOfSetAsync(setId, cancellationToken), cancellationToken);

    /// <summary>§2.17: deletes the member's progress row only (badges and submission links stay).</summary>
    public async Task<ServiceResult<string>> RemoveMemberAsync(long setId, int userId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error)
        {
            return error;
        }

        return await progress.DeleteAsync(setId, userId, cancellationToken) ? "用户已从题单中移除" : ServiceError.Of("用户未加入该题单");
    }

    /// <summary>§2.18: §0.3 for every member (no badge work).</summary>
    public async Task<ServiceResult<string>> SyncAsync(long setId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await owners.CheckOwnedAsync(setId, user, cancellationToken) is { } error)
        {
            return error;
        }

        var count = await tracking.RecomputeSetAsync(setId, recalculateBadges: false, cancellationToken);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"已同步 {count} 个用户的进度");
    }

    /// <summary>
    /// Runs a write of the set's problem list and, when it changed something, §0.5 in the same transaction (members locked
    /// first); the cached set pages go stale after the commit.
    /// </summary>
    private async Task<bool> ChangeProblemsAsync(long setId, Func<CancellationToken, Task<bool>> write, CancellationToken cancellationToken)
    {
        var changed = await transactions.ExecuteAsync(async ct =>
        {
            await tracking.LockMembersAsync([setId], ct);
            if (!await write(ct))
            {
                return false;
            }

            await tracking.AfterProblemsChangedAsync([setId], ct);
            return true;
        }, cancellationToken);
        if (changed)
        {
            await cache.InvalidateProblemSetsAsync();
        }

        return changed;
    }
}

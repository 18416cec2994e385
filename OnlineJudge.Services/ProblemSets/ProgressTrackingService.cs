using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Achievements;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>
/// Keeps progress rows and badges up to date (problemset.md §0.3–§0.5): an accepted submission reported by the client or
/// judged for a member, and the set-wide recomputations that follow admin writes. Each runs in one transaction that
/// first locks the progress rows it recomputes, so concurrent verdicts, reports and admin writes never lose an update;
/// badges are inserted with <c>ON CONFLICT DO NOTHING</c>, so each is awarded (and pushed) once per user.
/// </summary>
public class ProgressTrackingService(
    TransactionRunner transactions,
    ProblemSetProgressRepository progress,
    ProblemSetBadgeRepository badges,
    ProblemSetRepository sets,
    AchievementNotifier notifier,
    CacheService cache,
    TimeProvider time,
    ILogger<ProgressTrackingService> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// §1.5 effects for a member of <paramref name="setId"/>: the problem counts as completed (at its score in the set,
    /// then §0.3), the first submission of (set, user, problem) is linked, and the badges the row now earns are awarded and
    /// pushed. False when the user has not joined the set.
    /// </summary>
    public async Task<bool> RecordAcceptedAsync(long setId, int userId, int problemId, string submissionId, CancellationToken cancellationToken)
    {
        var now = Now;
        var awarded = await transactions.ExecuteAsync(async ct =>
        {
            var row = await progress.LockAsync(setId, userId, ct);
            if (row is null)
            {
                return null;
            }

            var problems = await progress.ListScoresAsync(setId, ct);
            var detail = new Dictionary<string, ProgressDetailEntry>(row.Detail, StringComparer.Ordinal)
            {
                [ProgressRules.KeyOf(problemId)] = new()
                {
                    Score = problems.FirstOrDefault(p => p.ProblemId == problemId)?.Score ?? 0,
                    SubmitTime = ProgressRules.SubmitTime(now),
                },
            };
            var values = ProgressRules.Recompute(detail, row.CompleteTime, problems, now);
            await progress.SaveAsync(row.Id, values, ct);
            await progress.LinkSubmissionAsync(setId, userId, problemId, submissionId, ct);
            var eligible = (await sets.ListBadgesAsync(setId, ct)).Where(b => ProgressRules.IsEligible(b, values)).Select(b => b.Id).ToArray();
            return await badges.AwardAsync(userId, eligible, now, ct);
        }, cancellationToken);
        if (awarded is null)
        {
            return false;
        }

        await cache.InvalidateProblemSetGuardsAsync(userId);

        if (awarded.Count > 0)
        {
            logger.LogInformation("User {UserId} earned badges {BadgeIds} of problem set {SetId}", userId, awarded.Select(b => b.Id), setId);
            // After the commit: announced even if the request is cancelled now.
            await notifier.NotifyBadgesAsync(userId, awarded, CancellationToken.None);
        }

        return true;
    }

    /// <summary>§0.3 for the row just created by a join (no badge check, no push).</summary>
    public Task RecomputeAsync(long setId, int userId, CancellationToken cancellationToken) =>
        transactions.ExecuteAsync(async ct =>
        {
            if (await progress.LockAsync(setId, userId, ct) is { } row)
            {
                await progress.SaveAsync(row.Id, ProgressRules.Recompute(row.Detail, row.CompleteTime, await progress.ListScoresAsync(setId, ct), Now), ct);
            }
        }, cancellationToken);

    /// <summary>
    /// §0.3 for every member of a set; with <paramref name="recalculateBadges"/> then §0.4's recalculation of every badge of
    /// the set (silent: no push). Returns the number of rows.
    /// </summary>
    public async Task<int> RecomputeSetAsync(long setId, bool recalculateBadges, CancellationToken cancellationToken)
    {
        var now = Now;
        return await transactions.ExecuteAsync(async ct =>
        {
            var rows = await progress.LockAllAsync(setId, ct);
            var problems = await progress.ListScoresAsync(setId, ct);
            var recomputed = new List<(int UserId, ProgressValues Values)>(rows.Count);
            foreach (var row in rows)
            {
                var values = ProgressRules.Recompute(row.Detail, row.CompleteTime, problems, now);
                await progress.SaveAsync(row.Id, values, ct);
                recomputed.Add((row.UserId, values));
            }

            if (recalculateBadges)
            {
                foreach (var badge in await sets.ListBadgesAsync(setId, ct))
                {
                    var holders = recomputed.Where(r => ProgressRules.IsEligible(badge, r.Values)).Select(r => r.UserId).ToArray();
                    await badges.SetHoldersAsync(badge.Id, holders, now, ct);
                }
            }

            return rows.Count;
        }, cancellationToken);
    }

    /// <summary>§0.4's recalculation of one badge over the members' stored progress (silent: no push).</summary>
    public Task RecalculateBadgeAsync(long setId, long badgeId, CancellationToken cancellationToken) =>
        transactions.ExecuteAsync(async ct =>
        {
            var rows = await progress.LockAllAsync(setId, ct);
            if (await sets.FindBadgeAsync(setId, badgeId, ct) is { } badge)
            {
                await badges.SetHoldersAsync(badgeId, [.. rows.Where(r => ProgressRules.IsEligible(badge, r)).Select(r => r.UserId)], Now, ct);
            }
        }, cancellationToken);

    /// <summary>
    /// Locks the members' rows of the sets before a write that changes what they hold. Every writer of progress takes these
    /// locks before anything else of the set (a verdict locks its member's row, then links its submission to the problem),
    /// so a write that deletes a problem cannot deadlock with a verdict of one of its sets.
    /// </summary>
    public Task LockMembersAsync(IReadOnlyCollection<long> setIds, CancellationToken cancellationToken) =>
        setIds.Count == 0 ? Task.CompletedTask : progress.LockMembersAsync([.. setIds], cancellationToken);

    /// <summary>
    /// §0.5 after a write that changed the problem lists of the sets, in the write's transaction: §0.3 for every member and
    /// §0.4's recalculation of every badge of each set (silent).
    /// </summary>
    public Task AfterProblemsChangedAsync(IReadOnlyCollection<long> setIds, CancellationToken cancellationToken) =>
        RunSideEffectAsync(setIds, async ct =>
        {
            foreach (var setId in setIds)
            {
                await RecomputeSetAsync(setId, recalculateBadges: true, ct);
            }
        }, cancellationToken);

    /// <summary>§0.5 after a badge was created or changed, in the write's transaction: §0.4's recalculation of that badge.</summary>
    public Task AfterBadgeSavedAsync(long setId, long badgeId, CancellationToken cancellationToken) =>
        RunSideEffectAsync([setId], ct => RecalculateBadgeAsync(setId, badgeId, ct), cancellationToken);

    /// <summary>
    /// Runs a side effect of a write (§0.5) in the write's transaction, behind a savepoint: a failure is logged and undone
    /// alone, the write still commits and the request succeeds (the reference's model signals swallow errors);
    /// <c>POST …/sync</c> repairs the progress afterwards.
    /// </summary>
    private async Task RunSideEffectAsync(IReadOnlyCollection<long> setIds, Func<CancellationToken, Task> effect, CancellationToken cancellationToken)
    {
        if (await transactions.TryBehindSavepointAsync(effect, cancellationToken) is { } failure)
        {
            logger.LogError(failure, "Recomputing the progress and badges of problem sets {SetIds} failed; the write stands", setIds);
        }
    }
}

using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Achievements;
using OnlineJudge.Data.Transactions;

namespace OnlineJudge.Services.Achievements;

/// <summary>What a full recomputation did.</summary>
public sealed record RecomputeReport(int Users, int Unlocked);

/// <summary>
/// The full recomputation of achievement.md §3.6 (operator command <c>recompute_achievements</c>): for every non-disabled
/// user (or one), rebuilds <c>user_stat.metrics</c> from the submissions, badges and problem-set progress (helper keys
/// included, so that incremental updates continue from it), then runs both check rounds with <c>backfilled</c> unlocks,
/// marked as shown when <c>silent</c>.
/// </summary>
public class AchievementRecomputeService(
    UserStatRepository stats,
    AchievementCheckService checks,
    AchievementNotifier notifier,
    TransactionRunner transactions,
    TimeProvider time,
    ILogger<AchievementRecomputeService> logger)
{
    public async Task<RecomputeReport> RecomputeAsync(int? onlyUserId, bool silent, CancellationToken cancellationToken)
    {
        var users = await stats.ListActiveUserIdsAsync(onlyUserId, cancellationToken);
        var unlocked = 0;
        for (var i = 0; i < users.Count; i++)
        {
            unlocked += await RecomputeUserAsync(users[i], silent, cancellationToken);
            if ((i + 1) % 50 == 0)
            {
                logger.LogInformation("Recomputed achievements of {Done}/{Total} users", i + 1, users.Count);
            }
        }

        return new RecomputeReport(users.Count, unlocked);
    }

    /// <summary>Rebuilds one user's metrics under the row lock, then checks; returns the new unlocks.</summary>
    public async Task<int> RecomputeUserAsync(int userId, bool silent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await transactions.ExecuteAsync(async ct =>
        {
            if (await stats.LockAsync(userId, now, ct) is null)
            {
                return false;
            }

            var metrics = MetricRecomputation.Build(await UserStatUpdater.LoadHistoryAsync(stats, userId, ct));
            MetricRecomputation.SetRecomputeOnly(metrics, await stats.CountRecomputeOnlyAsync(userId, ct));
            await stats.SaveAsync(userId, metrics, now, ct);
            await stats.SetUnlockedCountAsync(userId, MetricRegistry.AchievementUnlockedCount, now, ct);
            return true;
        }, cancellationToken);
        if (!stored)
        {
            return 0;
        }

        var unlocks = await checks.CheckAsync(userId, backfilled: true, notified: silent, cancellationToken);
        await notifier.NotifyAsync(userId, unlocks, CancellationToken.None, push: false);
        return unlocks.Count;
    }
}

using OnlineJudge.Data.Achievements;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// Rounds 1 and 2 of achievement.md §3.3 against the stored metrics: unlock what the metrics satisfy; when anything was
/// unlocked, refresh the meta metric (only that key) and evaluate the achievements on it once more. No third round.
/// </summary>
public class AchievementCheckService(UserAchievementRepository unlocks, UserStatRepository stats, TimeProvider time)
{
    /// <summary>Unlocks what the user's metrics satisfy; returns the new unlock rows of both rounds.</summary>
    public async Task<List<NewUnlockDto>> CheckAsync(int userId, bool backfilled, bool notified, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var first = await unlocks.UnlockSatisfiedAsync(userId, null, now, backfilled, notified, cancellationToken);
        if (first.Count == 0)
        {
            return first;
        }

        await stats.SetUnlockedCountAsync(userId, MetricRegistry.AchievementUnlockedCount, now, cancellationToken);
        var second = await unlocks.UnlockSatisfiedAsync(userId, MetricRegistry.MetaKeys, now, backfilled, notified, cancellationToken);
        return [.. first, .. second];
    }
}

using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Achievements;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// achievement.md §3.5: grants one visible achievement, <c>backfilled</c>, to every user whose stored metric satisfies
/// it (one statement), then announces each new unlock. Disabled users are not excluded.
/// </summary>
public class AchievementRescanService(
    UserAchievementRepository unlocks,
    AchievementRepository achievements,
    AchievementNotifier notifier,
    TimeProvider time,
    ILogger<AchievementRescanService> logger)
{
    /// <summary>Returns the users who got the achievement.</summary>
    public async Task<int> RescanAsync(long achievementId, CancellationToken cancellationToken)
    {
        var users = await unlocks.UnlockForAllSatisfyingAsync(achievementId, time.GetUtcNow().UtcDateTime, cancellationToken);
        // The unlocks are stored: they are announced even if the worker is stopping now.
        if (users.Count == 0 || await achievements.FindAsync(achievementId, CancellationToken.None) is not { } achievement)
        {
            return users.Count;
        }

        logger.LogInformation("Rescan of achievement {AchievementId} unlocked it for {Count} users", achievementId, users.Count);
        NewUnlockDto[] unlock = [new(achievement.Id, achievement.Name, achievement.Description, achievement.Icon, achievement.Rarity, achievement.Order)];
        foreach (var userId in users)
        {
            try
            {
                await notifier.NotifyAsync(userId, unlock, CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not announce achievement {AchievementId} to user {UserId}", achievementId, userId);
            }
        }

        return users.Count;
    }
}

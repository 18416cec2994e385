using OnlineJudge.Data.Achievements;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Realtime;

namespace OnlineJudge.Services.Achievements;

/// <summary>One unlocked item of an <c>achievement_unlocked</c> frame (achievement.md §4).</summary>
public sealed record UnlockedItem(long Id, string Name, string Description, string Icon, string Rarity, string Kind);

/// <summary>The <c>achievement_unlocked</c> frame pushed on <c>/ws/submission/</c> (platform.md §17).</summary>
public sealed record AchievementUnlockedFrame(string Type, List<UnlockedItem> Achievements)
{
    public const string FrameType = "achievement_unlocked";
}

/// <summary>
/// Announces new unlock rows: the user's pending list is made stale (the authoritative pull, §1.3) and a push goes to
/// every <c>/ws/submission/</c> socket of the user (best effort; it never changes <c>notified</c>).
/// </summary>
public class AchievementNotifier(RealtimePublisher realtime, CacheService cache)
{
    public const string Kind = "achievement";

    public async Task NotifyAsync(int userId, IReadOnlyList<NewUnlockDto> unlocks, bool push = true)
    {
        if (unlocks.Count == 0)
        {
            return;
        }

        await cache.BumpVersionAsync(CacheKeys.AchievementPendingFamily(userId));
        if (push)
        {
            var items = unlocks.OrderBy(u => u.Order).ThenBy(u => u.Id)
                .Select(u => new UnlockedItem(u.Id, u.Name, u.Description, u.Icon, u.Rarity, Kind)).ToList();
            await realtime.PublishAsync(RealtimePublisher.SubmissionGroup(userId), new AchievementUnlockedFrame(AchievementUnlockedFrame.FrameType, items));
        }
    }
}

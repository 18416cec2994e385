using OnlineJudge.Data.Achievements;
using OnlineJudge.Data.ProblemSets;
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
/// Announces new unlocks (achievement.md §4). Achievements: the user's pending list is made stale (the authoritative
/// pull, §1.3) and a push goes to every <c>/ws/submission/</c> socket of the user. Problem-set badges (problemset.md §0.4,
/// progress path): a push only, as bronze items of kind <c>badge</c>; badges have no pending record. Pushes are best
/// effort and never change <c>notified</c>.
/// </summary>
public class AchievementNotifier(RealtimePublisher realtime, CacheService cache)
{
    public const string AchievementKind = "achievement";
    public const string BadgeKind = "badge";
    public const string BadgeRarity = Data.Entities.AchievementRarity.Bronze;

    /// <summary>New unlock rows of one user, ordered by the achievements' <c>order</c> then id; <paramref name="push"/> false for a silent recomputation.</summary>
    public async Task NotifyAsync(int userId, IReadOnlyList<NewUnlockDto> unlocks, CancellationToken cancellationToken, bool push = true)
    {
        if (unlocks.Count == 0)
        {
            return;
        }

        await cache.BumpVersionAsync(CacheKeys.AchievementPendingOf(userId), cancellationToken);
        if (push)
        {
            await PushAsync(userId, unlocks.OrderBy(u => u.Order).ThenBy(u => u.Id)
                .Select(u => new UnlockedItem(u.Id, u.Name, u.Description, u.Icon, u.Rarity, AchievementKind)), cancellationToken);
        }
    }

    /// <summary>Badges just awarded to one user on the progress path, in the given order.</summary>
    public Task NotifyBadgesAsync(int userId, IReadOnlyList<BadgeDto> badges, CancellationToken cancellationToken) =>
        badges.Count == 0
            ? Task.CompletedTask
            : PushAsync(userId, badges.Select(b => new UnlockedItem(b.Id, b.Name, b.Description, b.Icon, BadgeRarity, BadgeKind)), cancellationToken);

    private Task PushAsync(int userId, IEnumerable<UnlockedItem> items, CancellationToken cancellationToken) =>
        realtime.PublishAsync(RealtimePublisher.SubmissionGroup(userId),
            new AchievementUnlockedFrame(AchievementUnlockedFrame.FrameType, [.. items]), cancellationToken);
}

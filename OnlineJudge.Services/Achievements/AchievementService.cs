using OnlineJudge.Data.Achievements;
using OnlineJudge.Data.Entities;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Users;

namespace OnlineJudge.Services.Achievements;

/// <summary>The trophy hall and its summary (achievement.md §1.1–§1.2), for the caller or any non-disabled user.</summary>
public class AchievementService(
    AchievementRepository achievements,
    UserAchievementRepository unlocks,
    UserStatRepository stats,
    CacheService cache)
{
    public const string UserNotFound = "用户不存在";
    public const string MaskedName = "???";
    public const string MaskedDescription = "达成条件保密";
    public const string MaskedIcon = "noto:red-question-mark";

    /// <summary>§1.1: every visible achievement with the target's state; hidden locked ones masked.</summary>
    public async Task<ServiceResult<TrophyHallDto>> GetTrophyHallAsync(CurrentUser caller, string? name, CancellationToken cancellationToken)
    {
        if (await ResolveTargetAsync(caller, name, cancellationToken) is not { } target)
        {
            return ServiceError.Of(UserNotFound);
        }

        var visible = await achievements.ListAsync(visibleOnly: true, cancellationToken);
        var unlocked = (await unlocks.ListUnlocksAsync(target.Id, cancellationToken)).ToDictionary(u => u.AchievementId);
        var metrics = (await stats.FindAsync(target.Id, cancellationToken))?.Values ?? [];
        var activeUsers = await cache.GetOrCreateAsync(CacheKeys.AchievementActiveUserCount, CacheKeys.AchievementActiveUserCountTtl,
            ct => stats.CountActiveUsersAsync(ct), cancellationToken);
        var cards = visible.Select(a => Card(a, unlocked.GetValueOrDefault(a.Id), metrics, activeUsers)).ToList();
        return new TrophyHallDto(target.Username, cards);
    }

    /// <summary>§1.2: totals per rarity and the target's five latest unlocks of visible achievements.</summary>
    public async Task<ServiceResult<AchievementSummaryDto>> GetSummaryAsync(CurrentUser caller, string? name, CancellationToken cancellationToken)
    {
        if (await ResolveTargetAsync(caller, name, cancellationToken) is not { } target)
        {
            return ServiceError.Of(UserNotFound);
        }

        var totals = await achievements.CountVisibleByRarityAsync(cancellationToken);
        var mine = await unlocks.ListUnlockedVisibleAsync(target.Id, cancellationToken);
        var total = totals.Values.Sum();
        var rarity = Rarities.All.Select(r => new RarityCountDto(r.Value, r.Label, totals.GetValueOrDefault(r.Value),
            mine.Count(u => u.Rarity == r.Value))).ToList();
        var recent = mine.Take(5).Select(u => new PendingAchievementDto(u.Id, u.Name, u.Description, u.Icon, u.Rarity)).ToList();
        return new AchievementSummaryDto(target.Username, total, mine.Count, Percent(mine.Count, total), rarity, recent);
    }

    private static AchievementCardDto Card(AchievementRowDto a, UnlockRowDto? unlock, Dictionary<string, int> metrics, int activeUsers)
    {
        var masked = a.Hidden && unlock is null;
        return new AchievementCardDto(
            a.Id,
            masked ? MaskedName : a.Name,
            masked ? MaskedDescription : a.Description,
            masked ? MaskedIcon : a.Icon,
            a.Rarity,
            a.Hidden,
            masked ? null : a.Metric,
            masked ? null : a.Operator,
            masked ? null : a.Threshold,
            unlock is not null,
            unlock?.UnlockTime,
            unlock?.Backfilled ?? false,
            masked ? null : metrics.GetValueOrDefault(a.Metric),
            Percent(a.UnlockCount, activeUsers));
    }

    /// <summary><c>round(part / whole × 100, 1)</c> as Python rounds; 0.0 when <paramref name="whole"/> is 0.</summary>
    private static double Percent(int part, int whole) => whole == 0 ? 0.0 : ClassStatistics.Round(part * 100.0 / whole, 1);

    /// <summary>The user named by <c>name</c> (exact username, not disabled), or the caller when it is absent or empty.</summary>
    private async Task<(int Id, string Username)?> ResolveTargetAsync(CurrentUser caller, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name))
        {
            return (caller.Id, caller.Username);
        }

        return await stats.FindActiveUserIdAsync(name, cancellationToken) is { } id ? (id, name) : null;
    }
}

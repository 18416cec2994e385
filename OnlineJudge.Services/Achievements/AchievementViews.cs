using System.Text.Json.Serialization;
using OnlineJudge.Data.Achievements;
using OnlineJudge.Data.Json;

namespace OnlineJudge.Services.Achievements;

/// <summary>Achievement (achievement.md §0): a trophy-hall card computed for one target user.</summary>
public sealed record AchievementCardDto(
    long Id, string Name, string Description, string Icon, string Rarity, bool Hidden, string? Metric, string? Operator, int? Threshold,
    bool Unlocked, DateTime? UnlockTime, bool Backfilled, int? Progress, double UnlockRate);

/// <summary><c>GET /api/achievements</c>.</summary>
public sealed record TrophyHallDto(string Username, List<AchievementCardDto> Achievements);

/// <summary>One rarity of the summary.</summary>
public sealed record RarityCountDto(string Rarity, string Label, int Total, int Unlocked);

/// <summary><c>GET /api/achievements/summary</c>.</summary>
public sealed record AchievementSummaryDto(
    string Username, int Total, int Unlocked, double Percent, List<RarityCountDto> Rarity, List<PendingAchievementDto> Recent);

/// <summary>AdminAchievement (achievement.md §0); <c>create_time</c> in UTC with <c>+00:00</c>.</summary>
public sealed record AdminAchievementDto(
    long Id, string Name, string Description, string Icon, string Rarity, bool Hidden, string Metric, string MetricName, string Operator,
    int Threshold, bool Visible, int UnlockCount, int Order, [property: JsonConverter(typeof(UtcOffsetDateTimeConverter))] DateTime CreateTime)
{
    public static AdminAchievementDto Of(AchievementRowDto a) =>
        new(a.Id, a.Name, a.Description, a.Icon, a.Rarity, a.Hidden, a.Metric, MetricRegistry.NameOf(a.Metric), a.Operator, a.Threshold,
            a.Visible, a.UnlockCount, a.Order, a.CreateTime);
}

/// <summary>An entry of <c>GET /api/admin/achievement/metrics</c>.</summary>
public sealed record MetricOptionDto(string Key, string Name, string HelpText);

/// <summary>Rarities in display order, with their labels.</summary>
public static class Rarities
{
    public static IReadOnlyList<(string Value, string Label)> All { get; } =
    [
        (Data.Entities.AchievementRarity.Bronze, "青铜"),
        (Data.Entities.AchievementRarity.Silver, "白银"),
        (Data.Entities.AchievementRarity.Gold, "黄金"),
        (Data.Entities.AchievementRarity.Platinum, "白金"),
    ];

    public static bool IsValid(string value) => All.Any(r => r.Value == value);
}

namespace OnlineJudge.Data.Achievements;

/// <summary>An <c>achievement</c> row as every reader of the family needs it.</summary>
public sealed record AchievementRowDto(
    long Id, string Name, string Description, string Icon, string Rarity, bool Hidden, string Metric, string Operator, int Threshold,
    bool Visible, int UnlockCount, int Order, DateTime CreateTime);

/// <summary>A user's unlock of an achievement (trophy hall).</summary>
public sealed record UnlockRowDto(long AchievementId, DateTime UnlockTime, bool Backfilled);

/// <summary>PendingAchievement (achievement.md §0): the pull list, the summary's "recent" and the push payload.</summary>
public sealed record PendingAchievementDto(long Id, string Name, string Description, string Icon, string Rarity);

/// <summary>A visible achievement the user unlocked, newest unlock first (summary).</summary>
public sealed record UnlockedAchievementDto(long Id, string Name, string Description, string Icon, string Rarity, DateTime UnlockTime);

/// <summary>
/// The fields an admin write sets. On an update, null <see cref="Hidden"/>, <see cref="Visible"/> and <see cref="Order"/>
/// were not sent and stay as they are.
/// </summary>
public sealed record AchievementWriteDto(
    string Name, string Description, string Icon, string Rarity, string Metric, string Operator, int Threshold, bool? Hidden, bool? Visible,
    int? Order);

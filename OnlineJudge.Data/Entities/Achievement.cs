namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>achievement</c> (achievement.md).</summary>
public class Achievement
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Icon { get; set; } = "";
    public string Rarity { get; set; } = AchievementRarity.Bronze;
    public bool Hidden { get; set; }
    public string Metric { get; set; } = "";
    public string Operator { get; set; } = AchievementOperator.Gte;
    public int Threshold { get; set; }
    public bool Visible { get; set; } = true;
    public int UnlockCount { get; set; }
    public int Order { get; set; }
    public DateTime CreateTime { get; set; }
}

public static class AchievementRarity
{
    public const string Bronze = "bronze";
    public const string Silver = "silver";
    public const string Gold = "gold";
    public const string Platinum = "platinum";
}

public static class AchievementOperator
{
    public const string Gte = "gte";
    public const string Lte = "lte";
}

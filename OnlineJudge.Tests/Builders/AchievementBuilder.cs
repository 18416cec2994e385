namespace OnlineJudge.Tests.Builders;

/// <summary>Makes achievements directly in the test database (visible bronze "accepted_count ≥ 1" by default).</summary>
public class AchievementBuilder
{
    private string name = "Achievement " + Guid.NewGuid().ToString("N")[..6];
    private string description = "Solve a problem";
    private string icon = "noto:trophy";
    private string rarity = AchievementRarity.Bronze;
    private string metric = "accepted_count";
    private string op = AchievementOperator.Gte;
    private int threshold = 1;
    private bool hidden;
    private bool visible = true;
    private int order;
    private int unlockCount;
    private DateTime createTime = DateTime.UtcNow;

    public AchievementBuilder Named(string value, string? about = null) { name = value; description = about ?? description; return this; }
    public AchievementBuilder WithIcon(string value) { icon = value; return this; }
    public AchievementBuilder WithRarity(string value) { rarity = value; return this; }
    public AchievementBuilder On(string metricKey, string comparison, int limit) { metric = metricKey; op = comparison; threshold = limit; return this; }
    public AchievementBuilder Hidden() { hidden = true; return this; }
    public AchievementBuilder Invisible() { visible = false; return this; }
    public AchievementBuilder WithOrder(int value) { order = value; return this; }
    public AchievementBuilder WithUnlockCount(int value) { unlockCount = value; return this; }
    public AchievementBuilder CreatedAt(DateTime value) { createTime = value; return this; }

    public async Task<Achievement> BuildAsync()
    {
        var achievement = new Achievement
        {
            Name = name, Description = description, Icon = icon, Rarity = rarity, Metric = metric, Operator = op, Threshold = threshold,
            Hidden = hidden, Visible = visible, Order = order, UnlockCount = unlockCount, CreateTime = createTime,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Achievements.Add(achievement);
        await db.SaveChangesAsync();
        return achievement;
    }
}

/// <summary>Makes a user's unlock of an achievement directly in the test database.</summary>
public class UnlockBuilder(User user, Achievement achievement)
{
    private DateTime unlockTime = DateTime.UtcNow;
    private bool backfilled;
    private bool notified;

    public UnlockBuilder At(DateTime value) { unlockTime = value; return this; }
    public UnlockBuilder Backfilled() { backfilled = true; return this; }
    public UnlockBuilder Notified() { notified = true; return this; }

    public async Task<UserAchievement> BuildAsync()
    {
        var unlock = new UserAchievement
        {
            UserId = user.Id, AchievementId = achievement.Id, UnlockTime = unlockTime, Backfilled = backfilled, Notified = notified,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.UserAchievements.Add(unlock);
        await db.SaveChangesAsync();
        return unlock;
    }
}

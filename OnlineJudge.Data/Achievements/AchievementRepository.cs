namespace OnlineJudge.Data.Achievements;

/// <summary>The configured achievements (table <c>achievement</c>), in their default order: <c>order</c>, then id.</summary>
public class AchievementRepository(OnlineJudgeDbContext db)
{
    public Task<List<AchievementRowDto>> ListAsync(bool visibleOnly, CancellationToken cancellationToken) =>
        Project(db.Achievements.Where(a => !visibleOnly || a.Visible).OrderBy(a => a.Order).ThenBy(a => a.Id)).ToListAsync(cancellationToken);

    public Task<AchievementRowDto?> FindAsync(long id, CancellationToken cancellationToken) =>
        Project(db.Achievements.Where(a => a.Id == id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Visible achievements per rarity.</summary>
    public Task<Dictionary<string, int>> CountVisibleByRarityAsync(CancellationToken cancellationToken) =>
        db.Achievements.Where(a => a.Visible).GroupBy(a => a.Rarity)
            .Select(g => new { Rarity = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Rarity, g => g.Count, cancellationToken);

    public async Task<long> CreateAsync(AchievementWriteDto values, DateTime now, CancellationToken cancellationToken)
    {
        var achievement = new Achievement { CreateTime = now, Hidden = false, Visible = true, Order = 0, UnlockCount = 0 };
        Apply(achievement, values);
        db.Achievements.Add(achievement);
        await db.SaveChangesAsync(cancellationToken);
        return achievement.Id;
    }

    /// <summary>Applies the write to a locked row; returns the row before and after, or null when the id is unknown.</summary>
    public async Task<(AchievementRowDto Before, AchievementRowDto After)?> UpdateAsync(long id, AchievementWriteDto values,
        CancellationToken cancellationToken)
    {
        var achievement = await db.Achievements.FromSql($"SELECT * FROM achievement WHERE id = {id} FOR UPDATE").AsTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (achievement is null)
        {
            return null;
        }

        var before = ToDto(achievement);
        Apply(achievement, values);
        await db.SaveChangesAsync(cancellationToken);
        return (before, ToDto(achievement));
    }

    /// <summary>Deletes the achievement with its unlock rows and queued rescans (database cascades).</summary>
    public Task<int> DeleteAsync(long id, CancellationToken cancellationToken) =>
        db.Achievements.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);

    private static void Apply(Achievement achievement, AchievementWriteDto values)
    {
        achievement.Name = values.Name;
        achievement.Description = values.Description;
        achievement.Icon = values.Icon;
        achievement.Rarity = values.Rarity;
        achievement.Metric = values.Metric;
        achievement.Operator = values.Operator;
        achievement.Threshold = values.Threshold;
        achievement.Hidden = values.Hidden ?? achievement.Hidden;
        achievement.Visible = values.Visible ?? achievement.Visible;
        achievement.Order = values.Order ?? achievement.Order;
    }

    private static AchievementRowDto ToDto(Achievement a) =>
        new(a.Id, a.Name, a.Description, a.Icon, a.Rarity, a.Hidden, a.Metric, a.Operator, a.Threshold, a.Visible, a.UnlockCount, a.Order,
            a.CreateTime);

    private static IQueryable<AchievementRowDto> Project(IQueryable<Achievement> achievements) =>
        achievements.Select(a => new AchievementRowDto(a.Id, a.Name, a.Description, a.Icon, a.Rarity, a.Hidden, a.Metric, a.Operator,
            a.Threshold, a.Visible, a.UnlockCount, a.Order, a.CreateTime));
}

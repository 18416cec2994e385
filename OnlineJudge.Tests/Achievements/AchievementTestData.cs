namespace OnlineJudge.Tests.Achievements;

/// <summary>Metrics documents and unlock rows straight from the test database.</summary>
public static class AchievementTestData
{
    /// <summary>Stores <paramref name="json"/> as the user's <c>user_stat.metrics</c>.</summary>
    public static async Task SetMetricsAsync(User user, string json)
    {
        await using var db = TestEnvironment.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO user_stat (user_id, metrics, update_time) VALUES ({user.Id}, {json}::jsonb, now())
            ON CONFLICT (user_id) DO UPDATE SET metrics = EXCLUDED.metrics
            """);
    }

    /// <summary>The user's metrics document as a JSON object (an empty one when the user has no row).</summary>
    public static async Task<JsonElement> MetricsOfAsync(User user)
    {
        await using var db = TestEnvironment.CreateDbContext();
        var rows = await db.Database.SqlQuery<string>($"SELECT metrics::text AS \"Value\" FROM user_stat WHERE user_id = {user.Id}").ToListAsync();
        return JsonDocument.Parse(rows.Count == 0 ? "{}" : rows[0]).RootElement.Clone();
    }

    public static async Task<List<UserAchievement>> UnlocksOfAsync(User user)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.UserAchievements.Where(u => u.UserId == user.Id).OrderBy(u => u.AchievementId).ToListAsync();
    }

    public static async Task<int> UnlockCountOfAsync(Achievement achievement)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.Achievements.Where(a => a.Id == achievement.Id).Select(a => a.UnlockCount).SingleAsync();
    }

    /// <summary>Waits until the rescan queue is empty (the worker has run every queued job).</summary>
    public static Task WaitForRescansAsync(TimeSpan? timeout = null) =>
        Polling.UntilAsync(async db => !await db.AchievementRescanJobs.AnyAsync(), timeout ?? TimeSpan.FromSeconds(20),
            "The achievement rescan queue did not drain within the timeout");
}

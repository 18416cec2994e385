namespace OnlineJudge.Data.Achievements;

/// <summary>A new unlock row with what its push needs.</summary>
public sealed record NewUnlockDto(long Id, string Name, string Description, string Icon, string Rarity, int Order);

/// <summary>
/// Unlock rows (table <c>user_achievement</c>). Unlocking is one statement per round: the achievements the user's stored
/// metrics satisfy are inserted with <c>ON CONFLICT DO NOTHING</c> (the unique constraint settles concurrent checks) and
/// only the rows really inserted bump <c>unlock_count</c> and come back.
/// </summary>
public class UserAchievementRepository(OnlineJudgeDbContext db)
{
    /// <summary>
    /// achievement.md §3.3–§3.4: unlocks every visible achievement, not yet unlocked by the user, whose metric the user's
    /// <c>user_stat</c> holds as a number satisfying the operator and threshold (an absent key never satisfies one). With
    /// <paramref name="onlyMetrics"/> only achievements on those metrics are evaluated. Returns the rows inserted.
    /// </summary>
    public async Task<List<NewUnlockDto>> UnlockSatisfiedAsync(int userId, string[]? onlyMetrics, DateTime now, bool backfilled, bool notified,
        CancellationToken cancellationToken)
    {
        var all = onlyMetrics is null;
        var metrics = onlyMetrics ?? [];
        return await db.Database.SqlQuery<NewUnlockDto>($"""
            WITH hits AS (
                SELECT a.id FROM achievement a
                JOIN user_stat s ON s.user_id = {userId}
                WHERE a.visible AND ({all} OR a.metric = ANY({metrics}))
                  AND CASE WHEN jsonb_typeof(s.metrics -> a.metric) = 'number' THEN
                        CASE a.operator WHEN 'gte' THEN (s.metrics ->> a.metric)::numeric >= a.threshold
                                        WHEN 'lte' THEN (s.metrics ->> a.metric)::numeric <= a.threshold
                                        ELSE false END
                      ELSE false END
                  AND NOT EXISTS (SELECT 1 FROM user_achievement u WHERE u.user_id = {userId} AND u.achievement_id = a.id)
            ), inserted AS (
                INSERT INTO user_achievement (user_id, achievement_id, unlock_time, backfilled, notified)
                SELECT {userId}, id, {now}, {backfilled}, {notified} FROM hits
                ON CONFLICT (user_id, achievement_id) DO NOTHING
                RETURNING achievement_id
            )
            UPDATE achievement a SET unlock_count = a.unlock_count + 1
            FROM inserted WHERE a.id = inserted.achievement_id
            RETURNING a.id AS "Id", a.name AS "Name", a.description AS "Description", a.icon AS "Icon", a.rarity AS "Rarity", a."order" AS "Order"
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// achievement.md §3.5: unlocks a visible achievement, with <c>backfilled</c>, for every user whose stored metric
    /// satisfies it (compared as a number) and who has not unlocked it. Returns the users who got it.
    /// </summary>
    public Task<List<int>> UnlockForAllSatisfyingAsync(long achievementId, DateTime now, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"""
            WITH target AS (
                SELECT id, metric, operator, threshold FROM achievement WHERE id = {achievementId} AND visible
            ), hits AS (
                SELECT s.user_id FROM user_stat s, target a
                WHERE CASE WHEN jsonb_typeof(s.metrics -> a.metric) = 'number' THEN
                        CASE a.operator WHEN 'gte' THEN (s.metrics ->> a.metric)::numeric >= a.threshold
                                        WHEN 'lte' THEN (s.metrics ->> a.metric)::numeric <= a.threshold
                                        ELSE false END
                      ELSE false END
                  AND NOT EXISTS (SELECT 1 FROM user_achievement u WHERE u.user_id = s.user_id AND u.achievement_id = a.id)
            ), inserted AS (
                INSERT INTO user_achievement (user_id, achievement_id, unlock_time, backfilled, notified)
                SELECT user_id, {achievementId}, {now}, true, false FROM hits
                ON CONFLICT (user_id, achievement_id) DO NOTHING
                RETURNING user_id
            ), counted AS (
                UPDATE achievement SET unlock_count = unlock_count + (SELECT count(*) FROM inserted)
                WHERE id = {achievementId} AND EXISTS (SELECT 1 FROM inserted)
            )
            SELECT user_id AS "Value" FROM inserted
            """).ToListAsync(cancellationToken);

    /// <summary>§1.3: the user's unlocks not shown yet, of visible achievements, oldest first.</summary>
    public Task<List<PendingAchievementDto>> ListPendingAsync(int userId, CancellationToken cancellationToken) =>
        db.UserAchievements.Where(u => u.UserId == userId && !u.Notified && u.Achievement!.Visible)
            .OrderBy(u => u.UnlockTime).ThenBy(u => u.Id)
            .Select(u => new PendingAchievementDto(u.AchievementId, u.Achievement!.Name, u.Achievement.Description, u.Achievement.Icon,
                u.Achievement.Rarity))
            .ToListAsync(cancellationToken);

    /// <summary>§1.4: marks the user's unlocks of these achievements as shown; returns the rows changed.</summary>
    public Task<int> MarkNotifiedAsync(int userId, long[] achievementIds, CancellationToken cancellationToken) =>
        db.UserAchievements.Where(u => u.UserId == userId && !u.Notified && achievementIds.Contains(u.AchievementId))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Notified, true), cancellationToken);

    /// <summary>Every unlock of the user (trophy hall).</summary>
    public Task<List<UnlockRowDto>> ListUnlocksAsync(int userId, CancellationToken cancellationToken) =>
        db.UserAchievements.Where(u => u.UserId == userId)
            .Select(u => new UnlockRowDto(u.AchievementId, u.UnlockTime, u.Backfilled))
            .ToListAsync(cancellationToken);

    /// <summary>The user's unlocks of visible achievements, newest first (summary).</summary>
    public Task<List<UnlockedAchievementDto>> ListUnlockedVisibleAsync(int userId, CancellationToken cancellationToken) =>
        db.UserAchievements.Where(u => u.UserId == userId && u.Achievement!.Visible)
            .OrderByDescending(u => u.UnlockTime).ThenByDescending(u => u.Id)
            .Select(u => new UnlockedAchievementDto(u.AchievementId, u.Achievement!.Name, u.Achievement.Description, u.Achievement.Icon,
                u.Achievement.Rarity, u.UnlockTime))
            .ToListAsync(cancellationToken);
}

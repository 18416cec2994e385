using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OnlineJudge.Data.Achievements;

/// <summary>What the incremental update needs besides the judged submission itself (achievement.md §3.2, shared context).</summary>
/// <param name="PriorCount">The user's other counted practice submissions of the problem.</param>
/// <param name="PriorAccepted">How many of them are accepted.</param>
/// <param name="NewerCounted">Whether a counted practice submission of the user is newer than the judged one.</param>
/// <param name="Difficulty">The problem's difficulty.</param>
public sealed record VerdictFactsDto(int PriorCount, int PriorAccepted, bool NewerCounted, string? Difficulty);

/// <summary>One counted practice submission of a user's history, oldest first.</summary>
public sealed record HistoryRowDto(string Id, int ProblemId, int Result, DateTime CreateTime, string Language, string Code, string? Difficulty);

/// <summary>The metrics only a full recomputation updates (achievement.md §3.2, metrics 6–8).</summary>
public sealed record RecomputeOnlyCountsDto(int ContestJoined, int BadgeCount, int ProblemSetCompleted);

/// <summary>
/// <c>user_stat</c>, the per-user metrics document (achievement.md). A submission counts for the metrics when it is a
/// practice submission (no contest) with a stored verdict: not pending, not judging, not a system error.
/// </summary>
public class UserStatRepository(OnlineJudgeDbContext db)
{
    private const string EmptyObject = "{}";

    /// <summary>Results that are no verdict of the student's code: pending, judging, system error.</summary>
    public static readonly int[] UncountedResults = [JudgeStatus.Pending, JudgeStatus.Judging, JudgeStatus.SystemError];

    /// <summary>
    /// The user's metrics under a row lock (<c>FOR UPDATE</c>), the row created with <c>{}</c> first when missing; null when
    /// the user no longer exists. Must run inside a transaction.
    /// </summary>
    public async Task<UserMetrics?> LockAsync(int userId, DateTime now, CancellationToken cancellationToken)
    {
        if (await ReadLockedAsync(userId, cancellationToken) is { } metrics)
        {
            return metrics;
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO user_stat (user_id, metrics, update_time)
            SELECT {userId}, {EmptyObject}::jsonb, {now} WHERE EXISTS (SELECT 1 FROM "user" WHERE id = {userId})
            ON CONFLICT (user_id) DO NOTHING
            """, cancellationToken);
        return await ReadLockedAsync(userId, cancellationToken);
    }

    public Task SaveAsync(int userId, UserMetrics metrics, DateTime now, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(metrics, JsonbConversion.Options);
        return db.Database.ExecuteSqlAsync(
            $"UPDATE user_stat SET metrics = {json}::jsonb, update_time = {now} WHERE user_id = {userId}", cancellationToken);
    }

    /// <summary>The user's metrics without a lock; null when the user has no row.</summary>
    public Task<UserMetrics?> FindAsync(int userId, CancellationToken cancellationToken) =>
        db.UserStats.Where(s => s.UserId == userId).Select(s => s.Metrics).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The shared context of one judged practice submission, in one query (the user's row is locked before).</summary>
    public async Task<VerdictFactsDto> GetVerdictFactsAsync(int userId, int problemId, string submissionId, DateTime createTime,
        CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<VerdictFactsDto>($"""
            SELECT
                (SELECT count(*)::integer FROM submission p
                 WHERE p.problem_id = {problemId} AND p.user_id = {userId} AND p.contest_id IS NULL AND p.id <> {submissionId}
                   AND p.result <> ALL({UncountedResults})) AS "PriorCount",
                (SELECT count(*)::integer FROM submission p
                 WHERE p.problem_id = {problemId} AND p.user_id = {userId} AND p.contest_id IS NULL AND p.id <> {submissionId}
                   AND p.result IN ({JudgeStatus.Accepted}, {JudgeStatus.AstCheckFailed})) AS "PriorAccepted",
                EXISTS (SELECT 1 FROM submission n
                        WHERE n.user_id = {userId} AND n.create_time >= {createTime} AND n.contest_id IS NULL
                          AND n.result <> ALL({UncountedResults})
                          AND (n.create_time > {createTime} OR n.id > {submissionId})) AS "NewerCounted",
                (SELECT difficulty FROM problem WHERE id = {problemId}) AS "Difficulty"
            """).ToListAsync(cancellationToken);
        return rows[0];
    }

    /// <summary>The user's counted practice submissions, oldest first (by time, then id), read one at a time.</summary>
    public async IAsyncEnumerable<HistoryRowDto> StreamHistoryAsync(int userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.Submissions
            .Where(s => s.UserId == userId && s.ContestId == null && !UncountedResults.Contains(s.Result))
            .OrderBy(s => s.CreateTime).ThenBy(s => s.Id)
            .Select(s => new HistoryRowDto(s.Id, s.ProblemId, s.Result, s.CreateTime, s.Language, s.Code, s.Problem!.Difficulty))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Metrics 6–8: contests the user submitted in, badges earned, problem sets completed.</summary>
    public async Task<RecomputeOnlyCountsDto> CountRecomputeOnlyAsync(int userId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<RecomputeOnlyCountsDto>($"""
            SELECT
                (SELECT count(DISTINCT contest_id)::integer FROM submission WHERE user_id = {userId} AND contest_id IS NOT NULL) AS "ContestJoined",
                (SELECT count(*)::integer FROM user_badge WHERE user_id = {userId}) AS "BadgeCount",
                (SELECT count(*)::integer FROM problemset_progress WHERE user_id = {userId} AND complete_time IS NOT NULL) AS "ProblemSetCompleted"
            """).ToListAsync(cancellationToken);
        return rows[0];
    }

    /// <summary>
    /// Sets only <paramref name="key"/> to the user's unlocks of non-platinum achievements (the meta metric, §3.3 step 5), in
    /// one statement, so that keys changed meanwhile by concurrent checks are kept.
    /// </summary>
    public Task SetUnlockedCountAsync(int userId, string key, DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE user_stat SET update_time = {now}, metrics = jsonb_set(metrics, ARRAY[{key}]::text[], to_jsonb((
                SELECT count(*)::integer FROM user_achievement u JOIN achievement a ON a.id = u.achievement_id
                WHERE u.user_id = {userId} AND a.rarity <> {AchievementRarity.Platinum})))
            WHERE user_id = {userId}
            """, cancellationToken);

    /// <summary>Ids of the users a full recomputation covers: every non-disabled user, or the one given.</summary>
    public Task<List<int>> ListActiveUserIdsAsync(int? onlyUserId, CancellationToken cancellationToken) =>
        db.Users.Where(u => !u.IsDisabled && (onlyUserId == null || u.Id == onlyUserId)).OrderBy(u => u.Id).Select(u => u.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The id of the non-disabled user with exactly this username (trophy hall target); null when none.</summary>
    public Task<int?> FindActiveUserIdAsync(string username, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Username == username && !u.IsDisabled).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Non-disabled users: the denominator of unlock rates.</summary>
    public Task<int> CountActiveUsersAsync(CancellationToken cancellationToken) => db.Users.CountAsync(u => !u.IsDisabled, cancellationToken);

    private async Task<UserMetrics?> ReadLockedAsync(int userId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<string>(
            $"SELECT metrics::text AS \"Value\" FROM user_stat WHERE user_id = {userId} FOR UPDATE").ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : JsonSerializer.Deserialize<UserMetrics>(rows[0], JsonbConversion.Options) ?? new UserMetrics();
    }
}

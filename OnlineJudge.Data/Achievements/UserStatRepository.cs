using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OnlineJudge.Data.Achievements;

/// <summary>What the incremental update needs besides the judged submission itself (achievement.md §3.2, shared context).</summary>
/// <param name="PriorCount">The user's other counted practice submissions of the problem.</param>
/// <param name="PriorAccepted">How many of them are accepted.</param>
/// <param name="NewerCounted">Whether a counted practice submission of the user is newer than the judged one.</param>
/// <param name="Difficulty">The problem's difficulty.</param>
public sealed record VerdictFactsDto(int PriorCount, int PriorAccepted, bool NewerCounted, string? Difficulty);

/// <summary>A visible achievement the user has not unlocked, as the check evaluates it.</summary>
public sealed record AchievementCandidateDto(long Id, string Metric, string Operator, int Threshold);

/// <summary>The user's locked metrics, the shared context of the judged submission and the achievements still to unlock.</summary>
public sealed record LockedStatDto(UserMetrics Metrics, VerdictFactsDto Facts, List<AchievementCandidateDto> Candidates);

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

        return await CreateAsync(userId, now, cancellationToken) ? await ReadLockedAsync(userId, cancellationToken) : null;
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

    /// <summary>
    /// The user's metrics under a row lock, created first when missing, together with the shared context of one judged
    /// practice submission and the user's candidate achievements, in one statement (null when the user no longer exists).
    /// The verdict's transaction locked the user's profile row before, so concurrent verdicts of the user are already one
    /// after the other and the context read here sees every verdict committed before. Must run inside a transaction.
    /// </summary>
    public async Task<LockedStatDto?> LockForVerdictAsync(int userId, int problemId, string submissionId,
        DateTime createTime, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var rows = await db.Database.SqlQuery<LockedRow>($"""
                SELECT s.metrics::text AS "Metrics",
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
                    (SELECT difficulty FROM problem WHERE id = {problemId}) AS "Difficulty",
                    (SELECT coalesce(json_agg(json_build_object('Id', a.id, 'Metric', a.metric, 'Operator', a.operator,
                                                                'Threshold', a.threshold)), '[]')::text
                     FROM achievement a
                     WHERE a.visible
                       AND NOT EXISTS (SELECT 1 FROM user_achievement u WHERE u.user_id = {userId} AND u.achievement_id = a.id)) AS "Candidates"
                FROM user_stat s WHERE s.user_id = {userId}
                FOR UPDATE OF s
                """).ToListAsync(cancellationToken);
            if (rows.Count == 1)
            {
                var row = rows[0];
                return new LockedStatDto(Parse(row.Metrics), new VerdictFactsDto(row.PriorCount, row.PriorAccepted, row.NewerCounted, row.Difficulty),
                    JsonSerializer.Deserialize<List<AchievementCandidateDto>>(row.Candidates) ?? []);
            }

            if (!await CreateAsync(userId, now, cancellationToken))
            {
                return null;
            }
        }

        return null;
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

    /// <summary>Creates the user's row with <c>{}</c> unless it exists; false when the user does not exist.</summary>
    private async Task<bool> CreateAsync(int userId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO user_stat (user_id, metrics, update_time)
            SELECT {userId}, {EmptyObject}::jsonb, {now} WHERE EXISTS (SELECT 1 FROM "user" WHERE id = {userId})
            ON CONFLICT (user_id) DO NOTHING
            """, cancellationToken);
        return await db.Users.AnyAsync(u => u.Id == userId, cancellationToken);
    }

    private async Task<UserMetrics?> ReadLockedAsync(int userId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<string>(
            $"SELECT metrics::text AS \"Value\" FROM user_stat WHERE user_id = {userId} FOR UPDATE").ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : Parse(rows[0]);
    }

    private static UserMetrics Parse(string json) => JsonSerializer.Deserialize<UserMetrics>(json, JsonbConversion.Options) ?? new UserMetrics();

    private sealed record LockedRow(string Metrics, int PriorCount, int PriorAccepted, bool NewerCounted, string? Difficulty, string Candidates);
}

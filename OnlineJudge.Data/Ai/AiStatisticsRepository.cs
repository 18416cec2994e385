using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Data.Ai;

/// <summary>
/// The learning statistics of ai.md §1: accepted submissions (result 0 or 10, practice and contest alike), ranking lists
/// and counts, computed in SQL.
/// </summary>
public class AiStatisticsRepository(OnlineJudgeDbContext db)
{
    private static readonly DateTime Earliest = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
    private static readonly DateTime Latest = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);

    public Task<AiUserDto?> FindUserAsync(int id, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == id)
            .Select(u => new AiUserDto(u.Id, u.Username, u.ClassName, u.LastLogin, u.CreateTime))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The user with exactly this username, disabled users included.</summary>
    public Task<AiUserDto?> FindUserAsync(string username, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Username == username)
            .OrderBy(u => u.Id)
            .Select(u => new AiUserDto(u.Id, u.Username, u.ClassName, u.LastLogin, u.CreateTime))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<List<int>> ListClassUserIdsAsync(string className, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.ClassName == className).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);

    /// <summary>The user's problems with an accepted submission in [start, end], each with its earliest one there.</summary>
    public Task<List<FirstAcceptedRow>> FirstAcceptedAsync(int userId, DateTime start, DateTime end, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.UserId == userId && (s.Result == JudgeStatus.Accepted || s.Result == JudgeStatus.AstCheckFailed)
                                  && s.CreateTime >= start && s.CreateTime <= end)
            .GroupBy(s => s.ProblemId)
            .Select(g => new FirstAcceptedRow(g.Key, g.Min(s => s.CreateTime)))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// For each problem, the user's rank in its ranking list (users with an accepted submission in the window, by their
    /// earliest one, then user id) and the list's length; <paramref name="scope"/> limits the list to a class.
    /// </summary>
    public Task<List<RankRow>> RanksAsync(int userId, IReadOnlyCollection<int> problemIds, DateTime? start, DateTime? end,
        IReadOnlyCollection<int>? scope, CancellationToken cancellationToken)
    {
        var ids = problemIds.ToArray();
        var scoped = scope is not null;
        var members = scope?.ToArray() ?? [];
        var from = start ?? Earliest;
        var to = end ?? Latest;
        return db.Database.SqlQuery<RankRow>($"""
            WITH firsts AS (
                SELECT problem_id, user_id, min(create_time) AS first_ac FROM submission
                WHERE result IN ({JudgeStatus.Accepted}, {JudgeStatus.AstCheckFailed}) AND problem_id = ANY({ids})
                  AND create_time >= {from} AND create_time <= {to} AND (NOT {scoped} OR user_id = ANY({members}))
                GROUP BY problem_id, user_id
            ), ranked AS (
                SELECT problem_id, user_id,
                       row_number() OVER (PARTITION BY problem_id ORDER BY first_ac, user_id) AS position,
                       count(*) OVER (PARTITION BY problem_id) AS size
                FROM firsts
            )
            SELECT problem_id AS "ProblemId", max(CASE WHEN user_id = {userId} THEN position END)::integer AS "Rank",
                   max(size)::integer AS "Count"
            FROM ranked GROUP BY problem_id
            """).ToListAsync(cancellationToken);
    }

    public Task<List<AiProblemRow>> ProblemsAsync(IReadOnlyCollection<int> problemIds, CancellationToken cancellationToken) =>
        db.Problems.Where(p => problemIds.Contains(p.Id))
            .Select(p => new AiProblemRow(p.Id, p.DisplayId, p.Title, p.ContestId, p.Contest!.Title, p.Difficulty,
                p.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList()))
            .ToListAsync(cancellationToken);

    /// <summary>The user's completed flowchart submissions in [start, end], newest first (the reference's default order).</summary>
    public Task<List<AiFlowchartRow>> CompletedFlowchartsAsync(int userId, DateTime start, DateTime end, CancellationToken cancellationToken) =>
        db.FlowchartSubmissions.Where(f => f.UserId == userId && f.Status == FlowchartSubmissionStatus.Completed
                                           && f.CreateTime >= start && f.CreateTime <= end)
            .OrderByDescending(f => f.CreateTime).ThenBy(f => f.Id)
            .Select(f => new AiFlowchartRow(f.ProblemId, f.Problem!.DisplayId, f.Problem.Title, f.AiScore, f.AiGrade, f.CreateTime))
            .ToListAsync(cancellationToken);

    public Task<int> CountSubmissionsAsync(int userId, DateTime start, DateTime end, CancellationToken cancellationToken) =>
        db.Submissions.CountAsync(s => s.UserId == userId && s.CreateTime >= start && s.CreateTime <= end, cancellationToken);

    /// <summary>The user's submissions in [start, end] per Asia/Shanghai calendar date (UTC+8, no daylight saving).</summary>
    public Task<List<HeatmapRow>> CountByShanghaiDateAsync(int userId, DateTime start, DateTime end, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<HeatmapRow>($"""
            SELECT ((create_time AT TIME ZONE 'UTC') + interval '8 hours')::date AS "Date", count(*)::integer AS "Count"
            FROM submission
            WHERE user_id = {userId} AND create_time >= {start} AND create_time <= {end}
            GROUP BY 1
            """).ToListAsync(cancellationToken);

    public async Task<LoginSummaryCounts> LoginSummaryAsync(int userId, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var newProblems = await db.Problems.CountAsync(p => p.ContestId == null && p.Visible && p.CreateTime >= start && p.CreateTime <= end,
            cancellationToken);
        var mine = db.Submissions.Where(s => s.UserId == userId && s.CreateTime >= start && s.CreateTime <= end);
        var counts = await mine.GroupBy(_ => 1)
            .OrderBy(g => g.Key) // one group; the order only keeps EF from warning about FirstOrDefault without one
            .Select(g => new
            {
                Submissions = g.Count(),
                Accepted = g.Count(s => s.Result == JudgeStatus.Accepted || s.Result == JudgeStatus.AstCheckFailed),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var solved = await mine.Where(s => s.Result == JudgeStatus.Accepted || s.Result == JudgeStatus.AstCheckFailed)
            .Select(s => s.ProblemId).Distinct().CountAsync(cancellationToken);
        var flowcharts = await db.FlowchartSubmissions.CountAsync(f => f.UserId == userId && f.CreateTime >= start && f.CreateTime <= end,
            cancellationToken);
        return new LoginSummaryCounts(newProblems, counts?.Submissions ?? 0, counts?.Accepted ?? 0, solved, flowcharts);
    }
}

using Npgsql;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Comments;

/// <summary>One row of the admin reaction statistics (comment.md A3).</summary>
public sealed record ReactionStatsDto(
    string Pid, string Title, int Users, DateTime LastTime,
    int TooEasy, int TooHard, int Confusing, int Buggy, int Learned, int Interesting, int WantExplain);

public class ReactionRepository(OnlineJudgeDbContext db)
{
    public Task<string?> FindTypeAsync(int problemId, int userId, CancellationToken cancellationToken) =>
        db.Reactions.Where(r => r.ProblemId == problemId && r.UserId == userId)
            .Select(r => r.Type)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Number of users per reaction type of a problem (types nobody chose are absent).</summary>
    public async Task<Dictionary<string, int>> CountByTypeAsync(int problemId, CancellationToken cancellationToken)
    {
        var rows = await db.Reactions.Where(r => r.ProblemId == problemId)
            .GroupBy(r => r.Type)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Type, r => r.Count, StringComparer.Ordinal);
    }

    public Task<bool> VisibleProblemExistsAsync(int problemId, CancellationToken cancellationToken) =>
        db.Problems.AnyAsync(p => p.Id == problemId && p.Visible, cancellationToken);

    public Task<bool> HasAcceptedSubmissionAsync(int problemId, int userId, CancellationToken cancellationToken) =>
        db.Submissions.AnyAsync(s => s.ProblemId == problemId && s.UserId == userId
            && (s.Result == JudgeStatus.Accepted || s.Result == JudgeStatus.AstCheckFailed), cancellationToken);

    /// <summary>Inserts the user's reaction unless one exists (the unique constraint settles races); returns the stored type.</summary>
    public async Task<string> InsertIfAbsentAsync(int problemId, int userId, string type, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO reaction (type, create_time, problem_id, user_id) VALUES (@type, @now, @problem, @user) "
            + "ON CONFLICT (problem_id, user_id) DO NOTHING",
            [new NpgsqlParameter("type", type), new NpgsqlParameter("now", now), new NpgsqlParameter("problem", problemId),
                new NpgsqlParameter("user", userId)],
            cancellationToken);
        return await FindTypeAsync(problemId, userId, cancellationToken) ?? type;
    }

    /// <summary>Reactions grouped by (non-contest) problem, most users first (comment.md A3).</summary>
    public Task<Page<ReactionStatsDto>> ListStatsAsync(string? problemDisplayId, PageRequest page, CancellationToken cancellationToken)
    {
        var reactions = db.Reactions.Where(r => r.Problem!.ContestId == null);
        if (!string.IsNullOrEmpty(problemDisplayId))
        {
            var lowered = problemDisplayId.ToLowerInvariant();
            reactions = reactions.Where(r => r.Problem!.DisplayId.ToLower() == lowered);
        }

        // One reaction per user and problem (unique constraint): the group size is the number of users.
        return reactions
            .GroupBy(r => new { r.ProblemId, r.Problem!.DisplayId, r.Problem.Title })
            .Select(g => new
            {
                g.Key.DisplayId,
                g.Key.Title,
                Users = g.Count(),
                LastTime = g.Max(r => r.CreateTime),
                TooEasy = g.Count(r => r.Type == ReactionType.TooEasy),
                TooHard = g.Count(r => r.Type == ReactionType.TooHard),
                Confusing = g.Count(r => r.Type == ReactionType.Confusing),
                Buggy = g.Count(r => r.Type == ReactionType.Buggy),
                Learned = g.Count(r => r.Type == ReactionType.Learned),
                Interesting = g.Count(r => r.Type == ReactionType.Interesting),
                WantExplain = g.Count(r => r.Type == ReactionType.WantExplain),
            })
            .OrderByDescending(s => s.Users).ThenBy(s => s.DisplayId)
            .Select(s => new ReactionStatsDto(s.DisplayId, s.Title, s.Users, s.LastTime, s.TooEasy, s.TooHard, s.Confusing, s.Buggy,
                s.Learned, s.Interesting, s.WantExplain))
            .ToPageAsync(page, cancellationToken);
    }
}

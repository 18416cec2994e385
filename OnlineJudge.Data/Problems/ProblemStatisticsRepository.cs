using OnlineJudge.Data.Paging;
using static OnlineJudge.Data.Problems.ProblemProjections;

namespace OnlineJudge.Data.Problems;

/// <summary>Submission statistics of problems: beat count, yearly AC (problem.md §1), stuck problems and AC trend (§2.18–§2.19).</summary>
public class ProblemStatisticsRepository(OnlineJudgeDbContext db)
{
    public Task<bool> HasAcceptedAsync(int userId, int problemId, CancellationToken cancellationToken) =>
        db.Submissions.AnyAsync(s => s.UserId == userId && s.ProblemId == problemId && AcceptedResults.Contains(s.Result), cancellationToken);

    /// <summary>Active users since <paramref name="since"/> and distinct users who solved the problem since then, in one query.</summary>
    public async Task<(int Total, int Accepted)> GetBeatCountsAsync(int problemId, DateTime since, CancellationToken cancellationToken)
    {
        var row = await db.Problems.Where(p => p.Id == problemId).Select(_ => new
        {
            Total = db.Users.Count(u => !u.IsDisabled && u.LastLogin >= since),
            Accepted = db.Submissions.Where(s => s.ProblemId == problemId && AcceptedResults.Contains(s.Result) && s.CreateTime >= since)
                .Select(s => s.UserId).Distinct().Count(),
        }).FirstOrDefaultAsync(cancellationToken);
        if (row is not null)
        {
            return (row.Total, row.Accepted);
        }

        var total = await db.Users.CountAsync(u => !u.IsDisabled && u.LastLogin >= since, cancellationToken);
        return (total, 0);
    }

    public async Task<List<YearlyAcDto>> GetYearlyAcAsync(int problemId, CancellationToken cancellationToken)
    {
        var rows = await db.Submissions
            .Where(s => s.ProblemId == problemId && s.ContestId == null && s.Result != JudgeStatus.Pending && s.Result != JudgeStatus.Judging)
            .GroupBy(s => s.CreateTime.Year)
            .Select(g => new { Year = g.Key, Total = g.Count(), Accepted = g.Count(s => AcceptedResults.Contains(s.Result)) })
            .OrderBy(r => r.Year)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new YearlyAcDto(r.Year, r.Total, r.Accepted, Math.Round(r.Accepted * 100.0 / r.Total, 2, MidpointRounding.ToEven)))];
    }

    public async Task<List<StuckProblemDto>> ListStuckAsync(CancellationToken cancellationToken)
    {
        int[] failed = [JudgeStatus.WrongAnswer, JudgeStatus.CompileError, JudgeStatus.RuntimeError];
        var rows = await db.Submissions
            .GroupBy(s => s.ProblemId)
            .Select(g => new
            {
                ProblemId = g.Key,
                Total = g.Count(),
                Failed = g.Count(s => failed.Contains(s.Result)),
                FailedUsers = g.Where(s => failed.Contains(s.Result)).Select(s => s.UserId).Distinct().Count(),
                Accepted = g.Count(s => AcceptedResults.Contains(s.Result)),
            })
            .Where(r => r.FailedUsers > 0)
            .OrderByDescending(r => r.FailedUsers).ThenBy(r => r.ProblemId)
            .Take(40)
            .Join(db.Problems, r => r.ProblemId, p => p.Id, (r, p) => new { r, p.DisplayId, p.Title })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(x => x.r.FailedUsers).ThenBy(x => x.r.ProblemId)
            .Select(x => new StuckProblemDto(x.DisplayId, x.Title, x.r.Total, x.r.Failed, x.r.FailedUsers,
                Math.Round(x.r.Accepted * 100.0 / x.r.Total, 1, MidpointRounding.ToEven)))];
    }

    public Task<List<ProblemYearCountRow>> CountPracticeByProblemYearAsync(int sinceYear, int untilYear, CancellationToken cancellationToken)
    {
        var from = new DateTime(sinceYear, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(untilYear + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return db.Submissions.Where(s => s.ContestId == null && s.CreateTime >= from && s.CreateTime < to)
            .GroupBy(s => new { s.ProblemId, s.CreateTime.Year })
            .Select(g => new { g.Key.ProblemId, g.Key.Year, Total = g.Count(), Accepted = g.Count(s => AcceptedResults.Contains(s.Result)) })
            .Join(db.Problems, r => r.ProblemId, p => p.Id,
                (r, p) => new ProblemYearCountRow(r.ProblemId, p.DisplayId, p.Title, r.Year, r.Total, r.Accepted))
            .ToListAsync(cancellationToken);
    }
}

using OnlineJudge.Data.Paging;
using static OnlineJudge.Data.Problems.ProblemProjections;

namespace OnlineJudge.Data.Problems;

/// <summary>Problems of a contest: the student list and detail (problem.md §1.9) and the admin reads (§2.20–§2.23).</summary>
public class ContestProblemRepository(OnlineJudgeDbContext db)
{
    public Task<List<ProblemListRow>> ListContestProblemsAsync(int contestId, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.ContestId == contestId && p.Visible).OrderBy(p => p.CreateTime).ThenBy(p => p.Id)
            .Select(ListRow).ToListAsync(cancellationToken);

    public Task<ProblemFullRow?> FindContestProblemAsync(int contestId, string displayId, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.ContestId == contestId && p.Visible).WithDisplayId(displayId).Select(FullRow).FirstOrDefaultAsync(cancellationToken);

    public Task<Page<ProblemAdminListRow>> ListAdminContestAsync(int contestId, string? keyword, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Problems.Where(p => p.ContestId == contestId);
        if (!string.IsNullOrEmpty(keyword))
        {
            query = query.Where(p => p.Title.Contains(keyword));
        }

        return query.OrderByDescending(p => p.CreateTime).ThenByDescending(p => p.Id).Select(AdminListRow).ToPageAsync(page, cancellationToken);
    }

    public Task<bool> ContestDisplayIdExistsAsync(int contestId, string displayId, int? exceptId, CancellationToken cancellationToken) =>
        db.Problems.AnyAsync(p => p.ContestId == contestId && p.DisplayId == displayId && p.Id != (exceptId ?? 0), cancellationToken);

    public Task<bool> HasSubmissionsAsync(int problemId, CancellationToken cancellationToken) =>
        db.Submissions.AnyAsync(s => s.ProblemId == problemId, cancellationToken);

    /// <summary>Owner and end of a contest (any visibility), for the admin contest-problem endpoints.</summary>
    public async Task<(int CreatedById, DateTime EndTime)?> FindContestAsync(int contestId, CancellationToken cancellationToken)
    {
        var row = await db.Contests.Where(c => c.Id == contestId).Select(c => new { c.CreatedById, c.EndTime })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.CreatedById, row.EndTime);
    }
}

using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Submissions;

/// <summary>Submissions: creation with their judge task, detail, lists, sharing (submission.md).</summary>
public class SubmissionRepository(OnlineJudgeDbContext db)
{
    public Task<SubmitProblemDto?> FindSubmitProblemAsync(int problemId, int? contestId, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == problemId && p.ContestId == contestId && p.Visible)
            .Select(p => new SubmitProblemDto(p.Id, p.Languages))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Stores a new submission and its judge task in one statement batch (one transaction).</summary>
    public async Task CreateAsync(Submission submission, JudgeTask task, CancellationToken cancellationToken)
    {
        db.Submissions.Add(submission);
        db.JudgeTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public Task<SubmissionDetailRow?> FindDetailAsync(string id, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.Id == id)
            .Select(s => new SubmissionDetailRow(s.Id, s.ContestId, s.ProblemId, s.Problem!.DisplayId, s.Problem.CreatedById,
                s.Problem.ShareSubmission, s.CreateTime, s.UserId, s.Username, s.Code, s.Result, s.Info, s.Language, s.Shared,
                s.StatisticInfo, s.Ip, s.Contest!.StartTime, s.Contest.EndTime))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<SubmissionStateRow?> FindStateAsync(string id, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.Id == id)
            .Select(s => new SubmissionStateRow(s.Id, s.UserId, s.Result, s.StatisticInfo))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task SetSharedAsync(string id, bool shared, CancellationToken cancellationToken) =>
        await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Shared, shared), cancellationToken);

    /// <summary>A page of a list, newest first; <c>total</c> counts the whole filtered set.</summary>
    public Task<Page<SubmissionListRow>> ListAsync(SubmissionListFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Submissions.Where(s => s.ContestId == filter.ContestId);
        if (filter.ProblemId is { } problemId)
        {
            query = query.Where(s => s.ProblemId == problemId);
        }

        if (filter.UserId is { } userId)
        {
            query = query.Where(s => s.UserId == userId);
        }

        if (!string.IsNullOrEmpty(filter.Username))
        {
            var pattern = "%" + EscapeLike(filter.Username) + "%";
            query = query.Where(s => EF.Functions.ILike(s.Username, pattern, "\\"));
        }

        if (filter.Result is { } result)
        {
            query = query.Where(s => s.Result == result);
        }

        if (!string.IsNullOrEmpty(filter.Language))
        {
            query = query.Where(s => s.Language == filter.Language);
        }

        if (filter.CreatedSince is { } since)
        {
            query = query.Where(s => s.CreateTime >= since);
        }

        return query.OrderByDescending(s => s.CreateTime)
            .Select(s => new SubmissionListRow(s.Id, s.ProblemId, s.Problem!.DisplayId, s.Problem.Title, s.Problem.CreatedById,
                s.Problem.ShareSubmission, s.CreateTime, s.UserId, s.Username, s.Result, s.Language, s.Shared, s.StatisticInfo))
            .ToPageAsync(page, cancellationToken);
    }

    /// <summary>
    /// Id of a visible problem by display id, practice (<paramref name="contestId"/> null) or of a contest; the display id
    /// matches case-insensitively unless <paramref name="exactCase"/>.
    /// </summary>
    public Task<int?> FindVisibleProblemIdAsync(string displayId, int? contestId, CancellationToken cancellationToken, bool exactCase = false)
    {
        var query = db.Problems.Where(p => p.ContestId == contestId && p.Visible);
        query = exactCase ? query.Where(p => p.DisplayId == displayId) : query.Where(p => p.DisplayId.ToLower() == displayId.ToLower());
        return query.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> CountPracticeSinceAsync(DateTime since, CancellationToken cancellationToken) =>
        db.Submissions.CountAsync(s => s.ContestId == null && s.CreateTime >= since, cancellationToken);

    public Task<int> CountFlowchartSinceAsync(DateTime since, CancellationToken cancellationToken) =>
        db.FlowchartSubmissions.CountAsync(s => s.CreateTime >= since, cancellationToken);

    public Task<bool> UserHasSubmittedAsync(int userId, int problemId, CancellationToken cancellationToken) =>
        db.Submissions.AnyAsync(s => s.ProblemId == problemId && s.UserId == userId, cancellationToken);

    /// <summary>
    /// The user's progress rows in active, unexpired problem sets (submission.md §0.3), one row per (problem, problem
    /// set) in problem-set order.
    /// </summary>
    public async Task<List<ProblemSetGuardRow>> ListProblemSetGuardsAsync(int userId, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await (
                from progress in db.ProblemSetProgresses
                join link in db.ProblemSetProblems on progress.ProblemSetId equals link.ProblemSetId
                where progress.UserId == userId
                      && progress.ProblemSet!.Status == ProblemSetStatus.Active
                      && (progress.ProblemSet.EndTime == null || progress.ProblemSet.EndTime > now)
                orderby progress.ProblemSetId
                select new { link.ProblemId, progress.JoinTime, progress.ProgressDetail })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ProblemSetGuardRow(r.ProblemId, r.JoinTime, [.. r.ProgressDetail.Keys]))];
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}

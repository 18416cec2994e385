using System.Text.Json;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.ProblemSets;

/// <summary>The <c>users_progress</c> filters (problemset.md §1.10).</summary>
public sealed record MemberProgressFilter(string? UsernamePart, string? CompletionStatus);

/// <summary>Statistics over the filtered members of a set.</summary>
public sealed record MemberProgressStatistics(int Total, int Completed, double AvgProgress);

/// <summary>
/// Progress rows (table <c>problemset_progress</c>) and the rows that follow them (<c>problemset_submission</c>).
/// Recomputation reads rows under a row lock (<c>FOR UPDATE</c>, several rows in id order), so a verdict, a report and an
/// admin change of the same row never overwrite each other; run those methods inside a transaction.
/// </summary>
public class ProblemSetProgressRepository(OnlineJudgeDbContext db)
{
    /// <summary>Inserts the caller's empty row (§1.4); null when one exists already.</summary>
    public async Task<long?> JoinAsync(long setId, int userId, DateTime now, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQuery<long>($"""
            INSERT INTO problemset_progress (problemset_id, user_id, join_time, is_completed, progress_percentage, completed_problems_count,
                total_problems_count, total_score, progress_detail)
            VALUES ({setId}, {userId}, {now}, false, 0, 0, 0, 0, {EmptyObject}::jsonb)
            ON CONFLICT (problemset_id, user_id) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <summary>The row of (set, user), locked; null when the user has not joined.</summary>
    public async Task<LockedProgress?> LockAsync(long setId, int userId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<LockedRow>($"""
            SELECT id AS "Id", user_id AS "UserId", progress_detail::text AS "Detail", complete_time AS "CompleteTime",
                completed_problems_count AS "CompletedProblemsCount", total_problems_count AS "TotalProblemsCount", total_score AS "TotalScore"
            FROM problemset_progress WHERE problemset_id = {setId} AND user_id = {userId} FOR UPDATE
            """).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : rows[0].ToLocked();
    }

    /// <summary>Every row of a set, locked in id order.</summary>
    public async Task<List<LockedProgress>> LockAllAsync(long setId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<LockedRow>($"""
            SELECT id AS "Id", user_id AS "UserId", progress_detail::text AS "Detail", complete_time AS "CompleteTime",
                completed_problems_count AS "CompletedProblemsCount", total_problems_count AS "TotalProblemsCount", total_score AS "TotalScore"
            FROM problemset_progress WHERE problemset_id = {setId} ORDER BY id FOR UPDATE
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToLocked())];
    }

    /// <summary>
    /// Locks every row of the sets, in set then row id order (the order of <see cref="LockAllAsync"/> within a set), before
    /// a write that changes what the sets hold.
    /// </summary>
    public Task LockMembersAsync(long[] setIds, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"""
            SELECT id AS "Value" FROM problemset_progress WHERE problemset_id = ANY({setIds}) ORDER BY problemset_id, id FOR UPDATE
            """).ToListAsync(cancellationToken);

    public Task SaveAsync(long progressId, ProgressValues values, CancellationToken cancellationToken)
    {
        var detail = JsonSerializer.Serialize(values.Detail, JsonbConversion.Options);
        return db.Database.ExecuteSqlAsync($"""
            UPDATE problemset_progress SET progress_detail = {detail}::jsonb, completed_problems_count = {values.CompletedProblemsCount},
                total_problems_count = {values.TotalProblemsCount}, total_score = {values.TotalScore},
                progress_percentage = {values.ProgressPercentage}, is_completed = {values.IsCompleted}, complete_time = {values.CompleteTime}
            WHERE id = {progressId}
            """, cancellationToken);
    }

    /// <summary>The problems of a set with their scores, as recomputation reads them.</summary>
    public Task<List<SetProblemScore>> ListScoresAsync(long setId, CancellationToken cancellationToken) =>
        db.ProblemSetProblems.Where(p => p.ProblemSetId == setId).OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new SetProblemScore(p.ProblemId, p.Score)).ToListAsync(cancellationToken);

    /// <summary>
    /// The open sets (§0.1) that contain <paramref name="problemId"/> and that <paramref name="userId"/> joined at or before
    /// <paramref name="joinedBy"/>, in id order.
    /// </summary>
    public Task<List<long>> ListOpenSetsToCountAsync(int userId, int problemId, DateTime joinedBy, CancellationToken cancellationToken) =>
        db.ProblemSetProgresses
            .Where(p => p.UserId == userId && p.JoinTime <= joinedBy && p.ProblemSet!.Visible && p.ProblemSet.Status != ProblemSetStatus.Draft
                        && p.ProblemSet.Problems.Any(l => l.ProblemId == problemId))
            .OrderBy(p => p.ProblemSetId).Select(p => p.ProblemSetId).ToListAsync(cancellationToken);

    /// <summary>Links the first reported submission of (set, user, problem) (§1.5 step 3) unless one is linked already or the problem is gone.</summary>
    public Task LinkSubmissionAsync(long setId, int userId, int problemId, string submissionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO problemset_submission (problemset_id, user_id, problem_id, submission_id)
            SELECT {setId}, {userId}, {problemId}, {submissionId}
            WHERE EXISTS (SELECT 1 FROM problem WHERE id = {problemId}) AND EXISTS (SELECT 1 FROM submission WHERE id = {submissionId})
              AND NOT EXISTS (SELECT 1 FROM problemset_submission
                              WHERE problemset_id = {setId} AND user_id = {userId} AND problem_id = {problemId})
            """, cancellationToken);

    /// <summary>The result of a submission of <paramref name="userId"/>; null when they have none with that id.</summary>
    public Task<int?> FindSubmissionResultAsync(string submissionId, int userId, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.Id == submissionId && s.UserId == userId).Select(s => (int?)s.Result).FirstOrDefaultAsync(cancellationToken);

    public Task<int> DeleteSubmissionLinksAsync(long setId, int problemId, CancellationToken cancellationToken) =>
        db.ProblemSetSubmissions.Where(s => s.ProblemSetId == setId && s.ProblemId == problemId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes the row of (set, user) only; false when there is none.</summary>
    public async Task<bool> DeleteAsync(long setId, int userId, CancellationToken cancellationToken) =>
        await db.ProblemSetProgresses.Where(p => p.ProblemSetId == setId && p.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<int> CountAsync(long setId, CancellationToken cancellationToken) =>
        db.ProblemSetProgresses.CountAsync(p => p.ProblemSetId == setId, cancellationToken);

    /// <summary>Whether the user has a completed row in the set (the <c>users_progress</c> permission, §1.10).</summary>
    public Task<bool> HasCompletedAsync(long setId, int userId, CancellationToken cancellationToken) =>
        db.ProblemSetProgresses.AnyAsync(p => p.ProblemSetId == setId && p.UserId == userId && p.IsCompleted, cancellationToken);

    public Task<ProgressRow?> FindAsync(long setId, int userId, CancellationToken cancellationToken) =>
        Project(db.ProblemSetProgresses.Where(p => p.ProblemSetId == setId && p.UserId == userId)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A user's rows of every set, newest <c>join_time</c> first (§1.7).</summary>
    public Task<List<ProgressRow>> ListOfUserAsync(int userId, CancellationToken cancellationToken) =>
        Project(db.ProblemSetProgresses.Where(p => p.UserId == userId).OrderByDescending(p => p.JoinTime).ThenByDescending(p => p.Id))
            .ToListAsync(cancellationToken);

    /// <summary>Every member of a set, newest <c>join_time</c> first (§2.16).</summary>
    public Task<List<ProgressRow>> ListOfSetAsync(long setId, CancellationToken cancellationToken) =>
        Project(db.ProblemSetProgresses.Where(p => p.ProblemSetId == setId).OrderByDescending(p => p.JoinTime).ThenByDescending(p => p.Id))
            .ToListAsync(cancellationToken);

    /// <summary>A page of the filtered members (§1.10) and the statistics over all of them.</summary>
    public async Task<(Page<ProgressRow> Page, MemberProgressStatistics Statistics)> GetMemberPageAsync(long setId, MemberProgressFilter filter,
        PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.ProblemSetProgresses.Where(p => p.ProblemSetId == setId);
        if (!string.IsNullOrEmpty(filter.UsernamePart))
        {
            var lowered = filter.UsernamePart.ToLowerInvariant();
            query = query.Where(p => p.User!.Username.ToLower().Contains(lowered));
        }

        query = filter.CompletionStatus switch
        {
            "completed" => query.Where(p => p.IsCompleted),
            "in_progress" => query.Where(p => !p.IsCompleted && p.CompletedProblemsCount > 0),
            "not_started" => query.Where(p => p.CompletedProblemsCount == 0),
            _ => query,
        };

        var statistics = await db.ProblemSets.Where(s => s.Id == setId)
            .Select(_ => new MemberProgressStatistics(query.Count(), query.Count(p => p.IsCompleted),
                query.Average(p => (double?)p.ProgressPercentage) ?? 0))
            .FirstOrDefaultAsync(cancellationToken) ?? new MemberProgressStatistics(0, 0, 0);
        if (page.Limit == 0 || page.Offset >= statistics.Total)
        {
            return (new Page<ProgressRow>([], statistics.Total), statistics);
        }

        var rows = await Project(query.OrderByDescending(p => p.IsCompleted).ThenByDescending(p => p.ProgressPercentage)
                .ThenBy(p => p.JoinTime).ThenBy(p => p.Id))
            .Skip(page.Offset).Take(page.Limit).ToListAsync(cancellationToken);
        return (new Page<ProgressRow>(rows, statistics.Total), statistics);
    }

    private static IQueryable<ProgressRow> Project(IQueryable<ProblemSetProgress> query) =>
        query.Select(p => new ProgressRow(p.Id, p.ProblemSetId, new UserRefDto(p.User!.Id, p.User.Username, null), p.JoinTime, p.CompleteTime,
            p.IsCompleted, p.ProgressPercentage, p.CompletedProblemsCount, p.TotalProblemsCount, p.TotalScore, p.ProgressDetail));

    private const string EmptyObject = "{}";

    private sealed record LockedRow(long Id, int UserId, string Detail, DateTime? CompleteTime, int CompletedProblemsCount, int TotalProblemsCount,
        int TotalScore)
    {
        public LockedProgress ToLocked() => new(Id, UserId,
            JsonSerializer.Deserialize<Dictionary<string, ProgressDetailEntry>>(Detail, JsonbConversion.Options) ?? [], CompleteTime,
            CompletedProblemsCount, TotalProblemsCount, TotalScore);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Flowcharts;

/// <summary>Flowchart submissions: creation with their grading task, reads, and the writes of the grading lifecycle (flowchart.md).</summary>
public class FlowchartSubmissionRepository(OnlineJudgeDbContext db)
{
    public Task<FlowchartProblemDto?> FindProblemAsync(int problemId, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == problemId)
            .Select(p => new FlowchartProblemDto(p.Id, p.AllowFlowchart))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A public visible problem by display id, compared case-insensitively (flowchart.md §1.3, §2.1).</summary>
    public Task<int?> FindPublicProblemIdAsync(string displayId, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.ContestId == null && p.Visible && p.DisplayId.ToLower() == displayId.ToLower())
            .OrderBy(p => p.Id).Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Stores a new submission and its grading task in one statement batch (one transaction).</summary>
    public async Task CreateAsync(string id, int userId, int problemId, string mermaidCode, JsonElement flowchartData, DateTime now,
        CancellationToken cancellationToken)
    {
        db.FlowchartSubmissions.Add(new FlowchartSubmission
        {
            Id = id,
            UserId = userId,
            ProblemId = problemId,
            MermaidCode = mermaidCode,
            FlowchartData = flowchartData,
            Status = FlowchartSubmissionStatus.Pending,
            CreateTime = now,
        });
        db.FlowchartTasks.Add(new FlowchartTask { SubmissionId = id, EnqueuedAt = now, NotBefore = now });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public Task<FlowchartDetailRow?> FindDetailAsync(string id, CancellationToken cancellationToken) =>
        db.FlowchartSubmissions.Where(f => f.Id == id)
            .Select(f => new FlowchartDetailRow(f.UserId, f.Problem!.CreatedById, f.Status, new FlowchartSubmissionDto(
                f.Id, f.User!.Username, f.ProblemId, f.MermaidCode, f.FlowchartData, f.Status, f.CreateTime, f.AiScore, f.AiGrade,
                f.AiFeedback, f.AiSuggestions, f.AiCriteriaDetails, f.AiProvider, f.AiModel, f.ProcessingTime, f.EvaluationTime)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A page of the list, newest first.</summary>
    public Task<Page<FlowchartSubmissionListItemDto>> ListAsync(FlowchartListFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.FlowchartSubmissions.AsQueryable();
        if (filter.ProblemId is { } problemId)
        {
            query = query.Where(f => f.ProblemId == problemId);
        }

        if (filter.UserId is { } userId)
        {
            query = query.Where(f => f.UserId == userId);
        }

        if (!string.IsNullOrEmpty(filter.Username))
        {
            var pattern = "%" + EscapeLike(filter.Username) + "%";
            query = query.Where(f => EF.Functions.ILike(f.User!.Username, pattern, "\\"));
        }

        if (filter.CreatedSince is { } since)
        {
            query = query.Where(f => f.CreateTime >= since);
        }

        if (!string.IsNullOrEmpty(filter.Grade))
        {
            query = query.Where(f => f.AiGrade == filter.Grade);
        }

        return query.OrderByDescending(f => f.CreateTime).ThenBy(f => f.Id)
            .Select(f => new FlowchartSubmissionListItemDto(f.Id, f.User!.Username, f.Problem!.Title, f.Problem.DisplayId, f.Status,
                f.CreateTime, f.AiScore, f.AiGrade, f.AiProvider, f.AiModel, f.ProcessingTime, f.EvaluationTime))
            .ToPageAsync(page, cancellationToken);
    }

    /// <summary>Resets every AI field for a retry (flowchart.md §1.4); the caller queues the task in the same transaction.</summary>
    public Task<int> ResetForRetryAsync(string id, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE flowchart_submission
            SET status = {FlowchartSubmissionStatus.Pending}, ai_score = NULL, ai_grade = NULL, ai_feedback = NULL, ai_suggestions = NULL,
                ai_criteria_details = {"{}"}::jsonb, processing_time = NULL, evaluation_time = NULL
            WHERE id = {id}
            """, cancellationToken);

    /// <summary>The caller's completed submissions on a problem, oldest first: their number and the one at <paramref name="index"/> (0-based; null = the latest).</summary>
    public async Task<(int Count, FlowchartSubmissionDto? Submission)> FindCompletedAsync(int userId, int problemId, int? index,
        CancellationToken cancellationToken)
    {
        var completed = db.FlowchartSubmissions.Where(f => f.UserId == userId && f.ProblemId == problemId && f.Status == FlowchartSubmissionStatus.Completed);
        var count = await completed.CountAsync(cancellationToken);
        if (count == 0 || index >= count)
        {
            return (count, null);
        }

        var ordered = index is { } at
            ? completed.OrderBy(f => f.CreateTime).ThenBy(f => f.Id).Skip(at)
            : completed.OrderByDescending(f => f.CreateTime).ThenByDescending(f => f.Id);
        var submission = await ordered.Select(f => new FlowchartSubmissionDto(
                f.Id, f.User!.Username, f.ProblemId, f.MermaidCode, f.FlowchartData, f.Status, f.CreateTime, f.AiScore, f.AiGrade,
                f.AiFeedback, f.AiSuggestions, f.AiCriteriaDetails, f.AiProvider, f.AiModel, f.ProcessingTime, f.EvaluationTime))
            .FirstOrDefaultAsync(cancellationToken);
        return (count, submission);
    }

    public async Task<FlowchartCurrentRow> FindCurrentAsync(int userId, int problemId, CancellationToken cancellationToken)
    {
        var completed = db.FlowchartSubmissions.Where(f => f.UserId == userId && f.ProblemId == problemId && f.Status == FlowchartSubmissionStatus.Completed);
        var latest = await completed.OrderByDescending(f => f.CreateTime).ThenByDescending(f => f.Id)
            .Select(f => new { f.AiScore, f.AiGrade, Count = completed.Count() })
            .FirstOrDefaultAsync(cancellationToken);
        return latest is null ? new FlowchartCurrentRow(0, null, null) : new FlowchartCurrentRow(latest.Count, latest.AiScore, latest.AiGrade);
    }

    public Task<FlowchartGradingJobDto?> FindGradingJobAsync(string id, CancellationToken cancellationToken) =>
        db.FlowchartSubmissions.Where(f => f.Id == id)
            .Select(f => new FlowchartGradingJobDto(f.Id, f.UserId, f.MermaidCode, f.Problem!.MermaidCode, f.Problem.FlowchartHint))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>PROCESSING while the lease is current (flowchart.md §3.4 step 1); false when the lease is gone.</summary>
    public async Task<bool> MarkProcessingAsync(FlowchartLease lease, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE flowchart_submission SET status = {FlowchartSubmissionStatus.Processing}
            WHERE id = {lease.SubmissionId}
              AND EXISTS (SELECT 1 FROM flowchart_task WHERE submission_id = {lease.SubmissionId} AND lease_id = {lease.LeaseId})
            """, cancellationToken) == 1;

    /// <summary>
    /// Stores a grade and ends the task in one statement (flowchart.md §3.4 step 3); false when the lease is no longer
    /// current (a retry was asked meanwhile): the grade is then dropped.
    /// </summary>
    public async Task<bool> SaveGradeAsync(FlowchartLease lease, FlowchartGradeDto grade, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            WITH done AS (
                DELETE FROM flowchart_task WHERE submission_id = {lease.SubmissionId} AND lease_id = {lease.LeaseId} RETURNING 1
            )
            UPDATE flowchart_submission
            SET status = {FlowchartSubmissionStatus.Completed}, ai_score = {grade.Score}, ai_grade = {grade.Grade}, ai_feedback = {grade.Feedback},
                ai_suggestions = {grade.Suggestions}, ai_criteria_details = {grade.CriteriaDetails.GetRawText()}::jsonb,
                ai_provider = {grade.Provider}, ai_model = {grade.Model}, processing_time = {grade.ProcessingTime},
                evaluation_time = {grade.EvaluationTime}
            WHERE id = {lease.SubmissionId} AND EXISTS (SELECT 1 FROM done)
            """, cancellationToken) == 1;

    /// <summary>
    /// FAILED (other AI fields unchanged, flowchart.md §3.4 step 4) in the statement that hands the task back for an
    /// automatic retry from <paramref name="retryAt"/>, or ends it when <paramref name="retryAt"/> is null. False when the
    /// lease is no longer current.
    /// </summary>
    public async Task<bool> MarkFailedAsync(FlowchartLease lease, DateTime? retryAt, CancellationToken cancellationToken) =>
        await (retryAt is { } at
            ? db.Database.ExecuteSqlAsync($"""
                WITH queued AS (
                    UPDATE flowchart_task SET lease_id = NULL, lease_expires_at = NULL, not_before = {at}
                    WHERE submission_id = {lease.SubmissionId} AND lease_id = {lease.LeaseId} RETURNING 1
                )
                UPDATE flowchart_submission SET status = {FlowchartSubmissionStatus.Failed}
                WHERE id = {lease.SubmissionId} AND EXISTS (SELECT 1 FROM queued)
                """, cancellationToken)
            : db.Database.ExecuteSqlAsync($"""
                WITH done AS (
                    DELETE FROM flowchart_task WHERE submission_id = {lease.SubmissionId} AND lease_id = {lease.LeaseId} RETURNING 1
                )
                UPDATE flowchart_submission SET status = {FlowchartSubmissionStatus.Failed}
                WHERE id = {lease.SubmissionId} AND EXISTS (SELECT 1 FROM done)
                """, cancellationToken)) == 1;

    /// <summary>Completed submissions of the admin statistics window (flowchart.md §2.1).</summary>
    public Task<List<FlowchartStatisticsRow>> ListForStatisticsAsync(DateTime? start, DateTime end, int? problemId, string? username,
        CancellationToken cancellationToken)
    {
        var query = db.FlowchartSubmissions.Where(f => f.Status == FlowchartSubmissionStatus.Completed && f.CreateTime <= end);
        if (start is { } from)
        {
            query = query.Where(f => f.CreateTime >= from);
        }

        if (problemId is { } id)
        {
            query = query.Where(f => f.ProblemId == id);
        }

        if (!string.IsNullOrEmpty(username))
        {
            var pattern = "%" + EscapeLike(username) + "%";
            query = query.Where(f => EF.Functions.ILike(f.User!.Username, pattern, "\\"));
        }

        return query.OrderBy(f => f.CreateTime).ThenBy(f => f.Id)
            .Select(f => new FlowchartStatisticsRow(f.UserId, f.User!.Username, f.AiScore, f.AiGrade, f.AiCriteriaDetails, f.AiSuggestions))
            .ToListAsync(cancellationToken);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Data.Judge;

/// <summary>Everything a judge run reads, loaded in one query (submission, problem, contest, submitter).</summary>
public sealed record JudgeJobDto(
    string SubmissionId,
    int UserId,
    string Language,
    string Code,
    int? ContestId,
    DateTime CreateTime,
    int ProblemId,
    string ProblemDisplayId,
    int TimeLimit,
    int MemoryLimit,
    string TestCaseId,
    Dictionary<string, string> Template,
    JsonElement? AstRules,
    ProblemSqlConfig? SqlConfig,
    List<ProblemAnswer>? Answers,
    DateTime? ContestStartTime,
    DateTime? ContestEndTime,
    int? ContestCreatedById,
    bool? UserIsDisabled,
    string? UserAdminType);

/// <summary>Reads of the judge runs and the writes that are not part of a verdict.</summary>
public class JudgeJobRepository(OnlineJudgeDbContext db)
{
    public Task<JudgeJobDto?> LoadAsync(string submissionId, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.Id == submissionId)
            .Select(s => new JudgeJobDto(
                s.Id, s.UserId, s.Language, s.Code, s.ContestId, s.CreateTime,
                s.ProblemId, s.Problem!.DisplayId, s.Problem.TimeLimit, s.Problem.MemoryLimit, s.Problem.TestCaseId, s.Problem.Template,
                s.Problem.AstRules, s.Problem.SqlConfig, s.Problem.Answers,
                s.Contest!.StartTime, s.Contest.EndTime, s.Contest.CreatedById,
                db.Users.Where(u => u.Id == s.UserId).Select(u => (bool?)u.IsDisabled).FirstOrDefault(),
                db.Users.Where(u => u.Id == s.UserId).Select(u => u.AdminType).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Marks a submission JUDGING while its lease is current; false when the lease is gone.</summary>
    public async Task<bool> MarkJudgingAsync(JudgeLease lease, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE submission SET result = {JudgeStatus.Judging}
            WHERE id = {lease.SubmissionId}
              AND EXISTS (SELECT 1 FROM judge_task WHERE submission_id = {lease.SubmissionId} AND lease_id = {lease.LeaseId})
            """, cancellationToken) == 1;

    /// <summary>Back to PENDING after a dispatch was handed back (only from JUDGING: a verdict stored meanwhile stays).</summary>
    public Task<int> MarkPendingAsync(string submissionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE submission SET result = {JudgeStatus.Pending} WHERE id = {submissionId} AND result = {JudgeStatus.Judging}", cancellationToken);

    /// <summary>Resets a submission for a rejudge (submission.md §2.1): empty <c>statistic_info</c>, result and info kept.</summary>
    public Task<int> ClearStatisticInfoAsync(string submissionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE submission SET statistic_info = '{{}}'::jsonb WHERE id = {submissionId}", cancellationToken);

    /// <summary>A practice submission's current result, for a rejudge; null when it does not exist or belongs to a contest.</summary>
    public Task<PracticeSubmissionDto?> FindPracticeAsync(string submissionId, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.Id == submissionId && s.ContestId == null)
            .Select(s => new PracticeSubmissionDto(s.Id, s.Result, s.Language))
            .FirstOrDefaultAsync(cancellationToken);
}

public sealed record PracticeSubmissionDto(string Id, int Result, string Language);

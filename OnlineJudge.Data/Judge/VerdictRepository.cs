using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Json;

namespace OnlineJudge.Data.Judge;

/// <summary>A contest rank row, read under a row lock; <see cref="SubmissionInfo"/> keeps every key it had.</summary>
public sealed record AcmRankRow(int Id, int SubmissionNumber, int AcceptedNumber, int TotalTime, JsonObject SubmissionInfo);

/// <summary>
/// The writes of a verdict (judge.md §4–6), inside the verdict's transaction. Rows are locked in one order everywhere,
/// user_profile → problem → acm_contest_rank, so concurrent verdicts never deadlock; profile and rank rows are read
/// under a lock (<c>FOR UPDATE</c>) and edited as JSON trees (keys this code does not know survive), the problem's
/// counters change in a single statement.
/// </summary>
public class VerdictRepository(OnlineJudgeDbContext db)
{
    public Task SaveSubmissionAsync(string submissionId, int result, JsonElement? info, SubmissionStatisticInfo statisticInfo,
        CancellationToken cancellationToken)
    {
        var statistic = JsonSerializer.Serialize(statisticInfo, JsonbConversion.Options);
        if (info is { } infoValue)
        {
            var infoJson = infoValue.GetRawText();
            return db.Database.ExecuteSqlAsync($"""
                UPDATE submission SET result = {result}, info = {infoJson}::jsonb, statistic_info = {statistic}::jsonb
                WHERE id = {submissionId}
                """, cancellationToken);
        }

        return db.Database.ExecuteSqlAsync(
            $"UPDATE submission SET result = {result}, statistic_info = {statistic}::jsonb WHERE id = {submissionId}", cancellationToken);
    }

    /// <summary>
    /// Adds to a problem's judge counters in one statement (the problem row is the hottest lock of a contest, so it is held
    /// for as short as possible): the submission and accepted deltas, one count moved in <c>statistic_info</c> from
    /// <paramref name="removedResult"/> (if any, never below 0) to <paramref name="addedResult"/>. Returns the new
    /// <c>accepted_number</c>, or null when the problem is gone.
    /// </summary>
    public async Task<long?> AddProblemCountsAsync(int problemId, int submissionDelta, int acceptedDelta, int? removedResult, int addedResult,
        CancellationToken cancellationToken)
    {
        var removed = removedResult?.ToString(CultureInfo.InvariantCulture);
        var added = addedResult.ToString(CultureInfo.InvariantCulture);
        var rows = await db.Database.SqlQuery<long>($"""
            UPDATE problem SET
                submission_number = submission_number + {submissionDelta},
                accepted_number = GREATEST(accepted_number + {acceptedDelta}, 0),
                statistic_info = jsonb_set(
                    CASE WHEN {removed}::text IS NULL THEN statistic_info
                         ELSE jsonb_set(statistic_info, ARRAY[{removed}::text],
                                        to_jsonb(GREATEST(COALESCE((statistic_info ->> {removed}::text)::numeric::integer, 0) - 1, 0))) END,
                    ARRAY[{added}::text],
                    to_jsonb(COALESCE((CASE WHEN {removed}::text IS NULL THEN statistic_info
                                            ELSE jsonb_set(statistic_info, ARRAY[{removed}::text],
                                                           to_jsonb(GREATEST(COALESCE((statistic_info ->> {removed}::text)::numeric::integer, 0) - 1, 0))) END
                                       ->> {added}::text)::numeric::integer, 0) + 1))
            WHERE id = {problemId}
            RETURNING accepted_number AS "Value"
            """).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>The submitter's <c>acm_problems_status</c>; null when the user (or profile) no longer exists.</summary>
    public async Task<JsonObject?> LockProfileStatusAsync(int userId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<string>(
            $"SELECT acm_problems_status::text AS \"Value\" FROM user_profile WHERE user_id = {userId} FOR UPDATE").ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : ParseObject(rows[0]);
    }

    public Task SaveProfileAsync(int userId, int submissionDelta, int acceptedDelta, JsonObject status, CancellationToken cancellationToken)
    {
        var json = status.ToJsonString();
        return db.Database.ExecuteSqlAsync($"""
            UPDATE user_profile SET submission_number = submission_number + {submissionDelta},
                accepted_number = GREATEST(accepted_number + {acceptedDelta}, 0), acm_problems_status = {json}::jsonb
            WHERE user_id = {userId}
            """, cancellationToken);
    }

    /// <summary>The practice submissions of a user for a problem: whether one is accepted, and the newest result.</summary>
    public async Task<(bool AnyAccepted, int? LatestResult)> SummarizePracticeAsync(int userId, int problemId, CancellationToken cancellationToken)
    {
        var query = db.Submissions.Where(s => s.UserId == userId && s.ProblemId == problemId && s.ContestId == null
                                              && s.Result != JudgeStatus.Pending && s.Result != JudgeStatus.Judging
                                              && s.Result != JudgeStatus.SystemError);
        var anyAccepted = await query.AnyAsync(s => s.Result == JudgeStatus.Accepted || s.Result == JudgeStatus.AstCheckFailed, cancellationToken);
        var latest = await query.OrderByDescending(s => s.CreateTime).Select(s => (int?)s.Result).FirstOrDefaultAsync(cancellationToken);
        return (anyAccepted, latest);
    }

    /// <summary>Gets the (user, contest) rank row, creating it first when missing (judge.md §6.5), locked.</summary>
    public async Task<AcmRankRow> LockOrCreateRankAsync(int userId, int contestId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO acm_contest_rank (user_id, contest_id, submission_number, accepted_number, total_time, submission_info)
            VALUES ({userId}, {contestId}, 0, 0, 0, {EmptyObject}::jsonb)
            ON CONFLICT (user_id, contest_id) DO NOTHING
            """, cancellationToken);
        var rows = await db.Database.SqlQuery<AcmRankText>($"""
            SELECT id AS "Id", submission_number AS "SubmissionNumber", accepted_number AS "AcceptedNumber", total_time AS "TotalTime",
                submission_info::text AS "SubmissionInfo"
            FROM acm_contest_rank WHERE user_id = {userId} AND contest_id = {contestId} FOR UPDATE
            """).ToListAsync(cancellationToken);
        var row = rows[0];
        return new AcmRankRow(row.Id, row.SubmissionNumber, row.AcceptedNumber, row.TotalTime, ParseObject(row.SubmissionInfo));
    }

    public Task SaveRankAsync(AcmRankRow rank, CancellationToken cancellationToken)
    {
        var json = rank.SubmissionInfo.ToJsonString();
        return db.Database.ExecuteSqlAsync($"""
            UPDATE acm_contest_rank SET submission_number = {rank.SubmissionNumber}, accepted_number = {rank.AcceptedNumber},
                total_time = {rank.TotalTime}, submission_info = {json}::jsonb
            WHERE id = {rank.Id}
            """, cancellationToken);
    }

    private const string EmptyObject = "{}";

    private static JsonObject ParseObject(string? json) =>
        json is not null && JsonNode.Parse(json) is JsonObject value ? value : [];

    private sealed record AcmRankText(int Id, int SubmissionNumber, int AcceptedNumber, int TotalTime, string SubmissionInfo);
}

using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Judge;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Judge;

namespace OnlineJudge.Services.Submissions;

/// <summary><c>GET /api/admin/submission/rejudge</c> (submission.md §2.1).</summary>
public class RejudgeService(
    JudgeJobRepository jobs,
    JudgeQueueRepository queue,
    TransactionRunner transactions,
    JudgeWakeups wakeups,
    TimeProvider time,
    ILogger<RejudgeService> logger)
{
    public async Task<ServiceResult> RejudgeAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            return ServiceError.Of("Parameter error, id is required");
        }

        var submission = await jobs.FindPracticeAsync(id, cancellationToken);
        if (submission is null)
        {
            return ServiceError.Of("Submission does not exists");
        }

        // The verdict the statistics counted, replaced when the new one is stored (a pending or failed one counted nothing).
        int? counted = submission.Result is JudgeStatus.Pending or JudgeStatus.Judging or JudgeStatus.SystemError ? null : submission.Result;
        await transactions.ExecuteAsync(async ct =>
        {
            await jobs.ClearStatisticInfoAsync(submission.Id, ct);
            await queue.EnqueueRejudgeAsync(submission.Id, submission.Language == SubmitService.SqlLanguage, counted,
                time.GetUtcNow().UtcDateTime, ct);
        }, cancellationToken);
        logger.LogInformation("Submission {SubmissionId} queued for rejudging", submission.Id);
        await wakeups.WakeAllAsync(CancellationToken.None);
        return ServiceResult.Ok();
    }
}

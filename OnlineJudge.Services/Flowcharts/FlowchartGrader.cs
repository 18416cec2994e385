using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Flowcharts;
using OnlineJudge.Services.Ai;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>
/// Grades one leased submission (flowchart.md §3.4): PROCESSING, one chat completion (the lease renewed meanwhile),
/// the reply parsed, the grade stored and pushed. A failure stores FAILED with the reason pushed to the student and
/// queues an automatic retry with back-off, up to <see cref="FlowchartOptions.MaxRetries"/>; the last one stays FAILED
/// until someone asks for a retry. A run interrupted by shutdown hands its task back at once.
/// </summary>
public class FlowchartGrader(
    FlowchartSubmissionRepository submissions,
    FlowchartQueueRepository queue,
    IAiChatClient ai,
    FlowchartUpdates updates,
    TimeProvider time,
    IOptions<FlowchartOptions> options,
    IOptions<AiOptions> aiOptions,
    ILogger<FlowchartGrader> logger)
{
    private FlowchartOptions Options => options.Value;

    public async Task RunAsync(FlowchartLease lease, CancellationToken cancellationToken)
    {
        var job = await submissions.FindGradingJobAsync(lease.SubmissionId, cancellationToken);
        if (job is null || !await submissions.MarkProcessingAsync(lease, cancellationToken))
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        string? failure;
        try
        {
            var answer = await CompleteWithRenewalAsync(lease, job, cancellationToken);
            if (answer.Error is { } error)
            {
                failure = error.Message?.ToString() ?? "AI 服务调用失败";
            }
            else
            {
                var reply = FlowchartReplyParser.Parse(answer.Data!);
                await StoreAsync(lease, job, reply, stopwatch.Elapsed.TotalSeconds, cancellationToken);
                return;
            }
        }
        catch (FlowchartReplyException exception)
        {
            failure = exception.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Grading of flowchart {SubmissionId} interrupted by shutdown; handed back to the queue", lease.SubmissionId);
            await queue.HandBackAsync(lease, time.GetUtcNow().UtcDateTime, refundAttempt: true, CancellationToken.None);
            throw;
        }

        await FailAsync(lease, job, failure, cancellationToken);
    }

    private async Task StoreAsync(FlowchartLease lease, FlowchartGradingJobDto job, FlowchartReply reply, double seconds, CancellationToken cancellationToken)
    {
        var settings = aiOptions.Value;
        var grade = new FlowchartGradeDto(reply.Score, reply.Grade, reply.Feedback, reply.Suggestions, reply.CriteriaDetails,
            settings.Provider, Truncate(settings.Model, 50), seconds, time.GetUtcNow().UtcDateTime);
        if (!await submissions.SaveGradeAsync(lease, grade, cancellationToken))
        {
            logger.LogInformation("Grade of flowchart {SubmissionId} dropped: its task was reset meanwhile", lease.SubmissionId);
            return;
        }

        logger.LogInformation("Flowchart {SubmissionId} graded {Grade} ({Score}) in {Seconds:F1} s", job.Id, reply.Grade, reply.Score, seconds);
        await updates.PushCompletedAsync(job.UserId, reply.Score, reply.Grade);
    }

    private async Task FailAsync(FlowchartLease lease, FlowchartGradingJobDto job, string reason, CancellationToken cancellationToken)
    {
        var retry = lease.Attempts <= Options.MaxRetries;
        DateTime? retryAt = retry ? time.GetUtcNow().UtcDateTime + Options.RetryDelay(lease.Attempts) : null;
        if (!await submissions.MarkFailedAsync(lease, retryAt, cancellationToken))
        {
            return;
        }

        logger.LogWarning("Grading of flowchart {SubmissionId} failed (attempt {Attempt}): {Reason}; {Next}", job.Id, lease.Attempts, reason,
            retry ? $"retried at {retryAt:O}" : "no automatic retry left");
        await updates.PushFailedAsync(job.UserId, job.Id, reason);
    }

    /// <summary>Asks the provider, keeping the lease alive meanwhile (the scope's database context is idle then).</summary>
    private Task<Common.ServiceResult<string>> CompleteWithRenewalAsync(FlowchartLease lease, FlowchartGradingJobDto job,
        CancellationToken cancellationToken) =>
        Common.LeaseKeeper.RunAsync(ct => ai.CompleteAsync(FlowchartPrompts.System, FlowchartPrompts.User(job), 0, ct),
            ct => queue.RenewAsync(lease, time.GetUtcNow().UtcDateTime + Options.Lease, ct), Options.Lease, time, logger,
            "flowchart " + lease.SubmissionId, cancellationToken);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

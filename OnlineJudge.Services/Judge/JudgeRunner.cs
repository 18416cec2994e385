using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Judge;
using OnlineJudge.Services.Languages;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// Judges one leased task (judge.md §2–5): loads the submission, sends it to the leased judge server (or judges SQL
/// in-process), renews the lease while waiting, and records the verdict. Failures that may pass are handed back to
/// the queue with a back-off; after <see cref="JudgeOptions.MaxAttempts"/> the submission gets System Error with the
/// reason in <c>err_info</c>. A cancelled run (shutdown) hands its task back at once.
/// </summary>
public class JudgeRunner(
    JudgeJobRepository jobs,
    JudgeQueueRepository queue,
    JudgeSiteOptions siteOptions,
    LanguageService languages,
    JudgeServerClient client,
    AstRuleChecker astRules,
    SqlJudge sqlJudge,
    VerdictRecorder recorder,
    SubmissionUpdates updates,
    TimeProvider time,
    IOptions<JudgeOptions> options,
    ILogger<JudgeRunner> logger)
{
    private JudgeOptions Options => options.Value;

    public async Task RunAsync(JudgeLease lease, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Submission {SubmissionId}", lease.SubmissionId);
        var job = await jobs.LoadAsync(lease.SubmissionId, cancellationToken);
        if (job is null)
        {
            return;
        }

        if (job.UserIsDisabled == true)
        {
            logger.LogInformation("Submission {SubmissionId} not judged: its user {UserId} is disabled", job.SubmissionId, job.UserId);
            await recorder.DropAsync(lease, cancellationToken);
            return;
        }

        if (lease.Attempts > Options.MaxAttempts)
        {
            await FailAsync(lease, job, $"Judging failed {Options.MaxAttempts} times without an answer; the submission was given up", cancellationToken);
            return;
        }

        try
        {
            if (lease.JudgeServerId is null)
            {
                await JudgeInProcessAsync(lease, job, cancellationToken);
            }
            else
            {
                await JudgeOnServerAsync(lease, job, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Judging of submission {SubmissionId} interrupted by shutdown; handed back to the queue", job.SubmissionId);
            await HandBackAsync(lease, job, TimeSpan.Zero, countAttempt: false, CancellationToken.None);
            throw;
        }
    }

    private async Task JudgeInProcessAsync(JudgeLease lease, JudgeJobDto job, CancellationToken cancellationToken)
    {
        if (!await StartJudgingAsync(lease, job, cancellationToken))
        {
            return;
        }

        var verdict = await sqlJudge.JudgeAsync(job, cancellationToken);
        if (verdict.Result == JudgeStatus.Accepted)
        {
            verdict = await astRules.ApplyAsync(job, verdict, cancellationToken);
        }

        await recorder.RecordAsync(lease, job, verdict, cancellationToken);
    }

    private async Task JudgeOnServerAsync(JudgeLease lease, JudgeJobDto job, CancellationToken cancellationToken)
    {
        var request = await BuildRequestAsync(job, cancellationToken);
        if (request is null)
        {
            await FailAsync(lease, job, $"Language {job.Language} is not configured on this site", cancellationToken);
            return;
        }

        var tokenHash = JudgeSiteOptions.HashToken(await siteOptions.GetTokenAsync(cancellationToken));
        if (!await StartJudgingAsync(lease, job, cancellationToken))
        {
            return;
        }

        var call = await CallWithRenewalAsync(lease, tokenHash, request, cancellationToken);
        switch (call.Outcome)
        {
            case JudgeCallOutcome.Replied:
                var verdict = VerdictBuilder.FromReply(call.Reply!);
                if (verdict.Result == JudgeStatus.Accepted)
                {
                    verdict = await astRules.ApplyAsync(job, verdict, cancellationToken);
                }

                await recorder.RecordAsync(lease, job, verdict, cancellationToken);
                break;
            case JudgeCallOutcome.Unreachable:
                logger.LogWarning("Judge server {ServiceUrl} unreachable for submission {SubmissionId}: {Reason}; queued again",
                    lease.ServiceUrl, job.SubmissionId, call.Message);
                await HandBackAsync(lease, job, TimeSpan.FromSeconds(Options.RetryDelaySeconds), countAttempt: false, cancellationToken);
                break;
            case JudgeCallOutcome.Failed when lease.Attempts < Options.MaxAttempts:
                logger.LogWarning("Judge server {ServiceUrl} failed submission {SubmissionId} (attempt {Attempt} of {MaxAttempts}): {Reason}; queued again",
                    lease.ServiceUrl, job.SubmissionId, lease.Attempts, Options.MaxAttempts, call.Message);
                await HandBackAsync(lease, job, TimeSpan.FromSeconds(Options.RetryDelaySeconds * lease.Attempts), countAttempt: true, cancellationToken);
                break;
            case JudgeCallOutcome.Failed:
                await FailAsync(lease, job, $"Judge server failed {lease.Attempts} times: {call.Message}", cancellationToken);
                break;
            default:
                logger.LogError("Judge server {ServiceUrl} sent a malformed reply for submission {SubmissionId}: {Reason}",
                    lease.ServiceUrl, job.SubmissionId, call.Message);
                await FailAsync(lease, job, "Judge server sent an invalid reply: " + call.Message, cancellationToken);
                break;
        }
    }

    /// <summary>The body of judge.md §3.1, or null when the submission's language is not in the <c>languages</c> option.</summary>
    private async Task<JudgeRequest?> BuildRequestAsync(JudgeJobDto job, CancellationToken cancellationToken)
    {
        var all = await languages.GetLanguagesAsync(cancellationToken);
        var entry = all.ValueKind == JsonValueKind.Array
            ? all.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("name", out var name)
                                                       && name.ValueKind == JsonValueKind.String && name.GetString() == job.Language)
            : default;
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("config", out var config))
        {
            return null;
        }

        var source = job.Code;
        if (job.Template.TryGetValue(job.Language, out var template))
        {
            var parts = ProblemTemplate.Parse(template);
            source = parts.Prepend + "\n" + job.Code + "\n" + parts.Append;
        }

        return new JudgeRequest(config, source, job.TimeLimit, job.MemoryLimit * 1024L * 1024L, job.TestCaseId, false, JudgeIoMode.StandardIo);
    }

    /// <summary>Marks the submission JUDGING and says so; false when the lease was lost meanwhile.</summary>
    private async Task<bool> StartJudgingAsync(JudgeLease lease, JudgeJobDto job, CancellationToken cancellationToken)
    {
        if (!await jobs.MarkJudgingAsync(lease, cancellationToken))
        {
            return false;
        }

        await updates.PushStateAsync(job.UserId, job.SubmissionId, JudgeStatus.Judging);
        return true;
    }

    /// <summary>Calls the judge server, keeping the lease alive meanwhile (the scope's database context is idle then).</summary>
    private Task<JudgeCallResult> CallWithRenewalAsync(JudgeLease lease, string tokenHash, JudgeRequest request, CancellationToken cancellationToken) =>
        Common.LeaseKeeper.RunAsync(ct => client.JudgeAsync(lease.ServiceUrl, tokenHash, request, ct),
            ct => queue.RenewAsync(lease, time.GetUtcNow().UtcDateTime + Options.Lease, ct), Options.Lease, time, logger,
            "submission " + lease.SubmissionId, cancellationToken);

    private async Task HandBackAsync(JudgeLease lease, JudgeJobDto job, TimeSpan delay, bool countAttempt, CancellationToken cancellationToken)
    {
        if (await queue.HandBackAsync(lease, time.GetUtcNow().UtcDateTime + delay, countAttempt, cancellationToken))
        {
            await jobs.MarkPendingAsync(job.SubmissionId, cancellationToken);
            await updates.PushStateAsync(job.UserId, job.SubmissionId, JudgeStatus.Pending);
        }
    }

    private async Task FailAsync(JudgeLease lease, JudgeJobDto job, string reason, CancellationToken cancellationToken)
    {
        logger.LogError("Submission {SubmissionId} gets System Error: {Reason}", job.SubmissionId, reason);
        await recorder.RecordAsync(lease, job, Verdict.SystemError(reason), cancellationToken);
    }
}

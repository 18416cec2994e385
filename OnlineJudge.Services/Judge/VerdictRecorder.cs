using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Judge;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Contests;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// Stores a verdict with everything it changes (judge.md §4–6) in one transaction that first ends the lease it answers:
/// a late or repeated answer (a lapsed lease judged elsewhere, a rejudge meanwhile) finds no lease and changes nothing.
/// After the commit: the push, the contest rank's cache version, and a wake-up for the capacity freed.
/// </summary>
public class VerdictRecorder(
    TransactionRunner transactions,
    JudgeQueueRepository queue,
    VerdictRepository verdicts,
    SubmissionUpdates updates,
    ContestRankService ranks,
    JudgeWakeups wakeups,
    CacheService cache,
    IEnumerable<IVerdictContributor> contributors,
    IEnumerable<IVerdictObserver> observers,
    ILogger<VerdictRecorder> logger)
{
    /// <summary>Records <paramref name="verdict"/>; false when the lease was no longer current (nothing stored).</summary>
    public async Task<bool> RecordAsync(JudgeLease lease, JudgeJobDto job, Verdict verdict, CancellationToken cancellationToken)
    {
        var rankChanged = false;
        var verdictEvent = new VerdictEvent(job, verdict, lease.CountedResult);
        var committed = await transactions.ExecuteAsync(async ct =>
        {
            if (!await queue.CompleteAsync(lease, ct))
            {
                return false;
            }

            await verdicts.SaveSubmissionAsync(job.SubmissionId, verdict.Result, verdict.Info, verdict.StatisticInfo, ct);
            if (verdict.Result != JudgeStatus.SystemError)
            {
                rankChanged = await CountAsync(lease, job, verdict.Result, ct);
            }

            foreach (var contributor in contributors)
            {
                await contributor.ApplyAsync(verdictEvent, ct);
            }

            return true;
        }, cancellationToken);

        if (!committed)
        {
            logger.LogInformation("Verdict {Result} of submission {SubmissionId} dropped: its lease is no longer current", verdict.Result,
                job.SubmissionId);
            return false;
        }

        logger.LogInformation("Submission {SubmissionId} judged: result {Result}", job.SubmissionId, verdict.Result);
        await cache.BumpVersionAsync(CacheKeys.UserSubmissionsFamily(job.UserId), CancellationToken.None);
        await updates.PushAsync(job.UserId, job.SubmissionId, verdict.Result, verdict.StatisticInfo);
        if (rankChanged && job.ContestId is { } contestId)
        {
            await ranks.InvalidateRankAsync(contestId, CancellationToken.None);
        }

        await wakeups.WakeAllAsync(CancellationToken.None);
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnVerdictStoredAsync(verdictEvent, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "{Observer} failed after the verdict of submission {SubmissionId}", observer.GetType().Name, job.SubmissionId);
            }
        }

        return true;
    }

    /// <summary>Ends a lease without a verdict (the submitter is disabled: the submission stays pending, judge.md §1).</summary>
    public async Task DropAsync(JudgeLease lease, CancellationToken cancellationToken)
    {
        await transactions.ExecuteAsync(ct => queue.CompleteAsync(lease, ct), cancellationToken);
        await wakeups.WakeAllAsync(CancellationToken.None);
    }

    /// <summary>The statistics of judge.md §6; returns whether a contest rank row changed.</summary>
    private async Task<bool> CountAsync(JudgeLease lease, JudgeJobDto job, int result, CancellationToken cancellationToken)
    {
        if (job.ContestId is null)
        {
            await CountPracticeAsync(lease, job, result, cancellationToken);
            return false;
        }

        return IsRankEligible(job) && await CountContestAsync(job, result, cancellationToken);
    }

    /// <summary>judge.md §6.3: created within the contest, by someone who is not a contest admin now.</summary>
    public static bool IsRankEligible(JudgeJobDto job) =>
        job.ContestStartTime <= job.CreateTime && job.CreateTime <= job.ContestEndTime
        && job.UserAdminType != AdminType.SuperAdmin && job.ContestCreatedById != job.UserId;

    private async Task CountPracticeAsync(JudgeLease lease, JudgeJobDto job, int result, CancellationToken cancellationToken)
    {
        var status = await verdicts.LockProfileStatusAsync(job.UserId, cancellationToken);
        var accepted = JudgeStatus.IsAccepted(result) ? 1 : 0;
        if (lease.CountedResult is not { } counted)
        {
            // §6.1: the submission is counted for the first time.
            if (status is not null)
            {
                var (_, newlyAccepted) = StatisticRules.RecordFirstResult(status, StatisticRules.PracticeSection, job.ProblemId,
                    job.ProblemDisplayId, result);
                await verdicts.SaveProfileAsync(job.UserId, 1, newlyAccepted ? 1 : 0, status, cancellationToken);
            }

            await verdicts.AddProblemCountsAsync(job.ProblemId, 1, accepted, null, result, cancellationToken);
            return;
        }

        // A rejudge: the counted result is replaced by the new one, and the submitter's status of the problem is
        // recomputed from all their practice submissions of it (the new result already stored).
        if (status is not null)
        {
            var previous = StatisticRules.StatusOf(status, StatisticRules.PracticeSection, job.ProblemId);
            var (anyAccepted, latest) = await verdicts.SummarizePracticeAsync(job.UserId, job.ProblemId, cancellationToken);
            var now = anyAccepted ? JudgeStatus.Accepted : StatisticRules.ProfileStatus(latest ?? result);
            StatisticRules.SetStatus(status, StatisticRules.PracticeSection, job.ProblemId, job.ProblemDisplayId, now);
            var profileDelta = (now == JudgeStatus.Accepted ? 1 : 0) - (previous == JudgeStatus.Accepted ? 1 : 0);
            await verdicts.SaveProfileAsync(job.UserId, 0, profileDelta, status, cancellationToken);
        }

        await verdicts.AddProblemCountsAsync(job.ProblemId, 0, accepted - (JudgeStatus.IsAccepted(counted) ? 1 : 0), counted, result,
            cancellationToken);
    }

    /// <summary>judge.md §6.4 and §6.5 for an eligible contest submission.</summary>
    private async Task<bool> CountContestAsync(JudgeJobDto job, int result, CancellationToken cancellationToken)
    {
        var status = await verdicts.LockProfileStatusAsync(job.UserId, cancellationToken);
        if (status is null)
        {
            return false;
        }

        var (changed, _) = StatisticRules.RecordFirstResult(status, StatisticRules.ContestSection, job.ProblemId, job.ProblemDisplayId, result);
        if (!changed)
        {
            return false;
        }

        await verdicts.SaveProfileAsync(job.UserId, 0, 0, status, cancellationToken);
        var accepted = JudgeStatus.IsAccepted(result) ? 1 : 0;
        var acceptedNumber = await verdicts.AddProblemCountsAsync(job.ProblemId, 1, accepted, null, result, cancellationToken);
        if (acceptedNumber is null)
        {
            return false;
        }

        var rank = await verdicts.LockOrCreateRankAsync(job.UserId, job.ContestId!.Value, cancellationToken);
        var acTime = (int)Math.Floor((job.CreateTime - job.ContestStartTime!.Value).TotalSeconds);
        if (!StatisticRules.ApplyToRank(rank, out var updated, job.ProblemId, result, acTime, firstAccepted: acceptedNumber == 1))
        {
            return false;
        }

        await verdicts.SaveRankAsync(updated, cancellationToken);
        return true;
    }
}

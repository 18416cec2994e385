using OnlineJudge.Data.Achievements;
using OnlineJudge.Data.Entities;
using OnlineJudge.Services.Judge;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// Keeps <c>user_stat</c> in step with the verdicts, inside each verdict's transaction (achievement.md §3.2–§3.3 step 2).
/// Only practice verdicts of the student's code count (not pending, judging or a system error), as in the judge's own
/// statistics. The newest counted verdict of a user is applied incrementally; a rejudge, or a verdict older than one
/// already counted (judged out of order), rebuilds the user's incremental metrics from the submissions instead, so
/// that a verdict is never counted twice and the result is what a full recomputation gives.
/// </summary>
public sealed class UserStatUpdater(UserStatRepository stats, AchievementCheckHints hints, TimeProvider time) : IVerdictContributor
{
    public async Task ApplyAsync(VerdictEvent verdict, CancellationToken cancellationToken)
    {
        var job = verdict.Job;
        var rejudge = verdict.ReplacedResult is not null;
        if (job.ContestId is not null || (!verdict.IsCounted && !rejudge))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (await stats.LockForVerdictAsync(job.UserId, job.ProblemId, job.SubmissionId, job.CreateTime, now, cancellationToken)
            is not { } locked)
        {
            return;
        }

        var (metrics, facts, candidates) = locked;
        if (!rejudge && !facts.NewerCounted)
        {
            IncrementalMetrics.Apply(metrics, SubmissionFacts.Of(job.ProblemId, verdict.Verdict.Result, job.CreateTime, job.Language, job.Code,
                facts.Difficulty, facts.PriorCount, facts.PriorAccepted));
        }
        else
        {
            metrics = MetricRecomputation.MergeInto(metrics, MetricRecomputation.Build(await LoadHistoryAsync(stats, job.UserId, cancellationToken)));
        }

        await stats.SaveAsync(job.UserId, metrics, now, cancellationToken);
        hints.Record(job.SubmissionId, candidates.Any(c => AchievementRules.MaySatisfy(c, metrics)));
    }

    /// <summary>The user's counted practice submissions, oldest first, each measured as it is read.</summary>
    public static async Task<List<HistoryEntry>> LoadHistoryAsync(UserStatRepository stats, int userId, CancellationToken cancellationToken)
    {
        var history = new List<HistoryEntry>();
        await foreach (var row in stats.StreamHistoryAsync(userId, cancellationToken))
        {
            history.Add(HistoryEntry.Of(row));
        }

        return history;
    }
}

using OnlineJudge.Services.Judge;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// achievement.md §3.1 and §3.3 after each committed verdict: checks the submitter's achievements against the metrics
/// the verdict's transaction stored, then announces what was unlocked. Contest verdicts and first verdicts that count
/// nothing (system errors) change no metric and are skipped, and so is a verdict after which the user_stat update saw no
/// achievement left that the metrics satisfy (the usual case: no query at all). Errors are logged by the judge and never touch the verdict;
/// a check lost that way is made up by the user's next one (every check evaluates every achievement).
/// </summary>
public sealed class AchievementCheckObserver(AchievementCheckService checks, AchievementCheckHints hints, AchievementNotifier notifier)
    : IVerdictObserver
{
    public async Task OnVerdictStoredAsync(VerdictEvent verdict, CancellationToken cancellationToken)
    {
        if (verdict.Job.ContestId is not null || (!verdict.IsCounted && verdict.ReplacedResult is null)
            || !hints.IsCheckNeeded(verdict.Job.SubmissionId))
        {
            return;
        }

        var unlocked = await checks.CheckAsync(verdict.Job.UserId, backfilled: false, notified: false, cancellationToken);
        await notifier.NotifyAsync(verdict.Job.UserId, unlocked, CancellationToken.None);
    }
}

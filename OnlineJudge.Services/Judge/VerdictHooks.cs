using OnlineJudge.Data.Judge;

namespace OnlineJudge.Services.Judge;

/// <summary>A stored verdict, as the families that follow verdicts see it.</summary>
/// <param name="Job">The judged submission, its problem, contest and submitter.</param>
/// <param name="Verdict">What was stored.</param>
/// <param name="ReplacedResult">The verdict a rejudge replaced in the statistics; null for a first judge.</param>
public sealed record VerdictEvent(JudgeJobDto Job, Verdict Verdict, int? ReplacedResult)
{
    public bool IsAccepted => Data.Entities.JudgeStatus.IsAccepted(Verdict.Result);

    public bool IsCounted => Verdict.Result != Data.Entities.JudgeStatus.SystemError;
}

/// <summary>
/// Writes that must move with a verdict (counters such as <c>user_stat</c>): called inside the verdict's transaction,
/// after the submission, problem, profile and rank rows; a failure rolls the whole verdict back. Lock rows after those.
/// </summary>
public interface IVerdictContributor
{
    Task ApplyAsync(VerdictEvent verdict, CancellationToken cancellationToken);
}

/// <summary>
/// Work that follows a committed verdict (problem-set progress, achievement checks, notifications): called after the
/// commit, in the judge job's scope; failures are logged and never affect the verdict.
/// </summary>
public interface IVerdictObserver
{
    Task OnVerdictStoredAsync(VerdictEvent verdict, CancellationToken cancellationToken);
}

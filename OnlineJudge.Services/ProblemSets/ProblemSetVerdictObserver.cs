using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Services.Judge;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>
/// Counts an accepted practice submission in every open set its submitter had joined when submitting and that holds the
/// problem (problemset.md §1.5 effects, without waiting for the client's report), after the verdict's commit. Verdicts
/// that are not accepted change nothing: a rejudge that turns an accepted submission into a wrong answer keeps the
/// progress and badges it gave, as the report path never revokes them (docs/decisions.md).
/// </summary>
public sealed class ProblemSetVerdictObserver(ProblemSetProgressRepository progress, ProgressTrackingService tracking) : IVerdictObserver
{
    public async Task OnVerdictStoredAsync(VerdictEvent verdict, CancellationToken cancellationToken)
    {
        var job = verdict.Job;
        if (!verdict.IsAccepted || job.ContestId is not null)
        {
            return;
        }

        foreach (var setId in await progress.ListOpenSetsToCountAsync(job.UserId, job.ProblemId, job.CreateTime, cancellationToken))
        {
            await tracking.RecordAcceptedAsync(setId, job.UserId, job.ProblemId, job.SubmissionId, cancellationToken);
        }
    }
}

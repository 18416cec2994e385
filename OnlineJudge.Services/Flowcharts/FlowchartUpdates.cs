using OnlineJudge.Services.Realtime;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>The <c>/ws/flowchart/</c> frames of flowchart.md §4, sent to every socket of the submitter on any web instance.</summary>
public class FlowchartUpdates(RealtimePublisher realtime)
{
    public const string CompletedType = "flowchart_evaluation_completed";
    public const string FailedType = "flowchart_evaluation_failed";

    /// <summary>Completion: score and grade only (no <c>submission_id</c>, as the reference sends it).</summary>
    public Task PushCompletedAsync(int userId, double score, string grade) =>
        realtime.PublishAsync(RealtimePublisher.FlowchartGroup(userId), new CompletedFrame(score, grade));

    public Task PushFailedAsync(int userId, string submissionId, string error) =>
        realtime.PublishAsync(RealtimePublisher.FlowchartGroup(userId), new FailedFrame(submissionId, error));

    private sealed record CompletedFrame(double Score, string Grade, string Type = CompletedType);

    private sealed record FailedFrame(string SubmissionId, string Error, string Type = FailedType);
}

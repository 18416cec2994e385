using OnlineJudge.Data.Entities;
using OnlineJudge.Services.Realtime;

namespace OnlineJudge.Services.Judge;

/// <summary>Pushes judge progress to every <c>/ws/submission/</c> socket of the submitter, on any web instance.</summary>
public class SubmissionUpdates(RealtimePublisher realtime)
{
    public const string Pending = "pending";
    public const string Judging = "judging";
    public const string Finished = "finished";
    public const string Error = "error";

    /// <summary>The status word of a stored result (the replay mapping of submission.md §3).</summary>
    public static string StatusOf(int result) => result switch
    {
        JudgeStatus.Pending => Pending,
        JudgeStatus.Judging => Judging,
        JudgeStatus.SystemError => Error,
        _ => Finished,
    };

    /// <summary>The frame for a stored result: <c>finished</c> ones carry the costs and the score.</summary>
    public static Dictionary<string, object?> FrameOf(string submissionId, int result, SubmissionStatisticInfo statisticInfo)
    {
        var status = StatusOf(result);
        var frame = new Dictionary<string, object?>
        {
            ["type"] = "submission_update",
            ["submission_id"] = submissionId,
            ["result"] = result,
            ["status"] = status,
        };
        if (status == Finished)
        {
            frame["time_cost"] = statisticInfo.TimeCost;
            frame["memory_cost"] = statisticInfo.MemoryCost;
            frame["score"] = statisticInfo.Score ?? 0;
        }

        return frame;
    }

    public Task PushAsync(int userId, string submissionId, int result, SubmissionStatisticInfo statisticInfo) =>
        realtime.PublishAsync(RealtimePublisher.SubmissionGroup(userId), FrameOf(submissionId, result, statisticInfo));

    public Task PushStateAsync(int userId, string submissionId, int result) =>
        PushAsync(userId, submissionId, result, new SubmissionStatisticInfo());
}

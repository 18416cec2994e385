namespace OnlineJudge.Data.Entities;

/// <summary>
/// Table <c>judge_task</c> (ours, not the reference's): one row per submission that still needs a verdict. The row is
/// the truth of the judge queue; a dispatch is a lease on it (<see cref="LeaseId"/>, <see cref="JudgeServerId"/>,
/// <see cref="LeaseExpiresAt"/>), renewed while the judge runs and handed back when it lapses. The row is deleted in
/// the transaction that stores the verdict.
/// </summary>
public class JudgeTask
{
    public string SubmissionId { get; set; } = "";

    /// <summary><see cref="JudgePriority"/>: lower values are dispatched first.</summary>
    public int Priority { get; set; }

    public DateTime EnqueuedAt { get; set; }

    /// <summary>Not dispatched before this instant (back-off after a failed attempt).</summary>
    public DateTime NotBefore { get; set; }

    /// <summary>Dispatches that reached a judge server (a refused connection does not count).</summary>
    public int Attempts { get; set; }

    /// <summary>SQL submissions are judged in-process and take no judge-server slot.</summary>
    public bool InProcess { get; set; }

    /// <summary>The verdict already counted in the statistics (set by a rejudge); null when nothing was counted.</summary>
    public int? CountedResult { get; set; }

    public Guid? LeaseId { get; set; }
    public int? JudgeServerId { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    public Submission? Submission { get; set; }
}

/// <summary>Dispatch order of <see cref="JudgeTask.Priority"/>.</summary>
public static class JudgePriority
{
    public const int Contest = 0;
    public const int Practice = 1;
    public const int Rejudge = 2;
}

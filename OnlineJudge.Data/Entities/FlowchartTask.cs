namespace OnlineJudge.Data.Entities;

/// <summary>
/// Table <c>flowchart_task</c> (ours, not the reference's): one row per flowchart submission that waits for its AI
/// grade. The row is the truth of the grading queue; a worker's claim is a lease on it (<see cref="LeaseId"/>,
/// <see cref="LeaseExpiresAt"/>), renewed while the provider answers and handed back when it lapses (the web process
/// died). Deleted in the statement that stores the grade or the final failure.
/// </summary>
public class FlowchartTask
{
    public string SubmissionId { get; set; } = "";

    public DateTime EnqueuedAt { get; set; }

    /// <summary>Not claimed before this instant (back-off after a failed attempt).</summary>
    public DateTime NotBefore { get; set; }

    /// <summary>Grading attempts started (the first one and the automatic retries of flowchart.md §0.1).</summary>
    public int Attempts { get; set; }

    public Guid? LeaseId { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    public FlowchartSubmission? Submission { get; set; }
}

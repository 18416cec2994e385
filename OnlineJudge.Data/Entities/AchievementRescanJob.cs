namespace OnlineJudge.Data.Entities;

/// <summary>
/// Table <c>achievement_rescan_job</c> (ours): a queued rescan of one achievement (achievement.md §3.5). The row is the
/// truth of the queue: a worker leases it (<see cref="LeaseId"/>, <see cref="LeaseExpiresAt"/>) and deletes it when the
/// rescan is done; a lease that lapses (the worker's process died) lets another worker take the job again.
/// </summary>
public class AchievementRescanJob
{
    public long Id { get; set; }
    public long AchievementId { get; set; }
    public DateTime EnqueuedAt { get; set; }

    /// <summary>Times the job was leased; a job leased too often without finishing is dropped.</summary>
    public int Attempts { get; set; }

    public Guid? LeaseId { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
}

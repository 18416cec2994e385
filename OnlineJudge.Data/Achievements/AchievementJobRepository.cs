namespace OnlineJudge.Data.Achievements;

/// <summary>A rescan job leased to this process.</summary>
public sealed record RescanLease(long Id, long AchievementId, int Attempts, Guid LeaseId);

/// <summary>
/// The durable queue of achievement rescans (table <c>achievement_rescan_job</c>): jobs are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> by any number of workers on any number of web instances, and deleted when done.
/// </summary>
public class AchievementJobRepository(OnlineJudgeDbContext db)
{
    /// <summary>Queues a rescan; a job of the achievement that is still waiting makes this one unnecessary.</summary>
    public Task EnqueueRescanAsync(long achievementId, DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO achievement_rescan_job (achievement_id, enqueued_at, attempts) VALUES ({achievementId}, {now}, 0)
            ON CONFLICT (achievement_id) WHERE lease_id IS NULL DO NOTHING
            """, cancellationToken);

    /// <summary>Leases the oldest waiting job, or one whose lease lapsed (its worker died); null when none.</summary>
    public async Task<RescanLease?> ClaimAsync(Guid leaseId, DateTime now, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var expires = now + leaseDuration;
        var rows = await db.Database.SqlQuery<RescanLease>($"""
            WITH job AS (
                SELECT id FROM achievement_rescan_job
                WHERE lease_id IS NULL OR lease_expires_at < {now}
                ORDER BY enqueued_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE achievement_rescan_job j SET lease_id = {leaseId}, lease_expires_at = {expires}, attempts = j.attempts + 1
            FROM job WHERE j.id = job.id
            RETURNING j.id AS "Id", j.achievement_id AS "AchievementId", j.attempts AS "Attempts", j.lease_id AS "LeaseId"
            """).ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }

    /// <summary>Extends a running job's lease; false when the lease is gone (it lapsed and another worker took the job).</summary>
    public async Task<bool> RenewAsync(RescanLease lease, DateTime expires, CancellationToken cancellationToken) =>
        await db.AchievementRescanJobs.Where(j => j.Id == lease.Id && j.LeaseId == lease.LeaseId)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseExpiresAt, expires), cancellationToken) == 1;

    /// <summary>Removes a finished (or abandoned) job, if this lease still holds it.</summary>
    public Task<int> CompleteAsync(RescanLease lease, CancellationToken cancellationToken) =>
        db.AchievementRescanJobs.Where(j => j.Id == lease.Id && j.LeaseId == lease.LeaseId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Jobs queued or running (tests, diagnostics).</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.AchievementRescanJobs.CountAsync(cancellationToken);
}

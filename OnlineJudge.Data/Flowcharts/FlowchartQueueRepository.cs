using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Data.Flowcharts;

/// <summary>A grading task leased to this process: grade it, then complete or hand it back with <see cref="LeaseId"/>.</summary>
public sealed record FlowchartLease(string SubmissionId, Guid LeaseId, int Attempts);

/// <summary>
/// The AI grading queue in PostgreSQL (table <c>flowchart_task</c>), shaped like the judge queue: every transition is one
/// statement, safe with any number of workers on any number of web instances; a claim takes the oldest due task under a
/// row lock (<c>FOR UPDATE SKIP LOCKED</c>) and leases it.
/// </summary>
public class FlowchartQueueRepository(OnlineJudgeDbContext db)
{
    /// <summary>Queues a submission for grading, or puts an existing task back at the front with no attempt used.</summary>
    public Task<int> EnqueueAsync(string submissionId, DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO flowchart_task (submission_id, enqueued_at, not_before, attempts)
            VALUES ({submissionId}, {now}, {now}, 0)
            ON CONFLICT (submission_id) DO UPDATE
            SET enqueued_at = EXCLUDED.enqueued_at, not_before = EXCLUDED.not_before, attempts = 0, lease_id = NULL, lease_expires_at = NULL
            """, cancellationToken);

    /// <summary>Leases the oldest due task, or returns null.</summary>
    public async Task<FlowchartLease?> ClaimAsync(Guid leaseId, DateTime now, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var expires = now + leaseDuration;
        var rows = await db.Database.SqlQuery<FlowchartLease>($"""
            WITH task AS (
                SELECT submission_id FROM flowchart_task
                WHERE lease_id IS NULL AND not_before <= {now}
                ORDER BY not_before, enqueued_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE flowchart_task t
            SET lease_id = {leaseId}, lease_expires_at = {expires}, attempts = t.attempts + 1
            FROM task
            WHERE t.submission_id = task.submission_id
            RETURNING t.submission_id AS "SubmissionId", t.lease_id AS "LeaseId", t.attempts AS "Attempts"
            """).ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }

    /// <summary>Extends a lease while the provider answers; false when the lease is gone (retried, or lapsed and taken back).</summary>
    public async Task<bool> RenewAsync(FlowchartLease lease, DateTime expires, CancellationToken cancellationToken) =>
        await db.FlowchartTasks.Where(t => t.SubmissionId == lease.SubmissionId && t.LeaseId == lease.LeaseId)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.LeaseExpiresAt, expires), cancellationToken) == 1;

    /// <summary>Puts a leased task back, claimable from <paramref name="notBefore"/>; <paramref name="refundAttempt"/> takes back its attempt (shutdown).</summary>
    public async Task<bool> HandBackAsync(FlowchartLease lease, DateTime notBefore, bool refundAttempt, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE flowchart_task
            SET lease_id = NULL, lease_expires_at = NULL, not_before = {notBefore},
                attempts = GREATEST(attempts - {(refundAttempt ? 1 : 0)}, 0)
            WHERE submission_id = {lease.SubmissionId} AND lease_id = {lease.LeaseId}
            """, cancellationToken) == 1;

    /// <summary>Hands back every lease that lapsed before <paramref name="now"/> (its worker died or hung).</summary>
    public Task<int> ReleaseLapsedAsync(DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE flowchart_task SET lease_id = NULL, lease_expires_at = NULL, not_before = {now}
            WHERE lease_id IS NOT NULL AND lease_expires_at < {now}
            """, cancellationToken);

    /// <summary>Queued and running tasks (diagnostics and tests).</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.FlowchartTasks.CountAsync(cancellationToken);
}

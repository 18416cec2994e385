using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Data.Judge;

/// <summary>A task leased to this process: judge it, then complete or hand it back with <see cref="LeaseId"/>.</summary>
public sealed record JudgeLease(string SubmissionId, Guid LeaseId, int Attempts, int? CountedResult, int? JudgeServerId, string? ServiceUrl);

/// <summary>
/// The judge queue in PostgreSQL (table <c>judge_task</c>). Every transition is one statement, safe with any number of
/// dispatchers on any number of web instances: a server slot and a task are claimed together under row locks
/// (<c>FOR UPDATE SKIP LOCKED</c>), so no server ever holds more than its capacity (<c>task_number ≤ 2 × cpu_core</c>
/// before the claim, judge.md §2.2), and a slot is given back in the statement that ends the lease.
/// </summary>
public class JudgeQueueRepository(OnlineJudgeDbContext db)
{
    /// <summary>Seconds after which a judge server without heartbeat gets no work (judge.md §2.2).</summary>
    public const int HeartbeatWindowSeconds = 6;

    /// <summary>Leases the next queued task together with the least busy free judge server, or returns null.</summary>
    public async Task<JudgeLease?> ClaimForServerAsync(Guid leaseId, DateTime now, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var alive = now.AddSeconds(-HeartbeatWindowSeconds);
        var expires = now + leaseDuration;
        var rows = await db.Database.SqlQuery<JudgeLease>($"""
            WITH server AS (
                SELECT id FROM judge_server
                WHERE NOT is_disabled AND last_heartbeat >= {alive} AND task_number <= cpu_core * 2
                ORDER BY task_number, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            ), task AS (
                SELECT submission_id FROM judge_task
                WHERE lease_id IS NULL AND NOT in_process AND not_before <= {now}
                ORDER BY priority, enqueued_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            ), taken AS (
                UPDATE judge_server s SET task_number = s.task_number + 1
                FROM server, task
                WHERE s.id = server.id
                RETURNING s.id, s.service_url
            )
            UPDATE judge_task t
            SET lease_id = {leaseId}, judge_server_id = taken.id, lease_expires_at = {expires}, attempts = t.attempts + 1
            FROM taken, task
            WHERE t.submission_id = task.submission_id
            RETURNING t.submission_id AS "SubmissionId", t.lease_id AS "LeaseId", t.attempts AS "Attempts",
                t.counted_result AS "CountedResult", taken.id AS "JudgeServerId", taken.service_url AS "ServiceUrl"
            """).ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }

    /// <summary>Leases the next queued task that is judged in-process (SQL problems), or returns null.</summary>
    public async Task<JudgeLease?> ClaimInProcessAsync(Guid leaseId, DateTime now, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var expires = now + leaseDuration;
        var rows = await db.Database.SqlQuery<JudgeLease>($"""
            WITH task AS (
                SELECT submission_id FROM judge_task
                WHERE lease_id IS NULL AND in_process AND not_before <= {now}
                ORDER BY priority, enqueued_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE judge_task t
            SET lease_id = {leaseId}, lease_expires_at = {expires}, attempts = t.attempts + 1
            FROM task
            WHERE t.submission_id = task.submission_id
            RETURNING t.submission_id AS "SubmissionId", t.lease_id AS "LeaseId", t.attempts AS "Attempts",
                t.counted_result AS "CountedResult", NULL::integer AS "JudgeServerId", NULL::text AS "ServiceUrl"
            """).ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }

    /// <summary>Extends a lease while its judge runs; false when the lease is gone (rejudged, or lapsed and taken back).</summary>
    public async Task<bool> RenewAsync(JudgeLease lease, DateTime expires, CancellationToken cancellationToken) =>
        await db.JudgeTasks.Where(t => t.SubmissionId == lease.SubmissionId && t.LeaseId == lease.LeaseId)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.LeaseExpiresAt, expires), cancellationToken) == 1;

    /// <summary>
    /// Puts a leased task back in the queue, dispatchable from <paramref name="notBefore"/>, and frees its server slot.
    /// <paramref name="countAttempt"/> false takes back the attempt counted by the claim (the request never reached a judge).
    /// </summary>
    public async Task<bool> HandBackAsync(JudgeLease lease, DateTime notBefore, bool countAttempt, CancellationToken cancellationToken)
    {
        var refund = countAttempt ? 0 : 1;
        var rows = await db.Database.ExecuteSqlAsync($"""
            WITH released AS (
                UPDATE judge_task
                SET lease_id = NULL, judge_server_id = NULL, lease_expires_at = NULL, not_before = {notBefore},
                    attempts = GREATEST(attempts - {refund}, 0)
                WHERE submission_id = {lease.SubmissionId} AND lease_id = {lease.LeaseId}
                RETURNING 1
            )
            UPDATE judge_server SET task_number = GREATEST(task_number - 1, 0)
            WHERE id = {lease.JudgeServerId} AND EXISTS (SELECT 1 FROM released)
            """, cancellationToken);
        return rows > 0 || lease.JudgeServerId is null;
    }

    /// <summary>
    /// Ends a lease for good (the verdict is being stored in the same transaction): deletes the task and frees the server
    /// slot. False when the lease is no longer current: the verdict must then be dropped.
    /// </summary>
    public async Task<bool> CompleteAsync(JudgeLease lease, CancellationToken cancellationToken)
    {
        var deleted = await db.JudgeTasks.Where(t => t.SubmissionId == lease.SubmissionId && t.LeaseId == lease.LeaseId)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        if (lease.JudgeServerId is { } serverId)
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE judge_server SET task_number = GREATEST(task_number - 1, 0) WHERE id = {serverId}", cancellationToken);
        }

        return true;
    }

    /// <summary>Hands back every lease that lapsed before <paramref name="now"/> (its holder died or hung) and frees their slots.</summary>
    public Task<int> ReleaseLapsedAsync(DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            WITH lapsed AS (
                SELECT submission_id, judge_server_id FROM judge_task
                WHERE lease_id IS NOT NULL AND lease_expires_at < {now}
                FOR UPDATE SKIP LOCKED
            ), released AS (
                UPDATE judge_task t SET lease_id = NULL, judge_server_id = NULL, lease_expires_at = NULL, not_before = {now}
                FROM lapsed
                WHERE t.submission_id = lapsed.submission_id
                RETURNING lapsed.judge_server_id
            )
            UPDATE judge_server s SET task_number = GREATEST(s.task_number - r.n, 0)
            FROM (SELECT judge_server_id, count(*) AS n FROM released WHERE judge_server_id IS NOT NULL GROUP BY judge_server_id) r
            WHERE s.id = r.judge_server_id
            """, cancellationToken);

    /// <summary>
    /// Sets every server's <c>task_number</c> to the leases it holds (repairs counts left by a reference database or a
    /// deleted server). Locks the server rows first, so claims and releases running meanwhile keep the count exact.
    /// Must run inside a transaction.
    /// </summary>
    public async Task ReconcileServerLoadAsync(CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT id FROM judge_server ORDER BY id FOR UPDATE", cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE judge_server s SET task_number = c.n
            FROM (SELECT s2.id, count(t.submission_id)::integer AS n
                  FROM judge_server s2 LEFT JOIN judge_task t ON t.judge_server_id = s2.id AND t.lease_id IS NOT NULL
                  GROUP BY s2.id) c
            WHERE s.id = c.id AND s.task_number <> c.n
            """, cancellationToken);
    }

    /// <summary>
    /// Queues a rejudge (submission.md §2.1). An existing task is reset to the queue (a running lease is dropped, its
    /// verdict will be ignored) and keeps the result already counted; otherwise <paramref name="countedResult"/> is kept.
    /// Must run inside a transaction.
    /// </summary>
    public async Task EnqueueRejudgeAsync(string submissionId, bool inProcess, int? countedResult, DateTime now, CancellationToken cancellationToken)
    {
        var previousServer = await db.Database.SqlQuery<int?>(
                $"SELECT judge_server_id AS \"Value\" FROM judge_task WHERE submission_id = {submissionId} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO judge_task (submission_id, priority, enqueued_at, not_before, attempts, in_process, counted_result)
            VALUES ({submissionId}, {JudgePriority.Rejudge}, {now}, {now}, 0, {inProcess}, {countedResult})
            ON CONFLICT (submission_id) DO UPDATE
            SET lease_id = NULL, judge_server_id = NULL, lease_expires_at = NULL, not_before = EXCLUDED.not_before, attempts = 0
            """, cancellationToken);
        if (previousServer is { } serverId)
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE judge_server SET task_number = GREATEST(task_number - 1, 0) WHERE id = {serverId}", cancellationToken);
        }
    }

    /// <summary>Queued and running tasks (diagnostics, tests and the bench).</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.JudgeTasks.CountAsync(cancellationToken);
}

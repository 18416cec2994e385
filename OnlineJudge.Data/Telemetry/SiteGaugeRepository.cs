namespace OnlineJudge.Data.Telemetry;

/// <summary>One gauge reading: <see cref="Kind"/> <c>queue</c> (waiting tasks by priority), <c>leased</c> (being judged by
/// priority), <c>submission</c> (by result: 6 pending, 7 judging) or <c>server</c> (judge servers: normal / abnormal).</summary>
public sealed record GaugeReadingDto(string Kind, string Key, long Count);

/// <summary>The judge's gauges in one query (the submission count uses the result index).</summary>
public class SiteGaugeRepository(OnlineJudgeDbContext db)
{
    public Task<List<GaugeReadingDto>> ReadAsync(DateTime heartbeatSince, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<GaugeReadingDto>($"""
            SELECT 'queue' AS "Kind", priority::text AS "Key", count(*) AS "Count" FROM judge_task WHERE lease_id IS NULL GROUP BY priority
            UNION ALL
            SELECT 'leased', priority::text, count(*) FROM judge_task WHERE lease_id IS NOT NULL GROUP BY priority
            UNION ALL
            SELECT 'submission', result::text, count(*) FROM submission WHERE result IN (6, 7) GROUP BY result
            UNION ALL
            SELECT 'server', CASE WHEN NOT is_disabled AND last_heartbeat >= {heartbeatSince} THEN 'normal' ELSE 'abnormal' END, count(*)
            FROM judge_server GROUP BY 2
            """).ToListAsync(cancellationToken);
}

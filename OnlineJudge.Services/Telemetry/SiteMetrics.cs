using System.Diagnostics.Metrics;

namespace OnlineJudge.Services.Telemetry;

/// <summary>
/// A queue other than the judge's whose depth is a gauge (<c>oj_queue_depth{queue="&lt;Queue&gt;"}</c>): register an
/// implementation as a singleton (e.g. the AI evaluation queue) and <see cref="SiteGaugeSampler"/> reads it with the
/// judge's gauges. Keys are the labels of the <c>priority</c> dimension (use <c>"all"</c> for a queue without priorities).
/// </summary>
public interface IQueueDepthProbe
{
    string Queue { get; }

    Task<IReadOnlyDictionary<string, long>> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The site's own instruments (meter <see cref="MeterName"/>): verdict latency, Redis calls on request paths, and the
/// gauges that <see cref="SiteGaugeSampler"/> refreshes: queue depth per queue and priority, submissions pending and
/// judging, judge servers normal and abnormal. Gauges are read from memory, so a scrape never waits for the database.
/// </summary>
public sealed class SiteMetrics
{
    public const string MeterName = "OnlineJudge";

    private readonly Histogram<double> verdictLatency;
    private readonly Histogram<double> redisDuration;
    private readonly Counter<long> redisFailures;
    private volatile GaugeSnapshot gauges = GaugeSnapshot.Empty;

    public SiteMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        verdictLatency = meter.CreateHistogram<double>("oj.judge.verdict.latency", "s",
            "Time from a submission to its stored verdict", advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
            });
        redisDuration = meter.CreateHistogram<double>("oj.redis.operation.duration", "s", "Redis calls on request paths",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5] });
        redisFailures = meter.CreateCounter<long>("oj.redis.operation.failures", "{call}", "Redis calls on request paths that failed or were refused");
        meter.CreateObservableGauge("oj.queue.depth", () => gauges.Queues, "{task}", "Tasks waiting in a queue, by queue and priority");
        meter.CreateObservableGauge("oj.judge.tasks.leased", () => gauges.Leased, "{task}", "Judge tasks being judged, by priority");
        meter.CreateObservableGauge("oj.submissions", () => gauges.Submissions, "{submission}", "Submissions waiting for a verdict, by state (pending, judging)");
        meter.CreateObservableGauge("oj.judge.servers", () => gauges.Servers, "{server}", "Judge servers by status (normal, abnormal)");
    }

    public void RecordVerdictLatency(TimeSpan latency, string result) =>
        verdictLatency.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("result", result));

    public void RecordRedisCall(TimeSpan duration, bool failed)
    {
        redisDuration.Record(duration.TotalSeconds);
        if (failed)
        {
            redisFailures.Add(1);
        }
    }

    public void Publish(GaugeSnapshot snapshot) => gauges = snapshot;
}

/// <summary>The gauge values of one sampling.</summary>
public sealed record GaugeSnapshot(
    IReadOnlyList<Measurement<long>> Queues,
    IReadOnlyList<Measurement<long>> Leased,
    IReadOnlyList<Measurement<long>> Submissions,
    IReadOnlyList<Measurement<long>> Servers)
{
    public static readonly GaugeSnapshot Empty = new([], [], [], []);
}

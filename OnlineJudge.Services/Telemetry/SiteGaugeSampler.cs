using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Judge;
using OnlineJudge.Data.Telemetry;

namespace OnlineJudge.Services.Telemetry;

/// <summary>
/// Refreshes the gauges of <see cref="SiteMetrics"/> every <see cref="TelemetryOptions.SampleSeconds"/> while the
/// metrics endpoint is on: one query for the judge (queue, leases, pending and judging submissions, judge servers) and
/// every registered <see cref="IQueueDepthProbe"/>. Every instance samples the same shared state, so dashboards take
/// one instance's value (max), not the sum.
/// </summary>
public sealed partial class SiteGaugeSampler(
    IServiceScopeFactory scopes,
    SiteMetrics metrics,
    IEnumerable<IQueueDepthProbe> probes,
    TimeProvider time,
    IOptions<TelemetryOptions> options,
    ILogger<SiteGaugeSampler> logger) : BackgroundService
{
    private static readonly Dictionary<string, string> Priorities = new()
    {
        ["0"] = "contest", ["1"] = "practice", ["2"] = "rejudge",
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PrometheusEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SampleSeconds), time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogSampleFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var since = time.GetUtcNow().UtcDateTime.AddSeconds(-JudgeQueueRepository.HeartbeatWindowSeconds);
        var readings = await scope.ServiceProvider.GetRequiredService<SiteGaugeRepository>().ReadAsync(since, cancellationToken);
        var queues = new List<Measurement<long>>();
        var leased = new List<Measurement<long>>();
        foreach (var priority in Priorities)
        {
            queues.Add(Gauge(Count(readings, "queue", priority.Key), ("queue", "judge"), ("priority", priority.Value)));
            leased.Add(Gauge(Count(readings, "leased", priority.Key), ("priority", priority.Value)));
        }

        foreach (var probe in probes)
        {
            foreach (var (priority, depth) in await probe.ReadAsync(cancellationToken))
            {
                queues.Add(Gauge(depth, ("queue", probe.Queue), ("priority", priority)));
            }
        }

        metrics.Publish(new GaugeSnapshot(queues, leased,
            [Gauge(Count(readings, "submission", "6"), ("state", "pending")), Gauge(Count(readings, "submission", "7"), ("state", "judging"))],
            [Gauge(Count(readings, "server", "normal"), ("status", "normal")), Gauge(Count(readings, "server", "abnormal"), ("status", "abnormal"))]));
    }

    private static long Count(List<GaugeReadingDto> readings, string kind, string key) =>
        readings.Where(r => r.Kind == kind && r.Key == key).Sum(r => r.Count);

    private static Measurement<long> Gauge(long value, params (string Key, string Value)[] tags) =>
        new(value, tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the site gauges failed; the metrics keep their previous values")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}

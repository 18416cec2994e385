using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Flowcharts;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>
/// The flowchart grader of one web instance. Woken by <see cref="FlowchartWakeups"/> (or every poll interval), it claims
/// due tasks while fewer than <see cref="FlowchartOptions.Concurrency"/> run here, each in its own DI scope, and hands
/// back lapsed leases (a worker that died). On shutdown it stops claiming, lets running gradings finish within the
/// host's shutdown timeout, then cancels the rest, which hand their tasks back.
/// </summary>
public sealed class FlowchartWorker(
    IServiceScopeFactory scopes,
    FlowchartWakeups wakeups,
    TimeProvider time,
    IOptions<FlowchartOptions> options,
    ILogger<FlowchartWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> running = new();
    private readonly CancellationTokenSource jobsCancellation = new();

    private FlowchartOptions Options => options.Value;

    /// <summary>Gradings under way in this process (tests and diagnostics).</summary>
    public int RunningCount => running.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.WorkerEnabled)
        {
            logger.LogInformation("Flowchart grader disabled on this instance (Flowchart:WorkerEnabled = false)");
            return;
        }

        await wakeups.EnsureSubscribedAsync(stoppingToken);
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                if (now >= nextSweep)
                {
                    nextSweep = now.AddSeconds(Options.SweepSeconds);
                    await wakeups.EnsureSubscribedAsync(stoppingToken);
                    await SweepAsync(stoppingToken);
                }

                await DrainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Flowchart grader pass failed; retrying");
            }

            await wakeups.WaitAsync(TimeSpan.FromMilliseconds(Options.PollMilliseconds), stoppingToken);
        }
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && running.Count < Options.Concurrency)
        {
            FlowchartLease? lease;
            await using (var scope = scopes.CreateAsyncScope())
            {
                lease = await scope.ServiceProvider.GetRequiredService<FlowchartQueueRepository>()
                    .ClaimAsync(Guid.NewGuid(), time.GetUtcNow().UtcDateTime, Options.Lease, stoppingToken);
            }

            if (lease is null)
            {
                return;
            }

            running[lease.LeaseId] = Task.Run(() => RunAsync(lease), CancellationToken.None);
        }
    }

    private async Task RunAsync(FlowchartLease lease)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FlowchartGrader>().RunAsync(lease, jobsCancellation.Token);
        }
        catch (OperationCanceledException) when (jobsCancellation.IsCancellationRequested)
        {
            // Handed back by the grader.
        }
        catch (Exception exception)
        {
            // The lease lapses and the sweeper hands the task back (the attempt counts).
            logger.LogError(exception, "Grading flowchart {SubmissionId} failed", lease.SubmissionId);
        }
        finally
        {
            running.TryRemove(lease.LeaseId, out _);
            wakeups.WakeLocal();
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var released = await scope.ServiceProvider.GetRequiredService<FlowchartQueueRepository>()
            .ReleaseLapsedAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
        if (released > 0)
        {
            logger.LogWarning("Handed back {Count} lapsed flowchart grading leases (their worker stopped or hung)", released);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await ShutdownDrain.WaitOrHandBackAsync(() => [.. running.Values], jobsCancellation, "flowchart gradings", logger, cancellationToken);
    }

    public override void Dispose()
    {
        jobsCancellation.Dispose();
        base.Dispose();
    }
}

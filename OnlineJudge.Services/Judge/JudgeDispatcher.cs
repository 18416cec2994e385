using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Judge;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// The judge dispatcher of one web instance. Woken by <see cref="JudgeWakeups"/> (or every poll interval), it drains
/// the queue while capacity lasts: each claim leases a task and a judge-server slot together, and each lease runs as its
/// own job in a fresh DI scope. It also hands back lapsed leases (a dispatcher that died) and repairs server load
/// counts. On shutdown it stops claiming, lets running jobs finish within the host's shutdown timeout, then cancels the
/// rest, which hand their tasks back.
/// </summary>
public sealed class JudgeDispatcher(
    IServiceScopeFactory scopes,
    JudgeWakeups wakeups,
    TimeProvider time,
    IOptions<JudgeOptions> options,
    ILogger<JudgeDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ReconcileInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Task> running = new();
    private readonly CancellationTokenSource jobsCancellation = new();
    private int inProcessRunning;

    private JudgeOptions Options => options.Value;

    /// <summary>Jobs under way in this process (tests and diagnostics).</summary>
    public int RunningCount => running.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.DispatcherEnabled)
        {
            logger.LogInformation("Judge dispatcher disabled on this instance (Judge:DispatcherEnabled = false)");
            return;
        }

        await wakeups.EnsureSubscribedAsync(stoppingToken);
        logger.LogInformation("Judge dispatcher started (lease {Lease} s, poll {Poll} ms)", Options.LeaseSeconds, Options.PollMilliseconds);
        var nextSweep = DateTimeOffset.MinValue;
        var nextReconcile = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                if (now >= nextSweep)
                {
                    nextSweep = now.AddSeconds(Options.SweepSeconds);
                    await wakeups.EnsureSubscribedAsync(stoppingToken);
                    await SweepAsync(now >= nextReconcile, stoppingToken);
                    if (now >= nextReconcile)
                    {
                        nextReconcile = now + ReconcileInterval;
                    }
                }

                await DrainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Judge dispatcher pass failed; retrying");
            }

            await wakeups.WaitAsync(TimeSpan.FromMilliseconds(Options.PollMilliseconds), stoppingToken);
        }
    }

    /// <summary>Claims and starts jobs until no task or no capacity is left.</summary>
    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var lease = await ClaimAsync(inProcess: false, stoppingToken);
            if (lease is null)
            {
                break;
            }

            Start(lease, inProcess: false);
        }

        while (!stoppingToken.IsCancellationRequested && Volatile.Read(ref inProcessRunning) < Options.InProcessConcurrency)
        {
            var lease = await ClaimAsync(inProcess: true, stoppingToken);
            if (lease is null)
            {
                break;
            }

            Start(lease, inProcess: true);
        }
    }

    private async Task<JudgeLease?> ClaimAsync(bool inProcess, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<JudgeQueueRepository>();
        var now = time.GetUtcNow().UtcDateTime;
        return inProcess
            ? await queue.ClaimInProcessAsync(Guid.NewGuid(), now, Options.Lease, cancellationToken)
            : await queue.ClaimForServerAsync(Guid.NewGuid(), now, Options.Lease, cancellationToken);
    }

    private void Start(JudgeLease lease, bool inProcess)
    {
        if (inProcess)
        {
            Interlocked.Increment(ref inProcessRunning);
        }

        logger.LogInformation("Dispatching submission {SubmissionId} (attempt {Attempt}) to {Target}", lease.SubmissionId, lease.Attempts,
            lease.ServiceUrl ?? "the in-process SQL judge");
        running[lease.LeaseId] = Task.Run(() => RunAsync(lease, inProcess));
    }

    private async Task RunAsync(JudgeLease lease, bool inProcess)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JudgeRunner>().RunAsync(lease, jobsCancellation.Token);
        }
        catch (OperationCanceledException) when (jobsCancellation.IsCancellationRequested)
        {
            // Handed back by the runner.
        }
        catch (Exception exception)
        {
            // The lease lapses and the sweeper hands the task back (the attempt counts).
            logger.LogError(exception, "Judging submission {SubmissionId} failed", lease.SubmissionId);
        }
        finally
        {
            running.TryRemove(lease.LeaseId, out _);
            if (inProcess)
            {
                Interlocked.Decrement(ref inProcessRunning);
            }

            // Capacity freed here may let this instance take more work.
            wakeups.WakeLocal();
        }
    }

    private async Task SweepAsync(bool reconcile, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<JudgeQueueRepository>();
        var released = await queue.ReleaseLapsedAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
        if (released > 0)
        {
            logger.LogWarning("Handed back lapsed judge leases (their dispatcher stopped or hung)");
        }

        if (reconcile)
        {
            await scope.ServiceProvider.GetRequiredService<TransactionRunner>()
                .ExecuteAsync(ct => queue.ReconcileServerLoadAsync(ct), cancellationToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await ShutdownDrain.WaitOrHandBackAsync(() => [.. running.Values], jobsCancellation, "judge jobs", logger, cancellationToken);
    }

    public override void Dispose()
    {
        jobsCancellation.Dispose();
        base.Dispose();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Achievements;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// Runs queued achievement rescans (achievement.md §3.5), one at a time per web instance, each in its own DI scope. The
/// job's lease is renewed while the rescan runs, however long it takes. A rescan that fails is logged and dropped (the
/// job never retries); a job whose worker died is taken again when its lease lapses, at most <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class AchievementRescanWorker(
    IServiceScopeFactory scopes,
    AchievementRescanWakeups wakeups,
    TimeProvider time,
    IOptions<AchievementOptions> options,
    ILogger<AchievementRescanWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 3;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private TimeSpan Lease => options.Value.RescanLease;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wakeups.EnsureSubscribedAsync(stoppingToken);
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Achievement rescan pass failed; retrying");
            }

            await wakeups.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>Claims and runs one job; false when the queue is empty.</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<AchievementJobRepository>();
        if (await jobs.ClaimAsync(Guid.NewGuid(), time.GetUtcNow().UtcDateTime, Lease, stoppingToken) is not { } lease)
        {
            return false;
        }

        if (lease.Attempts > MaxAttempts)
        {
            logger.LogError("Rescan of achievement {AchievementId} dropped: its worker stopped {Attempts} times", lease.AchievementId, MaxAttempts);
        }
        else
        {
            try
            {
                var rescans = scope.ServiceProvider.GetRequiredService<AchievementRescanService>();
                await RunWithRenewalAsync(lease, ct => rescans.RescanAsync(lease.AchievementId, ct), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Rescan of achievement {AchievementId} failed", lease.AchievementId);
            }
        }

        // Done or dropped; a shutdown (cancellation) leaves the job to be taken again when its lease lapses.
        await jobs.CompleteAsync(lease, CancellationToken.None);
        return true;
    }

    /// <summary>Runs the rescan while a context of its own renews the lease (the rescan's context is busy meanwhile).</summary>
    private async Task RunWithRenewalAsync(RescanLease lease, Func<CancellationToken, Task<int>> rescan, CancellationToken stoppingToken)
    {
        await using var renewalScope = scopes.CreateAsyncScope();
        var renewals = renewalScope.ServiceProvider.GetRequiredService<AchievementJobRepository>();
        await LeaseKeeper.RunAsync(rescan, ct => renewals.RenewAsync(lease, time.GetUtcNow().UtcDateTime + Lease, ct), Lease, time, logger,
            "the rescan of achievement " + lease.AchievementId, stoppingToken);
    }
}

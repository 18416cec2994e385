using Microsoft.Extensions.Logging;

namespace OnlineJudge.Services.Common;

/// <summary>
/// Keeps the lease on a job of a queue table alive while the job's slow part runs (a judge server, the AI provider, a
/// long rescan): the lease is renewed every third of its length until the work ends, or until a renewal finds the lease
/// gone (taken back, rejudged), so no other worker takes a job that is still running. <c>renew</c> must not use a
/// database context the work is using meanwhile.
/// </summary>
public static class LeaseKeeper
{
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, Func<CancellationToken, Task<bool>> renew, TimeSpan lease,
        TimeProvider time, ILogger logger, string job, CancellationToken cancellationToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewUntilCancelledAsync(renew, lease, time, logger, job, renewal.Token);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }
    }

    private static async Task RenewUntilCancelledAsync(Func<CancellationToken, Task<bool>> renew, TimeSpan lease, TimeProvider time,
        ILogger logger, string job, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, lease.TotalSeconds / 3.0));
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, cancellationToken);
                if (!await renew(cancellationToken))
                {
                    logger.LogInformation("Lease on {Job} lost while it ran (taken back or replaced)", job);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The work ended.
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not renew the lease on {Job}", job);
        }
    }
}

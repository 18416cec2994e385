using Microsoft.Extensions.Logging;

namespace OnlineJudge.Services.Common;

/// <summary>
/// How a queue worker stops: it lets its running jobs finish within the host's shutdown timeout, then cancels them (each
/// hands its task back to the queue) and waits a few more seconds; a job still running then keeps its lease, which lapses
/// and is taken back by another worker.
/// </summary>
public static class ShutdownDrain
{
    public static async Task WaitOrHandBackAsync(Func<Task[]> running, CancellationTokenSource jobsCancellation, string jobs, ILogger logger,
        CancellationToken cancellationToken)
    {
        var tasks = running();
        if (tasks.Length == 0)
        {
            return;
        }

        logger.LogInformation("Waiting for {Count} {Jobs} to finish before shutdown", tasks.Length, jobs);
        try
        {
            await Task.WhenAll(tasks).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Shutdown timeout: handing {Count} running {Jobs} back to the queue", running().Length, jobs);
            await jobsCancellation.CancelAsync();
            try
            {
                await Task.WhenAll(running()).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("{Jobs} still running at shutdown; their leases will lapse and be taken back", jobs);
            }
        }
    }
}

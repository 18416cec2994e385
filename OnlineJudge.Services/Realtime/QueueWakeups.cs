using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace OnlineJudge.Services.Realtime;

/// <summary>
/// Wakes the workers of a queue kept in PostgreSQL when work or capacity appears: this instance's at once, every other
/// instance's through a Redis channel. Wake-ups coalesce; a lost one (Redis away) costs at most one poll interval,
/// since the queue itself is the table.
/// </summary>
public abstract class QueueWakeups(IConnectionMultiplexer redis, ILogger logger, RedisChannel channel)
{
    private readonly Channel<bool> signal = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private int subscribed;

    /// <summary>Wakes this instance's worker only.</summary>
    public void WakeLocal() => signal.Writer.TryWrite(true);

    /// <summary>Wakes the workers of every instance.</summary>
    public async Task WakeAllAsync(CancellationToken cancellationToken)
    {
        WakeLocal();
        try
        {
            await redis.GetSubscriber().PublishAsync(channel, "1").WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogDebug(exception, "Could not publish a wake-up on {Channel}; other instances will poll", channel);
        }
    }

    /// <summary>
    /// Listens to the other instances' wake-ups; the worker calls it at every sweep, so a subscription that failed
    /// (Redis away at start) is made once Redis is back. StackExchange.Redis restores a made one after reconnects.
    /// </summary>
    public async Task EnsureSubscribedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref subscribed) == 1)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().SubscribeAsync(channel, (_, _) => WakeLocal()).WaitAsync(cancellationToken);
            Volatile.Write(ref subscribed, 1);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not subscribe to wake-ups on {Channel}; the worker polls its queue instead", channel);
        }
    }

    /// <summary>Waits for a wake-up or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await signal.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval elapsed.
        }
    }
}

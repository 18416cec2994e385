using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// Wakes the judge dispatchers when work or capacity appears (a submission, a verdict, a heartbeat, a server enabled):
/// this instance's at once, every other instance's through the Redis channel <c>judge:wake</c>. Wake-ups coalesce; a
/// lost one (Redis away) costs at most one poll interval, since the queue itself lives in PostgreSQL.
/// </summary>
public sealed class JudgeWakeups(IConnectionMultiplexer redis, ILogger<JudgeWakeups> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal(Caching.CacheKeys.JudgeWakeChannel);

    private readonly Channel<bool> signal = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Wakes this instance's dispatcher only.</summary>
    public void WakeLocal() => signal.Writer.TryWrite(true);

    /// <summary>Wakes the dispatchers of every instance.</summary>
    public async Task WakeAllAsync()
    {
        WakeLocal();
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, "1");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogDebug(exception, "Could not publish a judge wake-up; other instances will poll");
        }
    }

    private int subscribed;

    /// <summary>
    /// Listens to the other instances' wake-ups; the dispatcher calls it at every sweep, so a subscription that failed
    /// (Redis away at start) is made once Redis is back. StackExchange.Redis restores a made one after reconnects.
    /// </summary>
    public async Task EnsureSubscribedAsync()
    {
        if (Volatile.Read(ref subscribed) == 1)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, _) => WakeLocal());
            Volatile.Write(ref subscribed, 1);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not subscribe to judge wake-ups; the dispatcher polls the queue instead");
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

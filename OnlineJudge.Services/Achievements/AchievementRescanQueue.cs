using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Achievements;
using OnlineJudge.Services.Caching;
using StackExchange.Redis;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// Wakes the rescan workers when a job is queued: this instance's at once, the others' through the Redis channel
/// <c>achievement:rescan:wake</c>. The queue itself is the table (<see cref="AchievementJobRepository"/>); a lost
/// wake-up costs one poll interval.
/// </summary>
public sealed class AchievementRescanWakeups(IConnectionMultiplexer redis, ILogger<AchievementRescanWakeups> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal(CacheKeys.AchievementRescanWakeChannel);

    private readonly Channel<bool> signal = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private int subscribed;

    public void WakeLocal() => signal.Writer.TryWrite(true);

    public async Task WakeAllAsync()
    {
        WakeLocal();
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, "1");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogDebug(exception, "Could not publish a rescan wake-up; other instances will poll");
        }
    }

    /// <summary>Listens to other instances' wake-ups; called at every poll, so a failed subscription is retried.</summary>
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
            logger.LogWarning(exception, "Could not subscribe to rescan wake-ups; the worker polls the queue instead");
        }
    }

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

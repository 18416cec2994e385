using System.Collections.Concurrent;
using OnlineJudge.Services.Realtime;
using StackExchange.Redis;

namespace OnlineJudge.Web.WebSockets;

/// <summary>
/// The sockets of this web instance, by fan-out group. One pattern subscription to <c>ws:*</c> on Redis brings the
/// frames every instance publishes (<see cref="RealtimePublisher"/>); each is forwarded to the local sockets of its
/// group. Frames for groups without a local socket are dropped.
/// </summary>
public sealed class WebSocketHub(IConnectionMultiplexer redis, ILogger<WebSocketHub> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, SocketConnection>> groups = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim subscribeLock = new(1, 1);
    private ChannelMessageQueue? subscription;

    /// <summary>Subscribes to the frames of all groups once per instance; retried by the next socket if Redis is away.</summary>
    public async Task EnsureSubscribedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref subscription) is not null)
        {
            return;
        }

        await subscribeLock.WaitAsync(cancellationToken);
        try
        {
            if (subscription is not null)
            {
                return;
            }

            var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(RealtimePublisher.ChannelPrefix + "*"));
            queue.OnMessage(Dispatch);
            Volatile.Write(ref subscription, queue);
        }
        finally
        {
            subscribeLock.Release();
        }
    }

    public void Join(string group, SocketConnection connection) =>
        groups.GetOrAdd(group, _ => new ConcurrentDictionary<Guid, SocketConnection>())[connection.Id] = connection;

    public void Leave(string group, SocketConnection connection)
    {
        if (groups.TryGetValue(group, out var members))
        {
            members.TryRemove(connection.Id, out _);
        }
    }

    /// <summary>Number of local sockets in a group (diagnostics and tests).</summary>
    public int CountOf(string group) => groups.TryGetValue(group, out var members) ? members.Count : 0;

    private void Dispatch(ChannelMessage message)
    {
        var channel = message.Channel.ToString();
        if (!channel.StartsWith(RealtimePublisher.ChannelPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var group = channel[RealtimePublisher.ChannelPrefix.Length..];
        if (!groups.TryGetValue(group, out var members) || members.IsEmpty)
        {
            return;
        }

        var frame = message.Message.ToString();
        foreach (var member in members.Values)
        {
            member.Enqueue(frame);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (subscription is { } queue)
        {
            try
            {
                await queue.UnsubscribeAsync();
            }
            catch (RedisException exception)
            {
                logger.LogDebug(exception, "Unsubscribing the WebSocket hub failed");
            }
        }

        subscribeLock.Dispose();
    }
}

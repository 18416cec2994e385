using System.Net.WebSockets;
using System.Threading.Channels;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>
/// A socket of a signed-in user (by default <c>/ws/submission/</c>) that collects every frame it receives in the
/// background, so a test can wait for a frame of some type and later check which others came.
/// </summary>
public sealed class SocketFrames : IAsyncDisposable
{
    public const string AchievementUnlocked = "achievement_unlocked";

    private readonly WebSocket socket;
    private readonly Channel<JsonElement> frames = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiving;

    private SocketFrames(WebSocket socket)
    {
        this.socket = socket;
        receiving = ReceiveAllAsync();
    }

    /// <summary>Connects with the session and returns once the server answered a ping (the socket is in its groups then).</summary>
    public static async Task<SocketFrames> OpenAsync(string sessionKey, string path = "/ws/submission/") =>
        new(await TestSockets.ConnectAsync(TestEnvironment.Factory, path, sessionKey));

    /// <summary>The next frame of <paramref name="type"/> (frames of other types before it are skipped).</summary>
    public async Task<JsonElement> NextAsync(string type, TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TestSockets.FrameTimeout);
        while (true)
        {
            var frame = await frames.Reader.ReadAsync(wait.Token);
            if (frame.GetProperty("type").GetString() == type)
            {
                return frame;
            }
        }
    }

    /// <summary>Frames of <paramref name="type"/> that arrive within <paramref name="window"/>.</summary>
    public async Task<List<JsonElement>> CollectAsync(string type, TimeSpan window)
    {
        var collected = new List<JsonElement>();
        using var wait = new CancellationTokenSource(window);
        try
        {
            while (true)
            {
                var frame = await frames.Reader.ReadAsync(wait.Token);
                if (frame.GetProperty("type").GetString() == type)
                {
                    collected.Add(frame);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return collected;
        }
    }

    /// <summary>The <c>achievements</c> items of <c>achievement_unlocked</c> frames, in order.</summary>
    public static IEnumerable<JsonElement> UnlockedItems(IEnumerable<JsonElement> unlockFrames) =>
        unlockFrames.SelectMany(f => f.GetProperty("achievements").EnumerateArray());

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await receiving;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }

        socket.Dispose();
        stop.Dispose();
    }

    private async Task ReceiveAllAsync()
    {
        while (await TestSockets.ReadFrameAsync(socket, stop.Token) is { } frame)
        {
            frames.Writer.TryWrite(frame);
        }
    }
}

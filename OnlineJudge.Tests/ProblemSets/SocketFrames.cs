using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace OnlineJudge.Tests.ProblemSets;

/// <summary>
/// A <c>/ws/submission/</c> socket of a signed-in user that collects every frame it receives in the background, so a test
/// can wait for a frame of some type and later check that no other one came.
/// </summary>
public sealed class SocketFrames : IAsyncDisposable
{
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
    public static async Task<SocketFrames> OpenAsync(string sessionKey)
    {
        var client = TestEnvironment.Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Cookie = "sessionid=" + sessionKey;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var socket = await client.ConnectAsync(new Uri("ws://localhost/ws/submission/"), timeout.Token);
        var opened = new SocketFrames(socket);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"ping\",\"timestamp\":1}"), WebSocketMessageType.Text, true, timeout.Token);
        await opened.NextAsync("pong");
        return opened;
    }

    /// <summary>The next frame of <paramref name="type"/> (frames of other types before it are skipped).</summary>
    public async Task<JsonElement> NextAsync(string type, TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
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
        var buffer = new byte[64 * 1024];
        while (!stop.IsCancellationRequested)
        {
            var count = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), stop.Token);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            frames.Writer.TryWrite(JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone());
        }
    }
}

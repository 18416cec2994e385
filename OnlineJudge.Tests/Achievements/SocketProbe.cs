using System.Net.WebSockets;
using System.Text;

namespace OnlineJudge.Tests.Achievements;

/// <summary>A <c>/ws/submission/</c> socket of a logged-in test user that collects the frames it receives.</summary>
public sealed class SocketProbe : IDisposable
{
    private readonly WebSocket socket;

    private SocketProbe(WebSocket socket)
    {
        this.socket = socket;
    }

    public static async Task<SocketProbe> ConnectAsync(string sessionKey)
    {
        var client = TestEnvironment.Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Cookie = "sessionid=" + sessionKey;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var probe = new SocketProbe(await client.ConnectAsync(new Uri("ws://localhost/ws/submission/"), timeout.Token));
        // The pong proves the socket joined its groups before the test goes on.
        await probe.socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"ping\",\"timestamp\":1}"), WebSocketMessageType.Text, true,
            CancellationToken.None);
        Assert.That((await probe.ReceiveAsync(TimeSpan.FromSeconds(10)))?.GetProperty("type").GetString(), Is.EqualTo("pong"));
        return probe;
    }

    /// <summary>The next frame, or null when none comes within <paramref name="timeout"/>.</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        var count = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), cancel.Token);
                count += result.Count;
                if (result.EndOfMessage)
                {
                    return JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Every <c>achievement_unlocked</c> frame received until no frame came for <paramref name="quiet"/>.</summary>
    public async Task<List<JsonElement>> UnlockFramesAsync(TimeSpan quiet)
    {
        var frames = new List<JsonElement>();
        while (await ReceiveAsync(quiet) is { } frame)
        {
            if (frame.GetProperty("type").GetString() == "achievement_unlocked")
            {
                frames.Add(frame);
            }
        }

        return frames;
    }

    public void Dispose() => socket.Dispose();
}

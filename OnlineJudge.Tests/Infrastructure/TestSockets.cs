using System.Net.WebSockets;
using System.Text;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>WebSocket clients of a test host: connect with a session, send text, receive one JSON frame.</summary>
public static class TestSockets
{
    public static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Connects (with the session when given) and returns at once; throws when the upgrade is refused.</summary>
    public static async Task<WebSocket> OpenAsync(OnlineJudgeWebFactory factory, string path, string? sessionKey)
    {
        var client = factory.Server.CreateWebSocketClient();
        if (sessionKey is not null)
        {
            client.ConfigureRequest = request => request.Headers.Cookie = "sessionid=" + sessionKey;
        }

        using var timeout = new CancellationTokenSource(FrameTimeout);
        return await client.ConnectAsync(new Uri("ws://localhost" + path), timeout.Token);
    }

    /// <summary>Connects with the session and returns once a ping was answered: the socket has joined its groups then.</summary>
    public static async Task<WebSocket> ConnectAsync(OnlineJudgeWebFactory factory, string path, string sessionKey)
    {
        var socket = await OpenAsync(factory, path, sessionKey);
        await SendAsync(socket, "{\"type\":\"ping\",\"timestamp\":1}");
        var pong = await ReceiveAsync(socket);
        Assert.That(pong.GetProperty("type").GetString(), Is.EqualTo("pong"));
        return socket;
    }

    public static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public static async Task<JsonElement> ReceiveAsync(WebSocket socket, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? FrameTimeout);
        return await ReadFrameAsync(socket, cancellation.Token)
            ?? throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the socket");
    }

    /// <summary>The next text frame as JSON; null when the server closes the socket.</summary>
    public static async Task<JsonElement?> ReadFrameAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var count = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            Assert.That(result.MessageType, Is.EqualTo(WebSocketMessageType.Text));
            count += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
            }
        }
    }
}

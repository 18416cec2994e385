using System.Net.WebSockets;
using System.Text;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>WebSocket clients of a test host: connect with a session, send text, receive one JSON frame.</summary>
public static class TestSockets
{
    public static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(15);

    public static async Task<WebSocket> ConnectAsync(OnlineJudgeWebFactory factory, string path, string sessionKey)
    {
        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Cookie = "sessionid=" + sessionKey;
        using var timeout = new CancellationTokenSource(FrameTimeout);
        var socket = await client.ConnectAsync(new Uri("ws://localhost" + path), timeout.Token);
        // A ping answered means the socket joined its groups.
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
        var buffer = new byte[64 * 1024];
        var count = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), cancellation.Token);
            count += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
            }
        }
    }
}

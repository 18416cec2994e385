using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Realtime;
using OnlineJudge.Web.Infrastructure.Auth;
using StackExchange.Redis;

namespace OnlineJudge.Web.WebSockets;

/// <summary>Handles one client frame type on a socket endpoint (e.g. <c>subscribe</c> on <c>/ws/submission/</c>).</summary>
/// <param name="connection">The socket; <see cref="SocketConnection.Enqueue"/> answers it.</param>
/// <param name="frame">The parsed JSON object the client sent.</param>
/// <param name="services">A service scope for this frame (repositories, services).</param>
public delegate Task SocketFrameHandler(SocketConnection connection, JsonElement frame, IServiceProvider services, CancellationToken cancellationToken);

/// <summary>
/// The WebSocket endpoints of platform.md §17. Every endpoint shares the rules: the <c>sessionid</c> cookie
/// authenticates the upgrade (anonymous → 403 before acceptance), frames are JSON text, <c>ping</c> is answered with
/// <c>pong</c> carrying the same timestamp, invalid JSON, binary frames and unknown types are ignored, and pushes reach
/// the socket through its fan-out groups (<see cref="RealtimePublisher"/>). A new endpoint is one
/// <see cref="MapSocket"/> call: its path, the groups of a user, and handlers for extra frame types.
/// </summary>
public static partial class SocketEndpoints
{
    /// <summary>Largest client frame read; longer frames are dropped unread.</summary>
    private const int MaxFrameBytes = 64 * 1024;

    private static readonly IReadOnlyDictionary<string, SocketFrameHandler> NoHandlers = new Dictionary<string, SocketFrameHandler>();

    public static IServiceCollection AddSocketEndpoints(this IServiceCollection services)
    {
        services.AddRealtime();
        services.AddSingleton<WebSocketHub>();
        return services;
    }

    /// <summary>
    /// The socket endpoints. Another one is a line here, e.g.
    /// <c>endpoints.MapSocket("/ws/submission/", user => [RealtimePublisher.SubmissionGroup(user.Id)],
    /// new Dictionary&lt;string, SocketFrameHandler&gt; { ["subscribe"] = SubmissionSocket.ReplayAsync });</c>
    /// and its pushes are <c>RealtimePublisher.PublishAsync(RealtimePublisher.SubmissionGroup(userId), frame)</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapSocketEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Client config_update frames are ignored (platform.md §17): no handler for them.
        endpoints.MapSocket("/ws/config/", _ => [RealtimePublisher.ConfigUpdatesGroup]);
        endpoints.MapSocket("/ws/submission/", user => [RealtimePublisher.SubmissionGroup(user.Id)],
            new Dictionary<string, SocketFrameHandler> { ["subscribe"] = SubmissionSocket.ReplayAsync });
        // flowchart.md §4: subscribe frames are accepted and ignored (no replay); pushes come from the grader.
        endpoints.MapSocket("/ws/flowchart/", user => [RealtimePublisher.FlowchartGroup(user.Id)]);
        return endpoints;
    }

    public static IEndpointConventionBuilder MapSocket(this IEndpointRouteBuilder endpoints, string path,
        Func<CurrentUser, IReadOnlyList<string>> groupsOf, IReadOnlyDictionary<string, SocketFrameHandler>? handlers = null) =>
        endpoints.Map(path, context => HandleAsync(context, groupsOf, handlers ?? NoHandlers))
            .WithDisplayName("WebSocket " + path)
            .ExcludeFromDescription();

    private static async Task HandleAsync(HttpContext context, Func<CurrentUser, IReadOnlyList<string>> groupsOf,
        IReadOnlyDictionary<string, SocketFrameHandler> handlers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var user = context.GetRequestContext().User;
        if (user is null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var services = context.RequestServices;
        var hub = services.GetRequiredService<WebSocketHub>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SocketEndpoints));
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = cancellation.Token;
        try
        {
            await hub.EnsureSubscribedAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, exception);
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new SocketConnection(socket, user.Id);
        var groups = groupsOf(user);
        foreach (var group in groups)
        {
            hub.Join(group, connection);
        }

        var writer = connection.RunWriterAsync(cancellationToken);
        try
        {
            await ReceiveAsync(connection, handlers, services, logger, cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Client gone or server stopping.
        }
        catch (Exception exception)
        {
            // The response has started: nothing can be written but a close frame.
            LogSocketFailed(logger, exception, connection.UserId);
        }
        finally
        {
            foreach (var group in groups)
            {
                hub.Leave(group, connection);
            }

            connection.Complete();
            await writer;
            await CloseQuietlyAsync(socket);
        }
    }

    private static async Task ReceiveAsync(SocketConnection connection, IReadOnlyDictionary<string, SocketFrameHandler> handlers,
        IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var tooLong = false;
        while (connection.Socket.State == WebSocketState.Open)
        {
            var memory = buffer.GetMemory(4096);
            var result = await connection.Socket.ReceiveAsync(memory, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (!tooLong)
            {
                buffer.Advance(result.Count);
                tooLong = buffer.WrittenCount > MaxFrameBytes;
            }

            if (!result.EndOfMessage)
            {
                if (tooLong)
                {
                    buffer.ResetWrittenCount();
                }

                continue;
            }

            if (result.MessageType == WebSocketMessageType.Text && !tooLong)
            {
                await HandleFrameAsync(connection, buffer.WrittenMemory, handlers, services, logger, cancellationToken);
            }

            buffer.ResetWrittenCount();
            tooLong = false;
        }
    }

    private static async Task HandleFrameAsync(SocketConnection connection, ReadOnlyMemory<byte> bytes,
        IReadOnlyDictionary<string, SocketFrameHandler> handlers, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        JsonElement frame;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            frame = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return;
        }

        if (frame.ValueKind != JsonValueKind.Object || !frame.TryGetProperty("type", out var typeElement)
            || typeElement.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var type = typeElement.GetString()!;
        if (type == "ping")
        {
            JsonElement? timestamp = frame.TryGetProperty("timestamp", out var value) ? value : null;
            connection.Enqueue(JsonSerializer.Serialize(new PongFrame(timestamp), RealtimePublisher.FrameJson));
            return;
        }

        if (!handlers.TryGetValue(type, out var handler))
        {
            return;
        }

        try
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await handler(connection, frame, scope.ServiceProvider, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogHandlerFailed(logger, exception, type, connection.UserId);
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Nothing left to close.
        }
    }

    private sealed record PongFrame(JsonElement? Timestamp, string Type = "pong");

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSocket hub could not subscribe to Redis; pushes will not reach this socket")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "WebSocket of user {UserId} failed")]
    private static partial void LogSocketFailed(ILogger logger, Exception exception, int userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "WebSocket frame handler {Type} failed for user {UserId}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string type, int userId);
}

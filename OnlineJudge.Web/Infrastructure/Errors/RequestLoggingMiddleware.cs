using System.Diagnostics;
using OnlineJudge.Web.Infrastructure.Auth;

namespace OnlineJudge.Web.Infrastructure.Errors;

public class RequestLoggingOptions
{
    public const string Section = "RequestLogging";

    /// <summary>Requests slower than this are logged as warnings, to show what to optimise.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue, ErrorMessage = "RequestLogging:SlowRequestMilliseconds must be positive")]
    public int SlowRequestMilliseconds { get; set; } = 500;
}

/// <summary>Puts request id and user id on every log line of a request, and warns about slow requests.</summary>
public partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger,
    Microsoft.Extensions.Options.IOptions<RequestLoggingOptions> options)
{
    public async Task InvokeAsync(HttpContext httpContext)
    {
        var context = httpContext.GetRequestContext();
        // A message template: structured (RequestId, UserId) for structured sinks, readable in the console.
        using var scope = logger.BeginScope("Request {RequestId} user {UserId}", httpContext.TraceIdentifier, context.User?.Id);
        var started = Stopwatch.GetTimestamp();
        await next(httpContext);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed.TotalMilliseconds >= options.Value.SlowRequestMilliseconds && !IsLongLived(httpContext))
        {
            SlowRequest(logger, httpContext.Request.Method, httpContext.Request.Path, (long)elapsed.TotalMilliseconds,
                httpContext.Response.StatusCode, context.User?.Id, httpContext.TraceIdentifier);
        }
    }

    /// <summary>
    /// A WebSocket, or a stream of Server-Sent Events (the AI answers): such a "request" lasts as long as the socket or the
    /// stream by design, so its length says nothing about what to optimise.
    /// </summary>
    private static bool IsLongLived(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest
        || context.Response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow request {Method} {Path}: {ElapsedMs} ms, status {Status}, user {UserId}, request {RequestId}")]
    private static partial void SlowRequest(ILogger logger, string method, string path, long elapsedMs, int status, int? userId, string requestId);
}

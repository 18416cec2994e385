using Microsoft.AspNetCore.Mvc.Filters;
using OnlineJudge.Services.Common;
using OnlineJudge.Web.Infrastructure.Auth;
using OnlineJudge.Web.Infrastructure.Envelopes;

namespace OnlineJudge.Web.Infrastructure.Errors;

/// <summary>
/// A <see cref="ServiceException"/> becomes its envelope; anything else becomes
/// <c>{"error": "server-error", "data": "server error"}</c>, logged with request id, path and user (platform.md §6).
/// </summary>
public class UnhandledExceptionFilter(ILogger<UnhandledExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is OperationCanceledException && context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (context.Exception is ServiceException serviceException)
        {
            context.Result = EnvelopeResultFilter.ToResult(Envelope.Of(serviceException.Error));
        }
        else
        {
            ServerErrorLog.Write(logger, context.HttpContext, context.Exception);
            context.Result = EnvelopeResultFilter.ToResult(Envelope.Of(ServiceError.ServerError));
        }

        context.ExceptionHandled = true;
    }
}

public static partial class ServerErrorLog
{
    public static void Write(ILogger logger, HttpContext httpContext, Exception exception) =>
        Unhandled(logger, exception, httpContext.TraceIdentifier, httpContext.Request.Method, httpContext.Request.Path,
            httpContext.GetRequestContext().User?.Id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception, request {RequestId} {Method} {Path}, user {UserId}")]
    private static partial void Unhandled(ILogger logger, Exception exception, string requestId, string method, string path, int? userId);
}

using OnlineJudge.Services.Common;
using OnlineJudge.Web.Infrastructure.Envelopes;

namespace OnlineJudge.Web.Infrastructure.Errors;

/// <summary>
/// Outermost safety net for faults outside MVC (middleware, session layer): the server-error envelope instead of an
/// HTML 500 page or a stack trace (spec README, decision 5).
/// </summary>
public class ExceptionEnvelopeMiddleware(RequestDelegate next, ILogger<ExceptionEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext httpContext)
    {
        try
        {
            await next(httpContext);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception exception) when (!httpContext.Response.HasStarted)
        {
            ServerErrorLog.Write(logger, httpContext, exception);
            httpContext.Response.Clear();
            await EnvelopeWriter.WriteAsync(httpContext, Envelope.Of(ServiceError.ServerError));
        }
    }
}

using System.Text;
using Microsoft.AspNetCore.Http.Features;
using OnlineJudge.Services.Ai;

namespace OnlineJudge.Web.Infrastructure.Streaming;

/// <summary>
/// A streamed AI answer as Server-Sent Events (ai.md §2.0): HTTP 200, <c>text/event-stream</c>, no caching, proxy
/// buffering off, each event flushed as it is written, no compression. The request's abort token stops the provider
/// call when the browser goes away.
/// </summary>
public sealed class EventStreamResult(AiStreamPlan plan) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = http.RequestAborted;
        try
        {
            await response.StartAsync(aborted);
            await http.RequestServices.GetRequiredService<AiEventStream>().RunAsync(plan, async (text, ct) =>
            {
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
                await response.Body.FlushAsync(ct);
            }, aborted);
        }
        catch (Exception exception) when (aborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            // The browser went away: the provider call was cancelled with it and nothing was stored.
        }
    }
}

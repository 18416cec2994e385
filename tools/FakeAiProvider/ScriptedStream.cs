using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tools.FakeAi;

/// <summary>
/// A streamed answer: each fragment as one <c>chat.completion.chunk</c> (flushed, then <see cref="Delay"/>), then a
/// finishing chunk and <c>[DONE]</c> unless <see cref="Finish"/> is false; with <see cref="HoldOpen"/> it waits after
/// the fragments until the caller goes away, which <see cref="Aborted"/> reports.
/// </summary>
public sealed class ScriptedStream(params string[] fragments) : IResult
{
    public TimeSpan Delay { get; init; }

    public bool Finish { get; init; } = true;

    public bool HoldOpen { get; init; }

    /// <summary>Completed when the caller closed the connection before the stream ended.</summary>
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed once the fragments were all sent.</summary>
    public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var context = httpContext;
        context.Response.ContentType = "text/event-stream";
        var aborted = context.RequestAborted;
        try
        {
            await context.Response.StartAsync(aborted);
            foreach (var fragment in fragments)
            {
                await WriteAsync(context, JsonSerializer.Serialize(new { choices = new[] { new { index = 0, delta = new { content = fragment }, finish_reason = (string?)null } } }));
                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, aborted);
                }
            }

            Sent.TrySetResult();
            if (HoldOpen)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
            }

            if (Finish)
            {
                await WriteAsync(context, """{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""");
                await WriteAsync(context, "[DONE]");
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            Aborted.TrySetResult();
        }
    }

    private static async Task WriteAsync(HttpContext context, string payload)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("data: " + payload + "\n\n"), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}

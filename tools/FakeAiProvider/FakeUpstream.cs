using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tools.FakeAi;

/// <summary>
/// One local HTTP server standing in for the services the app calls out to (the release list, the AI provider). The
/// tests start it on a free port and configure their host to call it; a test says what it answers and reads what it
/// received. Without an answer it replies 404. <see cref="FakeAiProgram"/> runs one for a person, answered by
/// <see cref="ScriptedProvider"/>.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    public const string ApiKey = "test-key";

    private const string BodyKey = "FakeUpstream.Body";

    private readonly WebApplication app;
    private readonly bool recordRequests;
    private Func<HttpContext, Task<IResult>>? answer;

    private FakeUpstream(WebApplication app, bool recordRequests)
    {
        this.app = app;
        this.recordRequests = recordRequests;
        app.Run(HandleAsync);
    }

    public string Url => app.Urls.First();

    /// <summary>The requests received since the last <see cref="Reset"/>: path, Authorization header and JSON body.</summary>
    public List<(string Path, string? Authorization, JsonElement? Body)> Requests { get; } = [];

    /// <summary>
    /// Starts listening on <paramref name="url"/> (a free port of 127.0.0.1 by default); a long-running fake passes
    /// <paramref name="recordRequests"/> false so that <see cref="Requests"/> does not grow.
    /// </summary>
    public static async Task<FakeUpstream> StartAsync(string url = "http://127.0.0.1:0", bool recordRequests = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", url);
        var upstream = new FakeUpstream(builder.Build(), recordRequests);
        await upstream.app.StartAsync();
        return upstream;
    }

    /// <summary>The JSON body of the request being answered (already read), or null.</summary>
    public static JsonElement? BodyOf(HttpContext context) => context.Items[BodyKey] as JsonElement?;

    public void Answer(Func<HttpContext, Task<IResult>> handler) => answer = handler;

    public void Answer(Func<IResult> result) => answer = _ => Task.FromResult(result());

    public void Reset()
    {
        answer = null;
        lock (Requests)
        {
            Requests.Clear();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        JsonElement? body = null;
        if (context.Request.ContentLength > 0 && context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            body = document.RootElement.Clone();
        }

        context.Items[BodyKey] = body;
        if (recordRequests)
        {
            lock (Requests)
            {
                Requests.Add((context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), body));
            }
        }

        var result = answer is { } handler ? await handler(context) : Results.NotFound();
        await result.ExecuteAsync(context);
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

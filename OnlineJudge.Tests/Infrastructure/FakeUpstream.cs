using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>
/// One local HTTP server standing in for the services the app calls out to (the release list, the AI provider). The test
/// host is configured at start to call it (<see cref="OnlineJudgeWebFactory"/>); a test says what it answers and reads
/// what it received. Without an answer it replies 404.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    public const string ApiKey = "test-key";

    private readonly WebApplication app;
    private Func<HttpContext, Task<IResult>>? answer;

    private FakeUpstream(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    public string Url => app.Urls.First();

    /// <summary>The requests received since the last <see cref="Reset"/>: path, Authorization header and JSON body.</summary>
    public List<(string Path, string? Authorization, JsonElement? Body)> Requests { get; } = [];

    public static async Task<FakeUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        var upstream = new FakeUpstream(builder.Build());
        await upstream.app.StartAsync();
        return upstream;
    }

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

        lock (Requests)
        {
            Requests.Add((context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), body));
        }

        var result = answer is { } handler ? await handler(context) : Results.NotFound();
        await result.ExecuteAsync(context);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

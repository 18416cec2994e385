using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OnlineJudge.Tools.FakeAi;

/// <summary>
/// <c>dotnet pwsh ./build.ps1 fake-ai</c>: a local OpenAI-compatible provider answering <see cref="ScriptedProvider"/>'s
/// replies, to try grading, the login summary and the streamed analyses without a real key. Settings (command line or
/// environment <c>FAKEAI_*</c>): <c>--urls</c> (default http://127.0.0.1:8070), <c>--reply-delay-ms</c> before each
/// whole reply (default 500; above <c>Ai:SummaryTimeoutSeconds</c> it shows the summary's timeout), <c>--chunk-delay-ms</c>
/// between streamed chunks (default 300).
/// </summary>
public static class FakeAiProgram
{
    public static async Task<int> Main(string[] args)
    {
        var settings = new ConfigurationBuilder()
            .AddEnvironmentVariables("FAKEAI_")
            .AddCommandLine(args, new Dictionary<string, string>
            {
                ["--reply-delay-ms"] = "ReplyDelayMilliseconds",
                ["--chunk-delay-ms"] = "ChunkDelayMilliseconds",
            })
            .Build();
        var url = settings["urls"] ?? "http://127.0.0.1:8070";
        if (!TryMilliseconds(settings["ReplyDelayMilliseconds"], 500, out var replyDelay)
            || !TryMilliseconds(settings["ChunkDelayMilliseconds"], 300, out var chunkDelay))
        {
            await Console.Error.WriteLineAsync("--reply-delay-ms and --chunk-delay-ms take a number of milliseconds (0 or more)");
            return 2;
        }

        await using var upstream = await FakeUpstream.StartAsync(url, recordRequests: false);
        var provider = new ScriptedProvider(replyDelay, chunkDelay,
            line => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}"));
        upstream.Answer(provider.AnswerAsync);
        Console.WriteLine($"""
            Fake AI provider on {upstream.Url} (Ctrl+C to stop): POST {ChatCompletions.Path} and /v1{ChatCompletions.Path}
            Whole replies after {replyDelay.TotalMilliseconds} ms, streamed chunks every {chunkDelay.TotalMilliseconds} ms.
            Point the site at it:  Ai__BaseUrl={upstream.Url}  Ai__ApiKey=fake-key
            """);
        await upstream.WaitForShutdownAsync();
        return 0;
    }

    private static bool TryMilliseconds(string? text, int fallback, out TimeSpan value)
    {
        var ok = int.TryParse(text ?? fallback.ToString(CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var ms);
        value = TimeSpan.FromMilliseconds(ms);
        return ok;
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using OnlineJudge.Web.Infrastructure.Errors;

namespace OnlineJudge.Tests.Platform;

/// <summary>The slow-request warning (RequestLoggingMiddleware): long answers are logged, Server-Sent Events streams are not.</summary>
public class SlowRequestLogTests : IntegrationTest
{
    private static FakeUpstream Provider => TestEnvironment.Upstream!;

    [Test]
    public async Task A_slow_answer_is_logged_but_an_event_stream_is_not()
    {
        var logs = new CapturedLogs();
        await using var host = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { ["RequestLogging:SlowRequestMilliseconds"] = "200", ["Flowchart:WorkerEnabled"] = "false" },
            builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        using var client = new ApiClient(host);
        await client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());

        Provider.Answer(() => new ScriptedStream("一", "二", "三") { Delay = TimeSpan.FromMilliseconds(150) });
        var stream = await client.PostJsonAsync("/api/ai/analysis", new { details = new { grade = "A" }, duration = new[] { new { index = 0 } } });
        Provider.Answer(async _ =>
        {
            await Task.Delay(400);
            return ChatCompletions.Reply("flowchart TD");
        });
        (await client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "print(1)" })).Ok();

        var slow = await WaitForSlowRequestLogAsync(logs, "/api/admin/problem/flowchart");
        Assert.Multiple(() =>
        {
            Assert.That(stream.ContentType, Does.StartWith("text/event-stream"));
            Assert.That(stream.Body, Does.Contain("\"type\":\"done\""), "the stream lasted its three pauses (over 400 ms)");
            Assert.That(slow, Does.Contain("POST /api/admin/problem/flowchart").And.Contain("status 200"));
            Assert.That(SlowRequests(logs).Where(m => m.Contains("/api/ai/analysis", StringComparison.Ordinal)), Is.Empty);
        });
    }

    private static IEnumerable<string> SlowRequests(CapturedLogs logs) =>
        logs.Entries.Where(e => e.Category == typeof(RequestLoggingMiddleware).FullName && e.Level == LogLevel.Warning
                                && e.Message.StartsWith("Slow request", StringComparison.Ordinal)).Select(e => e.Message);

    /// <summary>The warning is written once the answer is sent, so it may come a moment after the client has it.</summary>
    private static async Task<string> WaitForSlowRequestLogAsync(CapturedLogs logs, string path)
    {
        for (var i = 0; i < 50; i++)
        {
            if (SlowRequests(logs).FirstOrDefault(m => m.Contains(path, StringComparison.Ordinal)) is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No slow-request warning for {path}");
        return "";
    }
}

using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tests.Ai;

/// <summary>The provider client's retries and circuit breaker (non-streaming calls), through an admin AI helper.</summary>
public class AiClientResilienceTests : IntegrationTest
{
    private static FakeUpstream Provider => TestEnvironment.Upstream!;

    [Test]
    public async Task Transient_failures_are_retried_and_a_provider_that_keeps_failing_opens_the_breaker()
    {
        await using var host = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?>
            {
                ["Ai:MaxRetries"] = "1", ["Ai:BreakerMinimumThroughput"] = "2", ["Ai:BreakerFailureRatio"] = "0.5", ["Flowchart:WorkerEnabled"] = "false",
            });
        using var client = new ApiClient(host);
        await client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        var calls = 0;
        Provider.Answer(() => Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(503) : ChatCompletions.Reply("flowchart TD"));

        var recovered = (await client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "print(1)" })).Ok();
        Assert.That(recovered.GetProperty("flowchart").GetString(), Is.EqualTo("flowchart TD"), "a 503 is retried");

        Provider.Answer(() => Results.StatusCode(500));
        var failing = await client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "x" });
        Assert.That(failing.Error, Is.EqualTo("error"));
        Assert.That(failing.Data.GetString(), Does.StartWith("AI 服务调用失败: "), "HTTP 500, or the breaker opening meanwhile");
        var before = Provider.ChatRequests().Count;
        var started = DateTime.UtcNow;
        var refused = await client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "x" });

        Assert.Multiple(() =>
        {
            refused.AssertError("error", "AI 服务调用失败: 服务暂时不可用（连续失败，稍后再试）");
            Assert.That(Provider.ChatRequests(), Has.Count.EqualTo(before), "an open breaker does not call the provider");
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(2)));
        });
    }
}

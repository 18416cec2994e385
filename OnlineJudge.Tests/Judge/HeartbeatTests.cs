using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OnlineJudge.Judge.Heartbeat;

namespace OnlineJudge.Tests.Judge;

/// <summary>The heartbeat of judge.md §9.1, received by a stand-in backend.</summary>
[NonParallelizable]
public class HeartbeatTests
{
    [Test]
    public async Task The_server_registers_itself_every_interval_with_the_hashed_token()
    {
        var beats = new ConcurrentQueue<(string Path, string? Token, string Body)>();
        var backendBuilder = WebApplication.CreateSlimBuilder();
        backendBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        backendBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var backend = backendBuilder.Build();
        backend.MapPost("/api/judge_server_heartbeat/", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            beats.Enqueue((context.Request.Path, context.Request.Headers["X-JUDGE-SERVER-TOKEN"].ToString(), await reader.ReadToEndAsync()));
            return Results.Text("{\"error\": null, \"data\": null}", "application/json");
        });
        await backend.StartAsync();

        await using var judge = await JudgeServerHarness.StartAsync(new Dictionary<string, string?>
        {
            ["JudgeServer:BackendUrl"] = backend.Urls.First(),
            ["JudgeServer:ServiceUrl"] = "http://judge-7.example:8080",
            ["JudgeServer:Hostname"] = "judge-7",
            ["JudgeServer:HeartbeatIntervalSeconds"] = "1",
        });
        for (var i = 0; i < 50 && beats.Count < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.That(beats, Has.Count.GreaterThanOrEqualTo(2), "a beat at start and one per second");
        var (path, token, body) = beats.First();
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(path, Is.EqualTo("/api/judge_server_heartbeat/"));
            Assert.That(token, Is.EqualTo(JudgeServerHarness.TokenHash(JudgeServerHarness.Token)));
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "hostname", "cpu", "cpu_core", "memory", "judger_version", "action", "service_url" }));
            Assert.That(root.GetProperty("hostname").GetString(), Is.EqualTo("judge-7"));
            Assert.That(root.GetProperty("action").GetString(), Is.EqualTo("heartbeat"));
            Assert.That(root.GetProperty("service_url").GetString(), Is.EqualTo("http://judge-7.example:8080"));
            Assert.That(root.GetProperty("cpu_core").GetInt32(), Is.EqualTo(Environment.ProcessorCount));
            Assert.That(root.GetProperty("cpu").GetDouble(), Is.InRange(0, 100));
            Assert.That(root.GetProperty("memory").GetDouble(), Is.InRange(0, 100));
            Assert.That(root.GetProperty("judger_version").GetString()!.Length, Is.InRange(1, 32));
        });
    }

    [TestCase("http://10.0.0.5:8000", "http://10.0.0.5:8000/api/judge_server_heartbeat/")]
    [TestCase("http://10.0.0.5:8000/", "http://10.0.0.5:8000/api/judge_server_heartbeat/")]
    [TestCase("https://oj.example.edu/base", "https://oj.example.edu/base/api/judge_server_heartbeat/")]
    [TestCase("http://backend:8000/api/judge_server_heartbeat", "http://backend:8000/api/judge_server_heartbeat")]
    [TestCase("http://backend/api/judge_server_heartbeat/", "http://backend/api/judge_server_heartbeat/")]
    public void The_backend_url_may_be_the_site_or_its_heartbeat_endpoint(string configured, string expected)
    {
        Assert.That(HeartbeatService.HeartbeatUrl(configured).ToString(), Is.EqualTo(expected));
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>One <c>POST /judge</c> the fake received.</summary>
public sealed record JudgeCall(JsonElement Body, string? Token);

/// <summary>
/// A JudgeServer speaking the QingdaoU protocol on a real local port, with scripted answers: by default every test case
/// accepted. <see cref="Reply"/> decides the body of each call; <see cref="Delay"/> holds answers back. It records the
/// calls and the most judged at once.
/// </summary>
public sealed class FakeJudgeServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int active;
    private int maxActive;

    private FakeJudgeServer(WebApplication app)
    {
        this.app = app;
    }

    public static readonly string TokenHash =
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OnlineJudgeWebFactory.JudgeToken)));

    public ConcurrentQueue<JudgeCall> Calls { get; } = new();

    /// <summary>Answers a call with a body (a JSON text); the default accepts two test cases.</summary>
    public Func<JudgeCall, string> Reply { get; set; } = _ => Cases((0, 10, 1024 * 1024), (0, 15, 2 * 1024 * 1024));

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public int MaxConcurrent => Volatile.Read(ref maxActive);

    public string ServiceUrl { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>Starts on <paramref name="port"/> (0: any free port).</summary>
    public static async Task<FakeJudgeServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var fake = new FakeJudgeServer(app);
        app.MapPost("/judge", fake.JudgeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Port = new Uri(address).Port;
        fake.ServiceUrl = $"http://127.0.0.1:{fake.Port}";
        return fake;
    }

    /// <summary>A successful reply with one case per (result, cpu_time, memory), numbered from 1.</summary>
    public static string Cases(params (int Result, int CpuTime, long Memory)[] cases)
    {
        var data = new JsonArray();
        for (var i = 0; i < cases.Length; i++)
        {
            data.Add(new JsonObject
            {
                ["cpu_time"] = cases[i].CpuTime, ["real_time"] = cases[i].CpuTime + 1, ["memory"] = cases[i].Memory, ["signal"] = 0,
                ["exit_code"] = 0, ["error"] = 0, ["result"] = cases[i].Result, ["test_case"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["output_md5"] = "d41d8cd98f00b204e9800998ecf8427e", ["output"] = null,
            });
        }

        return new JsonObject { ["err"] = null, ["data"] = data }.ToJsonString();
    }

    public static string Error(string err, string data) => new JsonObject { ["err"] = err, ["data"] = data }.ToJsonString();

    private async Task JudgeAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref active);
        int seen;
        while (now > (seen = Volatile.Read(ref maxActive)) && Interlocked.CompareExchange(ref maxActive, now, seen) != seen)
        {
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            var call = new JudgeCall(document.RootElement.Clone(), context.Request.Headers["X-Judge-Server-Token"].LastOrDefault());
            Calls.Enqueue(call);
            if (Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var body = call.Token == TokenHash ? Reply(call) : Error("TokenVerificationFailed", "invalid token");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
        finally
        {
            Interlocked.Decrement(ref active);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

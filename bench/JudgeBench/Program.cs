using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Judging benchmark against a running backend. --mode fake (build.ps1 bench): two fake JudgeServers (this process)
// register by heartbeat and answer every test case accepted after --work-ms; then (1) submit latency: the time from
// sending POST /api/submission to the judge request arriving at a fake, one submission at a time; (2) a burst of --count
// submissions sent at once, timed until every verdict is stored, with the counters checked for lost or double-counted
// verdicts. --mode end-to-end (build.ps1 bench-judge): a real judge server is registered; see EndToEndBench.
var options = Args.Parse(args);
using var http = BenchApi.CreateClient(options);
if (options.Mode == "end-to-end")
{
    return await EndToEndBench.RunAsync(options, http);
}

var tokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(options.Token)));
var arrivals = new ConcurrentDictionary<int, long>();
var judged = 0;
var active = 0;
var maxActive = 0;

var fakes = new List<(WebApplication App, string Url)>();
for (var i = 0; i < 2; i++)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    var app = builder.Build();
    app.MapPost("/judge", async (HttpContext context) =>
    {
        var now = Interlocked.Increment(ref active);
        for (var seen = Volatile.Read(ref maxActive); now > seen; seen = Volatile.Read(ref maxActive))
        {
            Interlocked.CompareExchange(ref maxActive, now, seen);
        }

        try
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            var stamp = Stopwatch.GetTimestamp();
            var match = Regex.Match(body.RootElement.GetProperty("src").GetString() ?? "", @"# bench (\d+)");
            if (match.Success)
            {
                arrivals.TryAdd(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), stamp);
            }

            if (context.Request.Headers["X-Judge-Server-Token"] != tokenHash)
            {
                return Results.Json(new { err = "TokenVerificationFailed", data = "invalid token" });
            }

            await Task.Delay(options.WorkMilliseconds);
            Interlocked.Increment(ref judged);
            return Results.Json(new
            {
                err = (string?)null,
                data = new[] { new { cpu_time = 1, real_time = 2, memory = 1048576, signal = 0, exit_code = 0, error = 0, result = 0, test_case = "1", output_md5 = "x", output = (string?)null } },
            });
        }
        finally
        {
            Interlocked.Decrement(ref active);
        }
    });
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    fakes.Add((app, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
}

using var stop = new CancellationTokenSource();
var heartbeats = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        for (var i = 0; i < fakes.Count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/judge_server_heartbeat/")
            {
                Content = JsonContent.Create(new
                {
                    hostname = $"bench-judge-{i}", judger_version = "bench", cpu_core = options.Cores, memory = 10.0, cpu = 10.0, action = "heartbeat",
                    service_url = fakes[i].Url,
                }),
            };
            request.Headers.Add("X-Judge-Server-Token", tokenHash);
            var reply = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
            if (reply.GetProperty("error").ValueKind != JsonValueKind.Null)
            {
                Console.Error.WriteLine("heartbeat refused: " + reply);
                Environment.Exit(2);
            }
        }

        await Task.Delay(1000);
    }
});
await Task.Delay(500);

Task<string> SubmitAsync(int marker) =>
    BenchApi.SubmitAsync(http, options.ProblemId, "Python3", $"print(sum(map(int, input().split())))  # bench {marker}");

async Task<(int Total, int Unjudged, int SubmissionNumber)> StateAsync()
{
    var total = (await http.GetFromJsonAsync<JsonElement>("/api/submissions?myself=1&limit=1")).GetProperty("data").GetProperty("total").GetInt32();
    var pending = (await http.GetFromJsonAsync<JsonElement>("/api/submissions?myself=1&limit=1&result=6")).GetProperty("data").GetProperty("total").GetInt32();
    var judging = (await http.GetFromJsonAsync<JsonElement>("/api/submissions?myself=1&limit=1&result=7")).GetProperty("data").GetProperty("total").GetInt32();
    var profile = (await http.GetFromJsonAsync<JsonElement>("/api/profile")).GetProperty("data").GetProperty("submission_number").GetInt32();
    return (total, pending + judging, profile);
}

async Task WaitForJudgedAsync(TimeSpan limit)
{
    var deadline = Stopwatch.StartNew();
    while ((await StateAsync()).Unjudged > 0)
    {
        if (deadline.Elapsed > limit)
        {
            throw new TimeoutException("verdicts still missing after " + limit);
        }

        await Task.Delay(20);
    }
}

var before = await StateAsync();

// 1. Submit latency, one at a time (warm-up first).
for (var i = 0; i < 20; i++)
{
    await SubmitAsync(1_000_000 + i);
}

await WaitForJudgedAsync(TimeSpan.FromSeconds(60));
var latencies = new List<double>();
for (var i = 0; i < options.LatencySamples; i++)
{
    var start = Stopwatch.GetTimestamp();
    await SubmitAsync(i);
    var deadline = Stopwatch.StartNew();
    while (!arrivals.ContainsKey(i) && deadline.ElapsedMilliseconds < 10_000)
    {
        await Task.Delay(1);
    }

    if (arrivals.TryGetValue(i, out var arrived))
    {
        latencies.Add(Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds);
    }
}

await WaitForJudgedAsync(TimeSpan.FromSeconds(60));
latencies.Sort();
double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
Console.WriteLine($"submit -> judge request: p50 {Percentile(0.5):F1} ms, p90 {Percentile(0.9):F1} ms, p99 {Percentile(0.99):F1} ms ({latencies.Count} samples)");

// 2. A burst: --count submissions at once.
var mid = await StateAsync();
var judgedBefore = Volatile.Read(ref judged);
maxActive = 0;
var clock = Stopwatch.StartNew();
var next = 0;
await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
{
    int marker;
    while ((marker = Interlocked.Increment(ref next)) <= options.Count)
    {
        await SubmitAsync(2_000_000 + marker);
    }
}));
var accepted = clock.Elapsed;
await WaitForJudgedAsync(TimeSpan.FromMinutes(10));
var drained = clock.Elapsed;
var after = await StateAsync();
await stop.CancelAsync();

var stored = after.Total - mid.Total;
var counted = after.SubmissionNumber - mid.SubmissionNumber;
var calls = Volatile.Read(ref judged) - judgedBefore;
Console.WriteLine($"burst of {options.Count}: accepted in {accepted.TotalSeconds:F1} s, all verdicts stored after {drained.TotalSeconds:F1} s " +
                  $"({options.Count / drained.TotalSeconds:F0} verdicts/s; 2 fake judges, {options.Cores} cores each = {2 * options.Cores + 1} at once, " +
                  $"{options.WorkMilliseconds} ms per judge, {maxActive} judged at once at most)");
Console.WriteLine($"stored {stored}, counted in the profile {counted}, judge calls {calls}, unjudged {after.Unjudged}");
foreach (var (app, _) in fakes)
{
    await app.StopAsync();
}

var ok = stored == options.Count && counted == options.Count && after.Unjudged == 0 && after.SubmissionNumber - before.SubmissionNumber == after.Total - before.Total;
Console.WriteLine(ok ? "judging bench: OK (none lost, none counted twice)" : "judging bench: FAILED (lost or double-counted verdicts)");
return ok ? 0 : 1;

internal sealed record Args(string Mode, string Backend, string Token, string ApiKey, int ProblemId, int Count, int Cores, int WorkMilliseconds, int LatencySamples)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var value) ? value : fallback;
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Args(Get("mode", "fake"), Get("backend", "http://127.0.0.1:8090"), Get("token", "bench-judge-token"), Get("apikey", "benchbenchbenchbenchbenchbench00"),
            Int("problem", 1), Int("count", 1000), Int("cores", 2), Int("work-ms", 10), Int("latency-samples", 100));
    }
}

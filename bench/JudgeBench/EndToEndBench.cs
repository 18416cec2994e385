using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// <c>--mode end-to-end</c>: the real path, against a backend with one real judge server registered by heartbeat. A C++
/// a+b is submitted through <c>POST /api/submission</c> and timed until its verdict is stored (its frame on
/// <c>/ws/submission/</c>, see <see cref="VerdictFeed"/>): first one at a time (<c>--samples</c>, after two warm-ups),
/// then a burst of <c>--count</c> at once, timed until every verdict is in. Every verdict must be Accepted.
/// </summary>
internal static class EndToEndBench
{
    private const string Language = "C++";
    private const string Code = "#include <iostream>\nint main(){long a,b;std::cin>>a>>b;std::cout<<a+b<<std::endl;return 0;}\n";
    private const int Accepted = 0;

    public static async Task<int> RunAsync(Args options, HttpClient http)
    {
        await using var feed = await VerdictFeed.ConnectAsync(options);
        var wrong = new List<string>();

        async Task<(string Id, double Milliseconds)> JudgeOnceAsync(TimeSpan limit)
        {
            var start = Stopwatch.GetTimestamp();
            var id = await BenchApi.SubmitAsync(http, options.ProblemId, Language, Code);
            var (stamp, result) = await feed.VerdictAsync(id).WaitAsync(limit);
            if (result != Accepted)
            {
                wrong.Add($"{id}: result {result}");
            }

            return (id, Stopwatch.GetElapsedTime(start, stamp).TotalMilliseconds);
        }

        // The first waits for the judge server's first heartbeat to reach the backend.
        for (var i = 0; i < 2; i++)
        {
            await JudgeOnceAsync(TimeSpan.FromMinutes(2));
        }

        var sequential = new List<(string Id, double Milliseconds)>();
        for (var i = 0; i < options.LatencySamples; i++)
        {
            sequential.Add(await JudgeOnceAsync(TimeSpan.FromMinutes(1)));
        }

        foreach (var (id, _) in sequential)
        {
            // The frame follows the commit; the stored submission says the same.
            var detail = await http.GetFromJsonAsync<JsonElement>($"/api/submission?id={id}");
            if (detail.GetProperty("data").GetProperty("result").GetInt32() != Accepted)
            {
                wrong.Add($"{id}: stored result {detail.GetProperty("data").GetProperty("result")}");
            }
        }

        var sorted = sequential.Select(s => s.Milliseconds).Order().ToList();
        Console.WriteLine($"C++ a+b, 10 test cases, submit -> verdict stored (its frame on /ws/submission/), one at a time: " +
                          $"p50 {sorted[sorted.Count / 2]:F0} ms, max {sorted[^1]:F0} ms, mean {sorted.Average():F0} ms ({sorted.Count} submissions; target <= 1000 ms)");

        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, options.Count).Select(_ => BenchApi.SubmitAsync(http, options.ProblemId, Language, Code)));
        var burst = await Task.WhenAll(ids.Select(feed.VerdictAsync)).WaitAsync(TimeSpan.FromMinutes(10));
        var drained = clock.Elapsed;
        wrong.AddRange(ids.Zip(burst).Where(pair => pair.Second.Result != Accepted).Select(pair => $"{pair.First}: result {pair.Second.Result}"));
        Console.WriteLine($"burst of {options.Count} at once: all verdicts stored after {drained.TotalSeconds:F1} s = " +
                          $"{options.Count / drained.TotalMinutes:F0} submissions per minute (one judge server, {options.Cores} cores: the backend sends it {2 * options.Cores + 1} at once)");

        Console.WriteLine(wrong.Count == 0 ? "end-to-end bench: OK (every verdict Accepted)" : "end-to-end bench: FAILED, not Accepted: " + string.Join("; ", wrong.Take(5)));
        return wrong.Count == 0 ? 0 : 1;
    }
}

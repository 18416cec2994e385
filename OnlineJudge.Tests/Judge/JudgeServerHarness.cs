using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using OnlineJudge.Judge;

// The judge server (bubblewrap, /proc, posix_spawn) and so its tests run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace OnlineJudge.Tests.Judge;

/// <summary>
/// A real judge server (Kestrel on a free port) with its own test-case folder, started once for the judge tests; the
/// tests talk to it over HTTP exactly as the backend does.
/// </summary>
public sealed class JudgeServerHarness : IAsyncDisposable
{
    public const string Token = "judge-test-token";

    private readonly WebApplication app;

    private JudgeServerHarness(WebApplication app, string root, string testCaseDir, Uri baseAddress)
    {
        this.app = app;
        Root = root;
        TestCaseDir = testCaseDir;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        Http.DefaultRequestHeaders.Add("X-Judge-Server-Token", TokenHash(Token));
    }

    public string Root { get; }

    public string TestCaseDir { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    public int Port => Http.BaseAddress!.Port;

    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static async Task<JudgeServerHarness> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "onlinejudge-judge-tests", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var testCaseDir = Path.Combine(root, "test_case");
        Directory.CreateDirectory(testCaseDir);
        var settings = new Dictionary<string, string?>
        {
            ["Judge:Token"] = Token,
            ["JudgeServer:Urls"] = "http://127.0.0.1:0",
            ["JudgeServer:TestCaseDir"] = testCaseDir,
            ["JudgeServer:WorkDir"] = Path.Combine(root, "work"),
            ["JudgeServer:BackendUrl"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = JudgeServerApp.Build([], settings);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
            throw;
        }

        var address = new Uri(app.Urls.First());
        return new JudgeServerHarness(app, root, testCaseDir, address);
    }

    /// <summary>Writes a test-case folder the way the backend does (data-model.md §5).</summary>
    public string CreateTestCase(string id, params (string Input, string Output)[] cases) =>
        CreateTestCase(id, cases.Select(c => (Encoding.UTF8.GetBytes(c.Input), Encoding.UTF8.GetBytes(c.Output))).ToArray());

    public string CreateTestCase(string id, (byte[] Input, byte[] Output)[] cases)
    {
        var folder = Path.Combine(TestCaseDir, id);
        Directory.CreateDirectory(folder);
        var entries = new Dictionary<string, object>();
        for (var i = 0; i < cases.Length; i++)
        {
            var n = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllBytes(Path.Combine(folder, n + ".in"), cases[i].Input);
            File.WriteAllBytes(Path.Combine(folder, n + ".out"), cases[i].Output);
            var output = cases[i].Output;
            var end = output.Length;
            while (end > 0 && output[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c)
            {
                end--;
            }

#pragma warning disable CA5351 // the protocol's checksum
            var md5 = Convert.ToHexStringLower(MD5.HashData(output.AsSpan(0, end)));
#pragma warning restore CA5351
            entries[n] = new Dictionary<string, object>
            {
                ["input_name"] = n + ".in",
                ["input_size"] = cases[i].Input.Length,
                ["output_name"] = n + ".out",
                ["output_size"] = output.Length,
                ["stripped_output_md5"] = md5,
            };
        }

        File.WriteAllText(Path.Combine(folder, "info"), JsonSerializer.Serialize(new Dictionary<string, object> { ["test_cases"] = entries }));
        return folder;
    }

    public async Task<JudgeReply> PostAsync(string path, string body, string? tokenHash = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (tokenHash is not null)
        {
            request.Headers.Remove("X-Judge-Server-Token");
            request.Headers.Add("X-Judge-Server-Token", tokenHash);
        }

        using var response = await Http.SendAsync(request);
        return new JudgeReply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    public Task<JudgeReply> JudgeAsync(object body) => PostAsync("/judge", JsonSerializer.Serialize(body));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}

/// <summary>A judge server answer: raw text (for byte-level checks) and parsed JSON.</summary>
public sealed class JudgeReply(int status, string? mediaType, string text)
{
    public int Status { get; } = status;

    public string? MediaType { get; } = mediaType;

    public string Text { get; } = text;

    public JsonElement Json { get; } = JsonDocument.Parse(text).RootElement.Clone();

    public string? Error => Json.GetProperty("err").GetString();

    public JsonElement Data => Json.GetProperty("data");

    public IReadOnlyList<JsonElement> Cases => Data.EnumerateArray().ToList();

    /// <summary>The submission's verdict as the backend computes it: first non-zero case result in test-case order.</summary>
    public int Verdict
    {
        get
        {
            Assert.That(Error, Is.Null, $"judge error: {Text}");
            var sorted = Cases.OrderBy(c => int.Parse(c.GetProperty("test_case").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            return sorted.Select(c => c.GetProperty("result").GetInt32()).FirstOrDefault(r => r != 0);
        }
    }

    public override string ToString() => Text.Length > 2000 ? Text[..2000] + "…" : Text;
}

/// <summary>Starts the shared judge server before the judge tests and stops it after them.</summary>
[SetUpFixture]
public sealed class JudgeTestEnvironment
{
    private static JudgeServerHarness? server;

    public static JudgeServerHarness Server => server ?? throw new InvalidOperationException("judge server not started");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        server = await JudgeServerHarness.StartAsync();
        Server.CreateTestCase("aplusb", ("1 2\n", "3\n"), ("10 20\n", "30\n"));
        Server.CreateTestCase("aplusb1", ("1 2\n", "3\n"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

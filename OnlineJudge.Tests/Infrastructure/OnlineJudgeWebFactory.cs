using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OnlineJudge.Tests.Platform;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>
/// The app under test; <paramref name="settings"/> override configuration keys of this host (e.g. an empty <c>Ai:ApiKey</c>),
/// <paramref name="configure"/> adds to its builder (e.g. a logger provider). Outbound HTTP goes to <see cref="TestEnvironment.Upstream"/>.
/// </summary>
public class OnlineJudgeWebFactory(string databaseConnectionString, string redisConnectionString,
    IReadOnlyDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    /// <summary>Low PBKDF2 cost so that tests creating users stay fast; the format is the same.</summary>
    public const int TestPasswordIterations = 1000;

    /// <summary>The plain judge-server token of the test site (option <c>judge_server_token</c>).</summary>
    public const string JudgeToken = "test-judge-token";

    /// <summary>Files written by tests (avatars, uploads, test cases) go to a throwaway folder.</summary>
    public static readonly string DataDir = Path.Combine(Path.GetTempPath(), "onlinejudge-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", redisConnectionString);
        builder.UseSetting("Passwords:Iterations", TestPasswordIterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Csrf:TrustedOrigins:0", "https://oj.example.edu");
        builder.UseSetting("Storage:DataDir", DataDir);
        builder.UseSetting("Judge:Token", JudgeToken);
        builder.UseSetting("Judge:PollMilliseconds", "200");
        builder.UseSetting("Judge:RetryDelaySeconds", "0.2");
        builder.UseSetting("Judge:SweepSeconds", "1");
        builder.UseSetting("Flowchart:PollMilliseconds", "200");
        builder.UseSetting("Flowchart:RetryDelaySeconds", "0.2");
        builder.UseSetting("Flowchart:SweepSeconds", "1");
        builder.UseSetting("Achievements:RescanLeaseSeconds", "3");
        builder.UseSetting("Ai:RetryDelayMilliseconds", "10");
        // Tests fail the provider on purpose; the breaker of the shared host must not open for the tests after them.
        builder.UseSetting("Ai:BreakerMinimumThroughput", "10000");
        if (TestEnvironment.Upstream is { } upstream)
        {
            builder.UseSetting("ReleaseNotes:UpstreamUrl", upstream.Url + "/data.json");
            builder.UseSetting("ReleaseNotes:TimeoutSeconds", "1");
            builder.UseSetting("ReleaseNotes:LocalVersion", "2026-07-01");
            builder.UseSetting("Ai:BaseUrl", upstream.Url);
            builder.UseSetting("Ai:ApiKey", FakeUpstream.ApiKey);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddControllers().AddApplicationPart(typeof(PlatformProbeController).Assembly));
        configure?.Invoke(builder);
    }
}

using System.Text.RegularExpressions;
using OnlineJudge.Data.Judge;
using OnlineJudge.Services.Judge;
using OnlineJudge.Services.Telemetry;

namespace OnlineJudge.Tests.Operations;

/// <summary>The Prometheus scrape endpoint: off unless configured, behind its token, with request, database, Redis and judge metrics.</summary>
[NonParallelizable]
public class MetricsTests : IntegrationTest
{
    private const string Token = "scrape-secret";

    [Test]
    public async Task Metrics_are_off_by_default()
    {
        var response = await Client.Http.GetAsync("/metrics");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_scrape_shows_requests_per_route_the_clients_and_the_judge()
    {
        await using var site = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?>
            {
                ["Telemetry:PrometheusEnabled"] = "true",
                ["Telemetry:MetricsToken"] = Token,
                ["Judge:DispatcherEnabled"] = "false",
            });
        using var client = new ApiClient(site);
        var user = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(user).BuildAsync();
        var pending = await new SubmissionBuilder(user, problem).WithResult(JudgeStatus.Pending).BuildAsync();
        await new SubmissionBuilder(user, problem).WithResult(JudgeStatus.Judging).BuildAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            db.JudgeTasks.Add(new JudgeTask { SubmissionId = pending.Id, Priority = JudgePriority.Contest, EnqueuedAt = now, NotBefore = now });
            db.JudgeServers.Add(new JudgeServer { Hostname = "alive", JudgerVersion = "1", CpuCore = 2, LastHeartbeat = now, CreateTime = now });
            db.JudgeServers.Add(new JudgeServer { Hostname = "gone", JudgerVersion = "1", CpuCore = 2, LastHeartbeat = now.AddMinutes(-5), CreateTime = now });
            await db.SaveChangesAsync();
        }

        (await client.GetAsync("/api/website")).Ok();
        (await client.GetAsync("/api/problem?limit=10&offset=0")).Ok();
        await site.Services.GetRequiredService<SiteGaugeSampler>().SampleAsync(CancellationToken.None);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            foreach (var observer in scope.ServiceProvider.GetServices<IVerdictObserver>().OfType<VerdictLatencyObserver>())
            {
                await observer.OnVerdictStoredAsync(new VerdictEvent(JobSubmittedSecondsAgo(3), new Verdict(JudgeStatus.Accepted, null, new()), null),
                    CancellationToken.None);
            }
        }

        Assert.That((await client.Http.GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no token");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        var response = await client.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            AssertSample(text, @"http_server_request_duration_seconds_count\{[^}]*http_route=""/?api/website""[^}]*\} 1");
            AssertSample(text, @"http_server_request_duration_seconds_bucket\{[^}]*http_route=""/?api/problem""");
            AssertSample(text, @"oj_redis_operation_duration_seconds_count\{[^}]*\} [1-9]");
            AssertSample(text, @"\ndb_client_\w+");
            AssertSample(text, @"oj_queue_depth\{[^}]*priority=""contest""[^}]*queue=""judge""[^}]*\} 1");
            AssertSample(text, @"oj_queue_depth\{[^}]*priority=""practice""[^}]*queue=""judge""[^}]*\} 0");
            AssertSample(text, @"oj_submissions\{[^}]*state=""pending""[^}]*\} 1");
            AssertSample(text, @"oj_submissions\{[^}]*state=""judging""[^}]*\} 1");
            AssertSample(text, @"oj_judge_servers\{[^}]*status=""normal""[^}]*\} 1");
            AssertSample(text, @"oj_judge_servers\{[^}]*status=""abnormal""[^}]*\} 1");
            AssertSample(text, @"oj_judge_verdict_latency_seconds_bucket\{(?=[^}]*le=""5"")(?=[^}]*result=""accepted"")[^}]*\} 1");
        });
    }

    private static void AssertSample(string text, string pattern) =>
        Assert.That(Regex.IsMatch(text, pattern), Is.True, $"no sample matching {pattern}");

    private static JudgeJobDto JobSubmittedSecondsAgo(int seconds) => new(
        SubmissionId: "s", UserId: 1, Language: "C", Code: "", ContestId: null, CreateTime: DateTime.UtcNow.AddSeconds(-seconds),
        ProblemId: 1, ProblemDisplayId: "1", TimeLimit: 1000, MemoryLimit: 256, TestCaseId: "t", Template: [], AstRules: null, SqlConfig: null,
        Answers: null, ContestStartTime: null, ContestEndTime: null, ContestCreatedById: null, UserIsDisabled: false, UserAdminType: null);
}

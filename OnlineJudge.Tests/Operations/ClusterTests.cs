using OnlineJudge.Services.Judge;
using OnlineJudge.Services.Realtime;

namespace OnlineJudge.Tests.Operations;

/// <summary>
/// Two web instances on one PostgreSQL and one Redis, as behind a load balancer: every consecutive request of one
/// browser goes to the other instance, and everything behaves as on one instance: sessions, CSRF, cached reads and
/// their invalidation, the submission rate limit, and WebSocket pushes produced on one instance and delivered by the other.
/// </summary>
[NonParallelizable]
public class ClusterTests : IntegrationTest
{
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(10);
    private OnlineJudgeWebFactory second = null!;

    private static OnlineJudgeWebFactory First => TestEnvironment.Factory;

    [OneTimeSetUp]
    public void StartSecondInstance() =>
        second = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString);

    [OneTimeTearDown]
    public async Task StopSecondInstanceAsync() => await second.DisposeAsync();

    /// <summary>One browser (one cookie jar) whose requests alternate between the two instances.</summary>
    private (ApiClient A, ApiClient B) Browser()
    {
        var jar = new CookieContainer();
        return (new ApiClient(First, jar), new ApiClient(second, jar));
    }

    [Test]
    public async Task A_session_and_its_csrf_token_work_on_both_instances()
    {
        var user = await new UserBuilder().WithPassword("cluster-pass").BuildAsync();
        var (a, b) = Browser();
        using (a)
        using (b)
        {
            (await b.GetAsync("/api/profile")).Ok();
            Assert.That(a.Cookie("csrftoken"), Is.Not.Null, "the token set by B is in the shared jar");
            Assert.That((await a.PostJsonAsync("/api/login", new { username = user.Username, password = "cluster-pass" })).Ok().GetString(), Is.EqualTo("Succeeded"));
            Assert.That((await b.GetAsync("/api/profile")).Ok().GetProperty("user").GetProperty("username").GetString(), Is.EqualTo(user.Username));

            // A write on B with the token A issued at login.
            Assert.That((await b.SendAsync(HttpMethod.Put, "/api/profile", System.Net.Http.Json.JsonContent.Create(new { mood = "written on B" }))).Ok().GetProperty("mood").GetString(), Is.EqualTo("written on B"));
            Assert.That((await a.GetAsync("/api/profile")).Ok().GetProperty("mood").GetString(), Is.EqualTo("written on B"));
            var forged = await a.SendAsync(HttpMethod.Put, "/api/profile", System.Net.Http.Json.JsonContent.Create(new { mood = "x" }), csrf: false);
            Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.Forbidden));

            (await b.GetAsync("/api/logout")).Ok();
            Assert.That((await a.GetAsync("/api/profile")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }

    [Test]
    public async Task A_write_on_one_instance_invalidates_the_cache_of_the_other()
    {
        var (anonymousA, anonymousB) = Browser();
        var (adminA, adminB) = Browser();
        using (anonymousA)
        using (anonymousB)
        using (adminA)
        using (adminB)
        {
            await adminA.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
            Assert.That((await anonymousA.GetAsync("/api/announcement?limit=10&offset=0")).Ok().GetProperty("total").GetInt32(), Is.Zero);
            Assert.That((await anonymousA.GetAsync("/api/website")).Ok().GetProperty("website_name").GetString(), Is.Not.EqualTo("School OJ"));

            (await adminB.PostJsonAsync("/api/admin/announcement", new { title = "From B", tag = "公告", content = "<p>hi</p>", visible = true, top = false })).Ok();
            (await adminB.PostJsonAsync("/api/admin/website", Conf.WebsiteConfigTests.ValidConfig())).Ok();

            var list = (await anonymousA.GetAsync("/api/announcement?limit=10&offset=0")).Ok();
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(list.GetProperty("results")[0].GetProperty("title").GetString(), Is.EqualTo("From B"));
            Assert.That((await anonymousA.GetAsync("/api/website")).Ok().GetProperty("website_name").GetString(), Is.EqualTo("School OJ"));
            Assert.That((await anonymousB.GetAsync("/api/website")).Ok().GetProperty("website_name").GetString(), Is.EqualTo("School OJ"));
        }
    }

    [Test]
    public async Task The_submission_rate_limit_counts_submits_on_both_instances()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var problem = await new ProblemBuilder(admin).WithLanguages("C").BuildAsync();
        var (a, b) = Browser();
        using (a)
        using (b)
        {
            await a.LoginAsync(await new UserBuilder().BuildAsync());
            for (var i = 0; i < 10; i++)
            {
                (await (i % 2 == 0 ? a : b).PostJsonAsync("/api/submission", new { problem_id = problem.Id, language = "C", code = "x" })).Ok();
            }

            var denied = await b.PostJsonAsync("/api/submission", new { problem_id = problem.Id, language = "C", code = "x" });
            Assert.That(denied.Error, Is.EqualTo("error"));
            Assert.That(denied.Data.GetString(), Does.StartWith("Please wait "));
            Assert.That((await a.PostJsonAsync("/api/submission", new { problem_id = problem.Id, language = "C", code = "x" })).Error, Is.EqualTo("error"));
        }
    }

    [Test]
    public async Task Config_pushes_made_on_one_instance_reach_sockets_of_the_other()
    {
        var user = await new UserBuilder().BuildAsync();
        using var socket = await TestSockets.ConnectAsync(second, "/ws/config/", await NewClient().LoginAsync(user));
        var (admin, _) = Browser();
        using (admin)
        {
            await admin.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
            (await admin.PostJsonAsync("/api/admin/website", Conf.WebsiteConfigTests.ValidConfig())).Ok();
        }

        var first = await TestSockets.ReceiveAsync(socket, FrameTimeout);
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("type").GetString(), Is.EqualTo("config_update"));
            Assert.That(first.GetProperty("key").GetString(), Is.EqualTo("website_base_url"));
        });
    }

    [Test]
    public async Task Submission_pushes_and_any_group_published_on_one_instance_reach_the_other()
    {
        var user = await new UserBuilder().BuildAsync();
        using var socket = await TestSockets.ConnectAsync(second, "/ws/submission/", await NewClient().LoginAsync(user));

        // What the judge of instance A pushes when it starts judging.
        await First.Services.GetRequiredService<SubmissionUpdates>().PushStateAsync(user.Id, "abc123", JudgeStatus.Judging);
        var frame = await TestSockets.ReceiveAsync(socket, FrameTimeout);
        Assert.Multiple(() =>
        {
            Assert.That(frame.GetProperty("submission_id").GetString(), Is.EqualTo("abc123"));
            Assert.That(frame.GetProperty("result").GetInt32(), Is.EqualTo(JudgeStatus.Judging));
        });

        // The mechanism is per group, not per endpoint: any group a socket joined is delivered across instances.
        await First.Services.GetRequiredService<RealtimePublisher>().PublishAsync(RealtimePublisher.SubmissionGroup(user.Id), new { type = "custom", n = 1 });
        Assert.That((await TestSockets.ReceiveAsync(socket, FrameTimeout)).GetProperty("type").GetString(), Is.EqualTo("custom"));
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Data.Entities;
using OnlineJudge.Services.Conf;
using OnlineJudge.Tests.Account;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Resilience;

/// <summary>
/// A Redis outage must not stall the site: with Redis refused, hung, or back, every request answers within a second,
/// anonymous reads are served from PostgreSQL, logged-in users are themselves or anonymous (never someone else), and
/// the site recovers by itself. Each test runs its own web host against its own Redis (never the shared one).
/// </summary>
[NonParallelizable]
public class RedisOutageTests : IntegrationTest
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(1);

    // The first requests of a new host compile code and build models: they are not timed.
    private bool warm;
    private static readonly TimeSpan RecoverWithin = TimeSpan.FromSeconds(15);

    private User teacher = null!;
    private Problem problem = null!;
    private Contest contest = null!;

    [SetUp]
    public async Task CreateContentAsync()
    {
        teacher = await new UserBuilder().WithUsername("teacher").AsTeacherAdmin().BuildAsync();
        problem = await new ProblemBuilder(teacher).BuildAsync();
        contest = await new ContestBuilder(teacher).BuildAsync();
    }

    [Test]
    public async Task Redis_refused_then_back()
    {
        using var redis = new TestRedisServer();
        await redis.StartAsync();
        await using var factory = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, redis.ConnectionString);
        var (alice, bob, anonymous) = await BrowsersAsync(factory);
        await WarmUpAsync(alice, bob, anonymous);

        redis.Kill();
        await AssertServedForAsync(TimeSpan.FromSeconds(3), alice, bob, anonymous);

        await redis.StartAsync();
        await AssertRecoversAsync(alice, bob, anonymous);
    }

    [Test]
    public async Task Redis_hung_with_connections_open_then_back()
    {
        using var redis = new TestRedisServer();
        await redis.StartAsync();
        await using var factory = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, redis.ConnectionString);
        var (alice, bob, anonymous) = await BrowsersAsync(factory);
        await WarmUpAsync(alice, bob, anonymous);

        redis.Pause();
        try
        {
            await AssertServedForAsync(TimeSpan.FromSeconds(3), alice, bob, anonymous);
        }
        finally
        {
            redis.Resume();
        }

        await AssertRecoversAsync(alice, bob, anonymous);
    }

    [Test]
    public async Task Redis_that_never_answers_from_the_start()
    {
        using var silent = new SilentTcpListener();
        await using var factory = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, $"127.0.0.1:{silent.Port}");
        var anonymous = new ApiClient(factory);
        var alice = new ApiClient(factory);
        alice.SetCookie("sessionid", new string('a', 32));
        await AssertServedAsync(alice, null, anonymous, sessionsReachable: false);
        warm = true;

        await AssertServedForAsync(TimeSpan.FromSeconds(3), alice, null, anonymous);
    }

    [Test]
    public async Task Writes_that_change_authentication_are_refused_while_redis_is_unreachable()
    {
        using var redis = new TestRedisServer();
        await redis.StartAsync();
        await using var factory = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, redis.ConnectionString);
        var root = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        await AccountTestData.UpdateUserAsync(root.Id, u => (u.OpenApi, u.OpenApiAppkey) = (true, "rootkey-rootkey-rootkey-rootkey0"));
        var student = await new UserBuilder().WithUsername("student").BuildAsync();
        var admin = new ApiClient(factory);
        admin.Http.DefaultRequestHeaders.Add("APPKEY", "rootkey-rootkey-rootkey-rootkey0");

        redis.Kill();
        // The API key is checked against PostgreSQL, so the admin is still known; the password write is refused whole.
        var refused = await admin.SendAsync(HttpMethod.Post, "/api/admin/reset_password", JsonContent.Create(new { id = student.Id }), csrf: false);
        refused.AssertError("server-error", "server error");
        Assert.That((await AccountTestData.ReloadUserAsync(student.Id)).Password, Is.EqualTo(student.Password));

        await redis.StartAsync();
        var deadline = Stopwatch.StartNew();
        ApiResponse accepted;
        do
        {
            await Task.Delay(200);
            accepted = await admin.SendAsync(HttpMethod.Post, "/api/admin/reset_password", JsonContent.Create(new { id = student.Id }), csrf: false);
        }
        while (accepted.Error is not null && deadline.Elapsed < RecoverWithin);

        accepted.Ok();
        Assert.That((await AccountTestData.ReloadUserAsync(student.Id)).Password, Is.Not.EqualTo(student.Password));
    }

    [Test]
    public async Task During_an_outage_reads_are_at_most_seconds_old_and_this_instances_writes_show_at_once()
    {
        using var redis = new TestRedisServer();
        await redis.StartAsync();
        await using var factory = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, redis.ConnectionString);
        var root = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        await AccountTestData.UpdateUserAsync(root.Id, u => (u.OpenApi, u.OpenApiAppkey) = (true, "rootkey-rootkey-rootkey-rootkey0"));
        var admin = new ApiClient(factory);
        admin.Http.DefaultRequestHeaders.Add("APPKEY", "rootkey-rootkey-rootkey-rootkey0");
        var anonymous = new ApiClient(factory);
        (await anonymous.GetAsync("/api/announcement?limit=10&offset=0")).Ok();

        redis.Kill();
        async Task<string?> TitleAsync() =>
            (await anonymous.GetAsync($"/api/problem?problem_id={problem.DisplayId}")).Ok().GetProperty("title").GetString();
        for (var i = 0; i < 5; i++)
        {
            Assert.That(await TitleAsync(), Is.EqualTo(problem.Title));
        }

        // Changed behind the app's back: seen within the outage memo's lifetime.
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Problems.Where(p => p.Id == problem.Id)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.Title, "Renamed during the outage"));
        }

        var clock = Stopwatch.StartNew();
        while (await TitleAsync() != "Renamed during the outage")
        {
            Assert.That(clock.Elapsed, Is.LessThan(Services.Caching.OutageMemo.Lifetime + TimeSpan.FromSeconds(2)));
            await Task.Delay(200);
        }

        // Written through this instance: seen by the next read.
        Assert.That((await anonymous.GetAsync("/api/announcement?limit=10&offset=0")).Ok().GetProperty("total").GetInt32(), Is.Zero);
        (await admin.SendAsync(HttpMethod.Post, "/api/admin/announcement",
            JsonContent.Create(new { id = 0, title = "Outage", tag = "公告", content = "<p>x</p>", visible = true, top = false }), csrf: false)).Ok();
        Assert.That((await anonymous.GetAsync("/api/announcement?limit=10&offset=0")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(1));
    }

    private async Task<(ApiClient Alice, ApiClient Bob, ApiClient Anonymous)> BrowsersAsync(OnlineJudgeWebFactory factory)
    {
        var alice = new ApiClient(factory);
        await alice.LoginAsync(await new UserBuilder().WithUsername("alice").BuildAsync());
        var bob = new ApiClient(factory);
        await bob.LoginAsync(await new UserBuilder().WithUsername("bob").BuildAsync());
        return (alice, bob, new ApiClient(factory));
    }

    private async Task WarmUpAsync(ApiClient alice, ApiClient bob, ApiClient anonymous)
    {
        await AssertServedAsync(alice, bob, anonymous, sessionsReachable: true);
        warm = true;
        await AssertServedAsync(alice, bob, anonymous, sessionsReachable: true);
    }

    /// <summary>Keeps browsing for <paramref name="duration"/>: every answer in time, right, and nobody seen as someone else.</summary>
    private async Task AssertServedForAsync(TimeSpan duration, ApiClient alice, ApiClient? bob, ApiClient anonymous)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (clock.Elapsed < duration)
        {
            await AssertServedAsync(alice, bob, anonymous, sessionsReachable: false);
            rounds++;
        }

        Assert.That(rounds, Is.GreaterThan(3), "requests kept being answered");
    }

    private async Task AssertServedAsync(ApiClient alice, ApiClient? bob, ApiClient anonymous, bool sessionsReachable)
    {
        var detail = (await TimedGetAsync(anonymous, $"/api/problem?problem_id={problem.DisplayId}")).Ok();
        Assert.That(detail.GetProperty("title").GetString(), Is.EqualTo(problem.Title));
        var contests = (await TimedGetAsync(anonymous, "/api/contests?limit=10&offset=0")).Ok();
        Assert.That(contests.GetProperty("results")[0].GetProperty("id").GetInt32(), Is.EqualTo(contest.Id));
        (await TimedGetAsync(anonymous, "/api/problem?limit=10&offset=0")).Ok();
        (await TimedGetAsync(anonymous, "/api/website")).Ok();
        await AssertSelfOrAnonymousAsync(alice, "alice", sessionsReachable);
        if (bob is not null)
        {
            await AssertSelfOrAnonymousAsync(bob, "bob", sessionsReachable);
        }
    }

    private async Task AssertSelfOrAnonymousAsync(ApiClient client, string username, bool mustBeSelf)
    {
        var profile = (await TimedGetAsync(client, "/api/profile")).Ok();
        if (mustBeSelf || profile.ValueKind != System.Text.Json.JsonValueKind.Null)
        {
            Assert.That(profile.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo(username));
        }
    }

    /// <summary>Within <see cref="RecoverWithin"/>, sessions work again and the cache is written again, with no help.</summary>
    private async Task AssertRecoversAsync(ApiClient alice, ApiClient bob, ApiClient anonymous)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var profile = (await TimedGetAsync(alice, "/api/profile")).Ok();
            if (profile.ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                break;
            }

            Assert.That(clock.Elapsed, Is.LessThan(RecoverWithin), "sessions are read again after Redis came back");
            await AssertServedAsync(alice, bob, anonymous, sessionsReachable: false);
        }

        await AssertServedAsync(alice, bob, anonymous, sessionsReachable: true);

        // The cache is written again: a value removed behind the app's back comes back with the next read.
        var redis = alice.Factory.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        await redis.KeyDeleteAsync(OnlineJudge.Services.Caching.CacheKeys.WebsiteConfig);
        (await TimedGetAsync(anonymous, "/api/website")).Ok();
        Assert.That(await redis.KeyExistsAsync(OnlineJudge.Services.Caching.CacheKeys.WebsiteConfig), Is.True);
    }

    private async Task<ApiResponse> TimedGetAsync(ApiClient client, string url)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync(url);
        if (warm)
        {
            Assert.That(clock.Elapsed, Is.LessThan(AnswerWithin), $"{url} answered in {clock.ElapsedMilliseconds} ms");
        }

        return response;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Sessions;
using StackExchange.Redis;

namespace OnlineJudge.Tests.Platform;

/// <summary>platform.md §9.1 and §10.3.</summary>
public class SessionTests : IntegrationTest
{
    [Test]
    public async Task Authenticated_requests_slide_the_session_expiry_and_reissue_the_cookie()
    {
        var user = await new UserBuilder().BuildAsync();
        var key = await Client.LoginAsync(user);
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await redis.KeyExpireAsync("session:" + key, TimeSpan.FromSeconds(100));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/_probe/login");
        request.Headers.Add("X-Real-IP", "10.1.2.3");
        request.Headers.Add("User-Agent", "probe/1.0");
        using var response = await Client.Http.SendAsync(request);

        var ttl = await redis.KeyTimeToLiveAsync("session:" + key);
        var setCookie = string.Join("\n", response.Headers.GetValues("Set-Cookie"));
        var session = await TestEnvironment.Factory.Services.GetRequiredService<SessionStore>().LoadAsync(key);
        Assert.Multiple(() =>
        {
            Assert.That(ttl, Is.GreaterThan(TimeSpan.FromDays(13)));
            Assert.That(setCookie, Does.Contain($"sessionid={key}").And.Contain("max-age=1209600").And.Contain("httponly").IgnoreCase);
            Assert.That(setCookie, Does.Contain("samesite=lax").IgnoreCase);
            Assert.That(session!.Ip, Is.EqualTo("10.1.2.3"));
            Assert.That(session.UserAgent, Is.EqualTo("probe/1.0"));
            Assert.That(session.LastActivity, Is.Not.Null);
        });
    }

    [Test]
    public async Task A_password_change_logs_the_user_out_everywhere()
    {
        var user = await new UserBuilder().BuildAsync();
        var key = await Client.LoginAsync(user);
        var other = NewClient();
        await other.LoginAsync(user);
        (await Client.GetAsync("/api/_probe/login")).Ok();

        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Password, "pbkdf2_sha256$1000$new$hash"));
        }

        // A write straight to the database must drop the user's cached auth snapshot, as the app's own writes do
        // (AuthSnapshotTests covers each of those through HTTP).
        await TestEnvironment.Factory.Services.GetRequiredService<UserAuthCache>().InvalidateAsync([user.Id]);

        (await Client.GetAsync("/api/_probe/login")).AssertError("permission-denied", "Please login first");
        (await other.GetAsync("/api/_probe/login")).AssertError("permission-denied", "Please login first");
        Assert.That(await TestEnvironment.Factory.Services.GetRequiredService<SessionStore>().LoadAsync(key), Is.Null);
    }

    [Test]
    public async Task Sessions_of_deleted_users_are_discarded()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync();
        }

        (await Client.GetAsync("/api/_probe/login")).AssertError("permission-denied", "Please login first");
    }

    [TestCase("nonsense")]
    [TestCase("abcdefghijklmnopqrstuvwxyz012345")]
    public async Task Unknown_or_malformed_session_keys_are_anonymous(string key)
    {
        Client.SetCookie("sessionid", key);
        (await Client.GetAsync("/api/_probe/login")).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Sessions_are_listed_per_user()
    {
        var user = await new UserBuilder().BuildAsync();
        var first = await Client.LoginAsync(user);
        var second = await NewClient().LoginAsync(user);
        var sessions = await TestEnvironment.Factory.Services.GetRequiredService<SessionStore>().ListAsync(user.Id);
        Assert.That(sessions.Select(s => s.Key), Is.EquivalentTo(new[] { first, second }));
    }
}

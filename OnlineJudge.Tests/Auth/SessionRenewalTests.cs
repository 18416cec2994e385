using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Services.Sessions;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;
using StackExchange.Redis;

namespace OnlineJudge.Tests.Auth;

/// <summary>A session is rewritten when its IP or user agent changes or a minute passed, not on every request.</summary>
public class SessionRenewalTests : IntegrationTest
{
    [Test]
    public async Task Requests_within_a_minute_from_the_same_browser_do_not_rewrite_the_session()
    {
        var key = await Client.LoginAsync(await new UserBuilder().BuildAsync());
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var sessions = TestEnvironment.Factory.Services.GetRequiredService<SessionStore>();
        await SendAsync("agent/1");
        var recorded = (await sessions.LoadAsync(key))!;

        await redis.KeyExpireAsync("session:" + key, TimeSpan.FromSeconds(100));
        var cookie = await SendAsync("agent/1");
        Assert.Multiple(async () =>
        {
            Assert.That(await redis.KeyTimeToLiveAsync("session:" + key), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(100)));
            Assert.That((await sessions.LoadAsync(key))!.LastActivity, Is.EqualTo(recorded.LastActivity));
            Assert.That(cookie, Does.Contain($"sessionid={key}").And.Contain("max-age=1209600"), "the cookie is re-issued anyway");
        });

        await SendAsync("agent/2");
        Assert.Multiple(async () =>
        {
            Assert.That(await redis.KeyTimeToLiveAsync("session:" + key), Is.GreaterThan(TimeSpan.FromDays(13)));
            Assert.That((await sessions.LoadAsync(key))!.UserAgent, Is.EqualTo("agent/2"));
        });
    }

    private async Task<string> SendAsync(string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/_probe/login");
        request.Headers.Add("User-Agent", userAgent);
        using var response = await Client.Http.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return string.Join("\n", response.Headers.GetValues("Set-Cookie"));
    }
}

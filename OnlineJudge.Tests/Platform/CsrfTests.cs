namespace OnlineJudge.Tests.Platform;

/// <summary>platform.md §9.2 and §9.3.</summary>
public class CsrfTests : IntegrationTest
{
    [Test]
    public async Task Matching_cookie_and_header_pass()
    {
        (await Client.PostJsonAsync("/api/_probe/echo", new { a = 1 })).Ok();
    }

    [Test]
    public async Task Missing_token_is_a_403_page()
    {
        var response = await Client.PostJsonAsync("/api/_probe/echo", new { a = 1 }, csrf: false);
        AssertForbidden(response);
    }

    [Test]
    public async Task Mismatched_token_is_a_403_page()
    {
        Client.EnsureCsrfToken();
        var response = await Client.SendAsync(HttpMethod.Post, "/api/_probe/echo", JsonBody(), csrf: false,
            request => request.Headers.Add("X-CSRFToken", "0123456789abcdef0123456789abcdef"));
        AssertForbidden(response);
    }

    [Test]
    public async Task Header_without_cookie_is_a_403_page()
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/api/_probe/echo", JsonBody(), csrf: false,
            request => request.Headers.Add("X-CSRFToken", "0123456789abcdef0123456789abcdef"));
        AssertForbidden(response);
    }

    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Other_unsafe_methods_are_checked(string method)
    {
        AssertForbidden(await Client.SendAsync(new HttpMethod(method), "/api/_probe/echo", JsonBody(), csrf: false));
        Assert.That((await Client.SendAsync(new HttpMethod(method), "/api/_probe/echo", JsonBody())).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Get_is_never_checked()
    {
        (await Client.GetAsync("/api/_probe/items")).Ok();
    }

    [Test]
    public async Task Foreign_origin_is_refused_and_own_or_trusted_origins_pass()
    {
        AssertForbidden(await Client.SendAsync(HttpMethod.Post, "/api/_probe/echo", JsonBody(), configure: r => r.Headers.Add("Origin", "https://evil.example")));
        (await Client.SendAsync(HttpMethod.Post, "/api/_probe/echo", JsonBody(), configure: r => r.Headers.Add("Origin", "http://localhost"))).Ok();
        (await Client.SendAsync(HttpMethod.Post, "/api/_probe/echo", JsonBody(), configure: r => r.Headers.Add("Origin", "https://oj.example.edu"))).Ok();
    }

    [Test]
    public async Task Api_key_requests_are_authenticated_and_exempt()
    {
        var user = await new UserBuilder().WithUsername("robot").BuildAsync();
        await SetAppKeyAsync(user.Id, "k".PadRight(32, '1'), openApi: true);

        var response = await Client.SendAsync(HttpMethod.Post, "/api/_probe/login", JsonBody(), csrf: false,
            request => request.Headers.Add("APPKEY", "k".PadRight(32, '1')));
        Assert.That(response.Ok().GetString(), Is.EqualTo("robot"));
        Assert.That(response.Message.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sessionid", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task Api_keys_of_closed_or_disabled_accounts_are_ignored()
    {
        var closed = await new UserBuilder().BuildAsync();
        await SetAppKeyAsync(closed.Id, "closedkey", openApi: false);
        var disabled = await new UserBuilder().Disabled().BuildAsync();
        await SetAppKeyAsync(disabled.Id, "disabledkey", openApi: true);

        foreach (var key in new[] { "closedkey", "disabledkey", "unknownkey" })
        {
            var response = await Client.SendAsync(HttpMethod.Get, "/api/_probe/login", null, csrf: false, request => request.Headers.Add("APPKEY", key));
            response.AssertError("permission-denied", "Please login first");
        }
    }

    private static async Task SetAppKeyAsync(int userId, string key, bool openApi)
    {
        await using var db = TestEnvironment.CreateDbContext();
        var user = await db.Users.FindAsync(userId);
        user!.OpenApi = openApi;
        user.OpenApiAppkey = key;
        db.Users.Update(user);
        await db.SaveChangesAsync();
    }

    private static StringContent JsonBody() => new("{}", System.Text.Encoding.UTF8, "application/json");

    private static void AssertForbidden(ApiResponse response)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(response.Body, Does.Contain("CSRF verification failed. Request aborted."));
        });
    }
}

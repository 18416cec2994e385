using OnlineJudge.Services.Account;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Tests.Account;

/// <summary>account.md A1 (login) and A2 (logout), through HTTP, then using the session they create.</summary>
public class LoginTests : IntegrationTest
{
    private static SessionStore Sessions => TestEnvironment.Factory.Services.GetRequiredService<SessionStore>();

    [Test]
    public async Task Login_creates_a_session_that_authenticates_later_requests()
    {
        var user = await new UserBuilder().WithUsername("alice").WithPassword("secret123").BuildAsync();
        var lastLogin = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await AccountTestData.UpdateUserAsync(user.Id, u => u.LastLogin = lastLogin);
        (await Client.GetAsync("/api/profile")).Ok();
        var csrfBefore = Client.Cookie("csrftoken");

        var response = await Client.PostJsonAsync("/api/login", new { username = "alice", password = "secret123" });

        Assert.That(response.Ok().GetString(), Is.EqualTo("Succeeded"));
        var key = Client.Cookie("sessionid");
        var setCookie = string.Join("\n", response.Message.Headers.GetValues("Set-Cookie"));
        Assert.Multiple(() =>
        {
            Assert.That(key, Is.Not.Null);
            Assert.That(setCookie, Does.Contain("httponly").IgnoreCase.And.Contain("max-age=1209600").IgnoreCase);
            Assert.That(Client.Cookie("csrftoken"), Is.Not.Null.And.Not.EqualTo(csrfBefore), "CSRF token rotated");
        });

        var profile = (await Client.GetAsync("/api/profile")).Ok();
        Assert.That(profile.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("alice"));
        (await Client.PutJsonAsync("/api/profile", new { mood = "happy" })).Ok();

        var session = await Sessions.LoadAsync(key!);
        var stored = await AccountTestData.ReloadUserAsync(user.Id);
        Assert.Multiple(() =>
        {
            Assert.That(session!.UserId, Is.EqualTo(user.Id));
            Assert.That(session.AuthHash, Is.EqualTo(SessionStore.AuthHashOf(stored.Password)));
            Assert.That(session.PrevLogin, Is.EqualTo(lastLogin));
            Assert.That(stored.LastLogin, Is.Not.Null.And.GreaterThan(lastLogin));
            Assert.That(stored.Profile!.Mood, Is.EqualTo("happy"));
        });
    }

    [Test]
    public async Task Login_matches_the_username_case_insensitively_and_replaces_the_previous_session()
    {
        var user = await new UserBuilder().WithUsername("ks251Bob").WithPassword("secret123").BuildAsync();
        var oldKey = await Client.LoginAsync(user);

        (await Client.LoginThroughApiAsync("KS251bob", "secret123")).Ok();

        var newKey = Client.Cookie("sessionid");
        Assert.Multiple(async () =>
        {
            Assert.That(newKey, Is.Not.EqualTo(oldKey));
            Assert.That(await Sessions.LoadAsync(oldKey), Is.Null, "old session ended");
            Assert.That(await Sessions.LoadAsync(newKey!), Is.Not.Null);
        });
    }

    [Test]
    public async Task A_weaker_hash_is_upgraded_at_login_and_the_session_stays_valid()
    {
        var user = await new UserBuilder().WithUsername("old").BuildAsync();
        await AccountTestData.UpdateUserAsync(user.Id, u => u.Password = PasswordHasher.Hash("legacy-pass", "oldsalt", 100));

        (await Client.LoginThroughApiAsync("old", "legacy-pass")).Ok();

        var stored = await AccountTestData.ReloadUserAsync(user.Id);
        Assert.That(stored.Password, Does.StartWith($"pbkdf2_sha256${OnlineJudgeWebFactory.TestPasswordIterations}$"));
        Assert.That(PasswordHasher.Verify("legacy-pass", stored.Password), Is.True);
        (await Client.GetAsync("/api/sessions")).Ok();
    }

    [Test]
    public async Task Wrong_credentials_and_disabled_accounts_are_refused()
    {
        await new UserBuilder().WithUsername("carol").WithPassword("secret123").BuildAsync();
        await new UserBuilder().WithUsername("dave").WithPassword("secret123").Disabled().BuildAsync();

        (await Client.LoginThroughApiAsync("carol", "wrong-pass")).AssertError("error", "Invalid username or password");
        (await Client.PostJsonAsync("/api/login", new { username = "nobody", password = "secret123" }))
            .AssertError("error", "Invalid username or password");
        (await Client.PostJsonAsync("/api/login", new { username = "dave", password = "secret123" }))
            .AssertError("error", "Your account has been disabled");
        (await Client.PostJsonAsync("/api/login", new { username = "dave", password = "bad-pass" }))
            .AssertError("error", "Invalid username or password");
        Assert.That(Client.Cookie("sessionid"), Is.Null);
    }

    [Test]
    public async Task Login_validates_its_fields()
    {
        (await Client.PostJsonAsync("/api/login", new { password = "x" })).AssertError("invalid-username", "username: This field is required.");
        (await Client.PostJsonAsync("/api/login", new { username = "  ", password = "x" }))
            .AssertError("invalid-username", "username: This field may not be blank.");
        (await Client.PostJsonAsync("/api/login", new { username = "a" })).AssertError("invalid-password", "password: This field is required.");
    }

    [Test]
    public async Task Login_needs_the_csrf_token()
    {
        await new UserBuilder().WithUsername("erin").WithPassword("secret123").BuildAsync();
        var response = await Client.PostJsonAsync("/api/login", new { username = "erin", password = "secret123" }, csrf: false);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Logout_ends_the_session_and_expires_the_cookie()
    {
        var user = await new UserBuilder().WithUsername("frank").WithPassword("secret123").BuildAsync();
        (await Client.LoginThroughApiAsync("frank", "secret123")).Ok();
        var key = Client.Cookie("sessionid")!;

        var response = await Client.GetAsync("/api/logout");

        Assert.That(response.Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.Multiple(async () =>
        {
            Assert.That(Client.Cookie("sessionid"), Is.Null);
            Assert.That(await Sessions.LoadAsync(key), Is.Null);
            Assert.That((await Sessions.ListAsync(user.Id)).Select(s => s.Key), Does.Not.Contain(key));
        });
        Assert.That((await Client.GetAsync("/api/profile")).Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));

        // A stolen copy of the old cookie no longer works either.
        var other = NewClient();
        other.SetCookie("sessionid", key);
        Assert.That((await other.GetAsync("/api/profile")).Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task Logout_works_when_not_logged_in()
    {
        Assert.That((await Client.GetAsync("/api/logout")).Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task Several_browsers_keep_separate_sessions()
    {
        await new UserBuilder().WithUsername("gina").WithPassword("secret123").BuildAsync();
        var laptop = NewClient();
        (await Client.LoginThroughApiAsync("gina", "secret123")).Ok();
        (await laptop.LoginThroughApiAsync("gina", "secret123")).Ok();
        (await laptop.GetAsync("/api/logout")).Ok();

        Assert.That((await Client.GetAsync("/api/profile")).Ok().GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("gina"));
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(1));
    }
}

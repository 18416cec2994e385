using System.Net.Http.Json;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Sessions;
using SkiaSharp;
using StackExchange.Redis;

namespace OnlineJudge.Tests.Account;

/// <summary>account.md C1–C8 and C11 (captcha, utils.md §3).</summary>
public class AccountLegacyTests : IntegrationTest
{
    private static SessionStore Sessions => TestEnvironment.Factory.Services.GetRequiredService<SessionStore>();

    [Test]
    public async Task Changing_the_password_logs_out_every_session_and_the_new_one_works()
    {
        var user = await new UserBuilder().WithUsername("hank").WithPassword("old-pass").BuildAsync();
        await AccountTestData.UpdateUserAsync(user.Id, u => u.RawPassword = "admin-set-cipher");
        var phone = NewClient();
        await phone.LoginAsync(user);
        (await Client.LoginThroughApiAsync("hank", "old-pass")).Ok();

        (await Client.PostJsonAsync("/api/change_password", new { old_password = "old-pass", new_password = "new-pass" })).Ok();

        (await Client.GetAsync("/api/sessions")).AssertError("permission-denied", "Please login first");
        (await phone.GetAsync("/api/sessions")).AssertError("permission-denied", "Please login first");
        var stored = await AccountTestData.ReloadUserAsync(user.Id);
        Assert.Multiple(() =>
        {
            Assert.That(PasswordHasher.Verify("new-pass", stored.Password), Is.True);
            Assert.That(stored.RawPassword, Is.Null);
        });
        (await Client.LoginThroughApiAsync("hank", "old-pass")).AssertError("error", "Invalid username or password");
        (await Client.LoginThroughApiAsync("hank", "new-pass")).Ok();
    }

    [Test]
    public async Task Change_password_validates_first_then_needs_login()
    {
        (await Client.PostJsonAsync("/api/change_password", new { old_password = "x" }))
            .AssertError("invalid-new_password", "new_password: This field is required.");
        (await Client.PostJsonAsync("/api/change_password", new { old_password = "x", new_password = "12345" }))
            .AssertError("invalid-new_password", "new_password: Ensure this field has at least 6 characters.");
        (await Client.PostJsonAsync("/api/change_password", new { old_password = "x", new_password = "123456" }))
            .AssertError("permission-denied", "Please login first");
        var disabled = await new UserBuilder().Disabled().BuildAsync();
        await Client.LoginAsync(disabled);
        (await Client.PostJsonAsync("/api/change_password", new { old_password = "x", new_password = "123456" }))
            .AssertError("permission-denied", "Your account is disabled");
    }

    [Test]
    public async Task Change_password_refuses_a_wrong_old_password()
    {
        var user = await new UserBuilder().WithPassword("old-pass").BuildAsync();
        await Client.LoginAsync(user);
        (await Client.PostJsonAsync("/api/change_password", new { old_password = "nope-nope", new_password = "new-pass" }))
            .AssertError("error", "Invalid old password");
        (await Client.GetAsync("/api/sessions")).Ok();
    }

    [Test]
    public async Task Change_email_checks_password_and_uniqueness()
    {
        var user = await new UserBuilder().WithPassword("pass123").WithEmail("me@example.com").BuildAsync();
        await new UserBuilder().WithEmail("taken@example.com").BuildAsync();
        await Client.LoginAsync(user);

        (await Client.PostJsonAsync("/api/change_email", new { password = "wrong1", new_email = "new@example.com" }))
            .AssertError("error", "Wrong password");
        (await Client.PostJsonAsync("/api/change_email", new { password = "pass123", new_email = "Taken@Example.com" }))
            .AssertError("error", "The email is owned by other account");
        (await Client.PostJsonAsync("/api/change_email", new { password = "pass123", new_email = "New@Example.com" })).Ok();

        Assert.That((await AccountTestData.ReloadUserAsync(user.Id)).Email, Is.EqualTo("new@example.com"));
        (await Client.GetAsync("/api/sessions")).Ok();
    }

    [Test]
    public async Task Change_email_validates_first_then_needs_login()
    {
        (await Client.PostJsonAsync("/api/change_email", new { password = "x", new_email = "bad" }))
            .AssertError("invalid-new_email", "new_email: Enter a valid email address.");
        (await Client.PostJsonAsync("/api/change_email", new { password = "x", new_email = new string('a', 60) + "@example.com" }))
            .AssertError("invalid-new_email", "new_email: Ensure this field has no more than 64 characters.");
        (await Client.PostJsonAsync("/api/change_email", new { password = "x", new_email = "a@example.com" }))
            .AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Sessions_list_shows_the_callers_sessions_and_marks_the_current_one()
    {
        var user = await new UserBuilder().WithUsername("ivy").WithPassword("secret123").BuildAsync();
        var other = await new UserBuilder().BuildAsync();
        var otherKey = await NewClient().LoginAsync(other);
        var phone = NewClient();
        (await phone.LoginThroughApiAsync("ivy", "secret123")).Ok();
        (await Client.LoginThroughApiAsync("ivy", "secret123")).Ok();

        var data = (await Client.GetAsync("/api/sessions")).Ok();

        Assert.That(data.GetArrayLength(), Is.EqualTo(2));
        var current = data.EnumerateArray().Single(s => s.TryGetProperty("current_session", out _));
        var rest = data.EnumerateArray().Single(s => !s.TryGetProperty("current_session", out _));
        Assert.Multiple(() =>
        {
            Assert.That(current.GetProperty("current_session").GetBoolean(), Is.True);
            Assert.That(current.GetProperty("session_key").GetString(), Is.EqualTo(Client.Cookie("sessionid")));
            Assert.That(rest.GetProperty("session_key").GetString(), Is.EqualTo(phone.Cookie("sessionid")));
            Assert.That(current.GetProperty("last_activity").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT[\d:.]+Z$"));
            Assert.That(current.GetProperty("ip").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(current.TryGetProperty("user_agent", out _), Is.True);
            Assert.That(data.EnumerateArray().Select(s => s.GetProperty("session_key").GetString()), Does.Not.Contain(otherKey));
        });
    }

    [Test]
    public async Task Deleting_a_session_logs_that_browser_out()
    {
        var user = await new UserBuilder().WithUsername("jack").WithPassword("secret123").BuildAsync();
        var phone = NewClient();
        (await phone.LoginThroughApiAsync("jack", "secret123")).Ok();
        await Client.LoginAsync(user);
        var phoneKey = phone.Cookie("sessionid");

        (await Client.DeleteAsync($"/api/sessions?session_key={phoneKey}")).Ok();

        (await phone.GetAsync("/api/sessions")).AssertError("permission-denied", "Please login first");
        (await Client.GetAsync("/api/sessions")).Ok();
    }

    [Test]
    public async Task Deleting_a_session_checks_the_key()
    {
        var user = await new UserBuilder().BuildAsync();
        var other = await new UserBuilder().BuildAsync();
        var otherKey = await NewClient().LoginAsync(other);
        await Client.LoginAsync(user);

        (await Client.DeleteAsync("/api/sessions")).AssertError("error", "Parameter Error");
        (await Client.DeleteAsync("/api/sessions?session_key=")).AssertError("error", "Parameter Error");
        (await Client.DeleteAsync($"/api/sessions?session_key={otherKey}")).AssertError("error", "Invalid session_key");
        Assert.That(await Sessions.LoadAsync(otherKey), Is.Not.Null, "someone else's session is left alone");
    }

    [Test]
    public async Task Sessions_need_login()
    {
        (await Client.GetAsync("/api/sessions")).AssertError("permission-denied", "Please login first");
        (await Client.DeleteAsync("/api/sessions?session_key=x")).AssertError("permission-denied", "Please login first");
        var disabled = await new UserBuilder().Disabled().BuildAsync();
        await Client.LoginAsync(disabled);
        (await Client.GetAsync("/api/sessions")).AssertError("permission-denied", "Your account is disabled");
    }

    [Test]
    public async Task Open_api_appkey_is_issued_only_when_open_api_is_on_and_authenticates()
    {
        var user = await new UserBuilder().WithUsername("api-user").BuildAsync();
        await Client.LoginAsync(user);
        (await Client.PostJsonAsync("/api/open_api_appkey", new { })).AssertError("error", "OpenAPI function is truned off for you");

        await AccountTestData.UpdateUserAsync(user.Id, u => u.OpenApi = true);
        var key = (await Client.PostJsonAsync("/api/open_api_appkey", new { })).Ok().GetProperty("appkey").GetString()!;

        Assert.That(key, Does.Match("^[1-9a-f][0-9a-f]{31}$"));
        Assert.That((await AccountTestData.ReloadUserAsync(user.Id)).OpenApiAppkey, Is.EqualTo(key));
        var script = NewClient();
        var profile = await script.SendAsync(HttpMethod.Get, "/api/profile", null, csrf: false, r => r.Headers.Add("APPKEY", key));
        Assert.That(profile.Ok().GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("api-user"));
        (await NewClient().PostJsonAsync("/api/open_api_appkey", new { })).AssertError("permission-denied", "Please login first");
    }

    [TestCase("GET")]
    [TestCase("POST")]
    public async Task Sso_is_not_served(string method)
    {
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        var response = await Client.SendAsync(new HttpMethod(method), "/api/sso", method == "POST" ? JsonContent.Create(new { token = "x" }) : null);
        Assert.That(response.Status, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Captcha_is_a_png_data_url_whose_code_is_kept_for_sixty_seconds()
    {
        var data = (await Client.GetAsync("/api/captcha")).Ok().GetString()!;

        Assert.That(data, Does.StartWith("data:image/png;base64,"));
        using var bitmap = SKBitmap.Decode(Convert.FromBase64String(data["data:image/png;base64,".Length..]));
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((90, 30)));
        var id = Client.Cookie("captcha");
        Assert.That(id, Is.Not.Null, "the captcha cookie is sent with /api requests");
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var code = (string?)await redis.StringGetAsync("captcha:" + id);
        var ttl = await redis.KeyTimeToLiveAsync("captcha:" + id);
        Assert.Multiple(() =>
        {
            Assert.That(code, Has.Length.EqualTo(4));
            Assert.That(code!.All(c => CaptchaService.Alphabet.Contains(c, StringComparison.Ordinal)), Is.True);
            Assert.That(ttl, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(60)).And.GreaterThan(TimeSpan.FromSeconds(50)));
        });

        (await Client.GetAsync("/api/captcha")).Ok();
        Assert.That(await redis.KeyExistsAsync("captcha:" + id), Is.False, "a new captcha replaces the previous one");
    }

    [Test]
    public void Every_captcha_character_has_a_glyph()
    {
        foreach (var c in CaptchaService.Alphabet)
        {
            Assert.That(() => CaptchaService.Render(new string(c, 4)), Throws.Nothing, c.ToString());
        }
    }
}

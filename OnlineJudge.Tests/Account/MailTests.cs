using OnlineJudge.Services.Account;
using StackExchange.Redis;

namespace OnlineJudge.Tests.Account;

/// <summary>
/// conf.md legacy SMTP endpoints and account.md C12/C13 (password reset by e-mail), talking SMTP to a real in-process
/// server.
/// </summary>
public class MailTests : IntegrationTest
{
    private TestSmtpServer smtp = null!;

    [SetUp]
    public void StartSmtp() => smtp = TestSmtpServer.Start();

    [TearDown]
    public async Task StopSmtpAsync() => await smtp.DisposeAsync();

    [Test]
    public async Task Smtp_config_is_stored_shown_without_password_and_edited()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(admin);
        Assert.That((await Client.GetAsync("/api/admin/smtp")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));

        (await Client.PostJsonAsync("/api/admin/smtp", new { server = "smtp.example.com", port = 587, email = "oj@example.com", password = "pw", tls = true })).Ok();
        var shown = (await Client.GetAsync("/api/admin/smtp")).Ok();
        Assert.That(shown.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "server", "port", "email", "tls" }));
        Assert.Multiple(() =>
        {
            Assert.That(shown.GetProperty("server").GetString(), Is.EqualTo("smtp.example.com"));
            Assert.That(shown.GetProperty("port").GetInt32(), Is.EqualTo(587));
            Assert.That(shown.GetProperty("email").GetString(), Is.EqualTo("oj@example.com"));
            Assert.That(shown.GetProperty("tls").GetBoolean(), Is.True);
        });

        (await Client.PutJsonAsync("/api/admin/smtp", new { server = "mail.example.com", email = "oj2@example.com", tls = false })).Ok();
        var stored = await StoredConfigAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("server").GetString(), Is.EqualTo("mail.example.com"));
            Assert.That(stored.GetProperty("port").GetInt32(), Is.EqualTo(25), "port defaults to 25");
            Assert.That(stored.GetProperty("password").GetString(), Is.EqualTo("pw"), "password kept when not sent");
        });

        (await Client.PutJsonAsync("/api/admin/smtp", new { server = "mail.example.com", port = 2525, email = "oj2@example.com", password = "new", tls = false })).Ok();
        Assert.That((await StoredConfigAsync()).GetProperty("password").GetString(), Is.EqualTo("new"));
    }

    [Test]
    public async Task Smtp_config_validation()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(admin);
        (await Client.PostJsonAsync("/api/admin/smtp", new { server = "s", email = "e", tls = true }))
            .AssertError("invalid-password", "password: This field is required.");
        (await Client.PostJsonAsync("/api/admin/smtp", new { server = new string('s', 129), email = "e", password = "p", tls = true }))
            .AssertError("invalid-server", "server: Ensure this field has no more than 128 characters.");
        (await Client.PutJsonAsync("/api/admin/smtp", new { server = "s", email = "e", port = "x", tls = true }))
            .AssertError("invalid-port", "port: A valid integer is required.");
        (await Client.PutJsonAsync("/api/admin/smtp", new { server = "s", email = "e" })).AssertError("invalid-tls", "tls: This field is required.");
        (await Client.PostJsonAsync("/api/admin/smtp_test", new { email = "nope" })).AssertError("invalid-email", "email: Enter a valid email address.");
    }

    [Test]
    public async Task Smtp_endpoints_are_for_super_admins()
    {
        foreach (var (method, url) in new[] { (HttpMethod.Get, "/api/admin/smtp"), (HttpMethod.Post, "/api/admin/smtp"), (HttpMethod.Put, "/api/admin/smtp"), (HttpMethod.Post, "/api/admin/smtp_test") })
        {
            var anonymous = NewClient();
            (await anonymous.SendAsync(method, url, System.Net.Http.Json.JsonContent.Create(new { })))
                .AssertError("login-required", "Please login in first");
            var regular = NewClient();
            await regular.LoginAsync(await new UserBuilder().BuildAsync());
            (await regular.SendAsync(method, url, System.Net.Http.Json.JsonContent.Create(new { })))
                .AssertError("login-required", "Please login in first");
            foreach (var builder in new[] { new UserBuilder().AsStudentAdmin(), new UserBuilder().AsTeacherAdmin() })
            {
                var admin = NewClient();
                await admin.LoginAsync(await builder.BuildAsync());
                (await admin.SendAsync(method, url, System.Net.Http.Json.JsonContent.Create(new { })))
                    .AssertError("permission-denied", "Please login first");
            }

            var disabled = NewClient();
            await disabled.LoginAsync(await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync());
            (await disabled.SendAsync(method, url, System.Net.Http.Json.JsonContent.Create(new { })))
                .AssertError("permission-denied", "Your account is disabled");
        }
    }

    [Test]
    public async Task Test_mail_is_sent_through_the_configured_server()
    {
        var admin = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(admin);
        (await Client.PostJsonAsync("/api/admin/smtp_test", new { email = "dest@example.com" })).AssertError("error", "Please setup SMTP config at first");

        await ConfigureSmtpAsync();
        (await Client.PostJsonAsync("/api/admin/smtp_test", new { email = "dest@example.com" })).Ok();

        Assert.That(smtp.Messages.TryDequeue(out var message), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(message!.Subject, Is.EqualTo("You have successfully configured SMTP"));
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("dest@example.com"));
            Assert.That(message.To.Mailboxes.Single().Name, Is.EqualTo("root"));
            Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("oj@example.com"));
            Assert.That(message.From.Mailboxes.Single().Name, Is.EqualTo("oj"));
            Assert.That(message.HtmlBody, Does.Contain("You have successfully configured SMTP"));
            Assert.That(smtp.Logins.Single(), Is.EqualTo(("oj@example.com", "smtp-pass")));
        });
    }

    [Test]
    public async Task A_refused_test_mail_answers_the_servers_text()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(admin);
        await ConfigureSmtpAsync();
        smtp.RefuseWith = "Mailbox quota exceeded";

        (await Client.PostJsonAsync("/api/admin/smtp_test", new { email = "dest@example.com" })).AssertError("error", "Mailbox quota exceeded");
    }

    [Test]
    public async Task An_unreachable_server_answers_an_error()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(admin);
        var port = smtp.Port;
        await smtp.DisposeAsync();
        smtp = TestSmtpServer.Start();
        (await Client.PostJsonAsync("/api/admin/smtp", new { server = "127.0.0.1", port, email = "oj@example.com", password = "p", tls = false })).Ok();

        var response = await Client.PostJsonAsync("/api/admin/smtp_test", new { email = "dest@example.com" });
        Assert.That(response.Error, Is.EqualTo("error"), response.Body);
        Assert.That(response.Data.GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Password_reset_by_email_round_trip()
    {
        await AccountTestData.SetOptionAsync("website_base_url", "https://oj.example.edu");
        await AccountTestData.SetOptionAsync("website_name", "School OJ");
        var user = await new UserBuilder().WithUsername("lost").WithEmail("Lost@Example.com").WithPassword("forgotten").BuildAsync();
        await AccountTestData.UpdateUserAsync(user.Id, u => u.RawPassword = "cipher");
        await ConfigureSmtpAsync();

        var apply = await Client.PostJsonAsync("/api/apply_reset_password", new { email = "lost@example.com", captcha = await CaptchaAsync(Client) });
        Assert.That(apply.Ok().GetString(), Is.EqualTo("Succeeded"));

        Assert.That(smtp.Messages.TryDequeue(out var message), Is.True);
        var stored = await AccountTestData.ReloadUserAsync(user.Id);
        var token = stored.ResetPasswordToken!;
        Assert.Multiple(() =>
        {
            Assert.That(token, Does.Match("^[1-9a-f][0-9a-f]{31}$"));
            Assert.That(stored.ResetPasswordTokenExpireTime, Is.EqualTo(DateTime.UtcNow.AddMinutes(20)).Within(TimeSpan.FromMinutes(1)));
            Assert.That(message!.Subject, Is.EqualTo("Reset your password"));
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("Lost@Example.com"));
            Assert.That(message.HtmlBody, Does.Contain($"https://oj.example.edu/reset-password/{token}"));
            Assert.That(message.HtmlBody, Does.Contain("Hello, lost:").And.Contain("School OJ"));
        });

        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "lost@example.com", captcha = await CaptchaAsync(Client) }))
            .AssertError("error", "You can only reset password once per 20 minutes");

        (await Client.PostJsonAsync("/api/reset_password", new { token, password = "brand-new", captcha = await CaptchaAsync(Client) })).Ok();

        stored = await AccountTestData.ReloadUserAsync(user.Id);
        Assert.Multiple(() =>
        {
            Assert.That(PasswordHasher.Verify("brand-new", stored.Password), Is.True);
            Assert.That(stored.RawPassword, Is.Null);
            Assert.That(stored.ResetPasswordToken, Is.Null);
        });
        (await Client.PostJsonAsync("/api/reset_password", new { token, password = "again-new", captcha = await CaptchaAsync(Client) }))
            .AssertError("error", "Token does not exist");
        (await Client.LoginThroughApiAsync("lost", "brand-new")).Ok();
    }

    [Test]
    public async Task Apply_reset_password_errors()
    {
        await ConfigureSmtpAsync();
        var user = await new UserBuilder().WithEmail("shared@example.com").BuildAsync();

        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "x" })).AssertError("invalid-email", "email: Enter a valid email address.");
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "a@example.com" })).AssertError("invalid-captcha", "captcha: This field is required.");
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "shared@example.com", captcha = "abcd" })).AssertError("error", "Invalid captcha");
        var code = await CaptchaAsync(Client);
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "shared@example.com", captcha = "zzzz" })).AssertError("error", "Invalid captcha");
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "shared@example.com", captcha = code }))
            .AssertError("error", "Invalid captcha");
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "nobody@example.com", captcha = (await CaptchaAsync(Client)).ToUpperInvariant() }))
            .AssertError("error", "User does not exist");

        await new UserBuilder().WithEmail("SHARED@example.com").BuildAsync();
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "shared@example.com", captcha = await CaptchaAsync(Client) }))
            .AssertError("error", "Several accounts use this email, please contact an administrator");

        await Client.LoginAsync(user);
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "shared@example.com", captcha = await CaptchaAsync(Client) }))
            .AssertError("error", "You have already logged in, are you kidding me? ");
        Assert.That(smtp.Messages, Is.Empty);
    }

    [Test]
    public async Task A_reset_mail_that_cannot_be_sent_withdraws_the_token()
    {
        var user = await new UserBuilder().WithEmail("lost@example.com").BuildAsync();
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "lost@example.com", captcha = await CaptchaAsync(Client) }))
            .AssertError("error", "Failed to send email, please try again later");
        Assert.That((await AccountTestData.ReloadUserAsync(user.Id)).ResetPasswordToken, Is.Null);

        await ConfigureSmtpAsync();
        smtp.RefuseWith = "no";
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "lost@example.com", captcha = await CaptchaAsync(Client) }))
            .AssertError("error", "Failed to send email, please try again later");

        smtp.RefuseWith = null;
        (await Client.PostJsonAsync("/api/apply_reset_password", new { email = "lost@example.com", captcha = await CaptchaAsync(Client) })).Ok();
    }

    [Test]
    public async Task Reset_password_errors()
    {
        var user = await new UserBuilder().BuildAsync();
        await AccountTestData.UpdateUserAsync(user.Id, u =>
        {
            u.ResetPasswordToken = "expiredtoken";
            u.ResetPasswordTokenExpireTime = DateTime.UtcNow.AddMinutes(-1);
        });

        (await Client.PostJsonAsync("/api/reset_password", new { token = "t", password = "12345", captcha = "x" }))
            .AssertError("invalid-password", "password: Ensure this field has at least 6 characters.");
        (await Client.PostJsonAsync("/api/reset_password", new { token = "t", password = "123456", captcha = "x" })).AssertError("error", "Invalid captcha");
        (await Client.PostJsonAsync("/api/reset_password", new { token = "unknown", password = "123456", captcha = await CaptchaAsync(Client) }))
            .AssertError("error", "Token does not exist");
        (await Client.PostJsonAsync("/api/reset_password", new { token = "expiredtoken", password = "123456", captcha = await CaptchaAsync(Client) }))
            .AssertError("error", "Token has expired");
        var stored = await AccountTestData.ReloadUserAsync(user.Id);
        Assert.That(stored.Password, Is.EqualTo(user.Password));
    }

    private async Task ConfigureSmtpAsync() =>
        await AccountTestData.SetOptionAsync("smtp_config", new { server = "127.0.0.1", port = smtp.Port, email = "oj@example.com", password = "smtp-pass", tls = false });

    private static async Task<JsonElement> StoredConfigAsync()
    {
        await using var db = TestEnvironment.CreateDbContext();
        return (await db.SysOptions.SingleAsync(o => o.Key == "smtp_config")).Value;
    }

    /// <summary>Asks for a captcha as a browser would and reads its code from Redis (the test plays the human).</summary>
    private static async Task<string> CaptchaAsync(ApiClient client)
    {
        (await client.GetAsync("/api/captcha")).Ok();
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        return (string)(await redis.StringGetAsync("captcha:" + client.Cookie("captcha")))!;
    }
}

namespace OnlineJudge.Tests.Account;

/// <summary>The self-service endpoints behind <c>login_required</c> work the same for every role, logged in through the API.</summary>
public class AccountPermissionTests : IntegrationTest
{
    private static readonly string[] LoginRequiredGets = ["/api/sessions", "/api/profile/fresh_display_id"];

    [TestCase("Regular User")]
    [TestCase("Student Admin")]
    [TestCase("Teacher Admin")]
    [TestCase("Super Admin")]
    public async Task Every_role_logs_in_and_uses_the_self_service_endpoints(string role)
    {
        var builder = new UserBuilder().WithUsername("someone").WithPassword("secret123");
        builder = role switch
        {
            "Student Admin" => builder.AsStudentAdmin(),
            "Teacher Admin" => builder.AsTeacherAdmin(),
            "Super Admin" => builder.AsSuperAdmin(),
            _ => builder,
        };
        await builder.BuildAsync();

        (await Client.LoginThroughApiAsync("someone", "secret123")).Ok();

        var profile = (await Client.GetAsync("/api/profile")).Ok();
        Assert.That(profile.GetProperty("user").GetProperty("admin_type").GetString(), Is.EqualTo(role));
        foreach (var url in LoginRequiredGets)
        {
            (await Client.GetAsync(url)).Ok();
        }

        (await Client.PutJsonAsync("/api/profile", new { mood = role })).Ok();
        (await Client.PostJsonAsync("/api/change_email", new { password = "secret123", new_email = "changed@example.com" })).Ok();
        (await Client.PostJsonAsync("/api/change_password", new { old_password = "secret123", new_password = "secret456" })).Ok();
        (await Client.GetAsync("/api/sessions")).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Anonymous_and_disabled_callers_are_stopped_by_login_required()
    {
        foreach (var url in LoginRequiredGets)
        {
            (await Client.GetAsync(url)).AssertError("permission-denied", "Please login first");
        }

        (await Client.PostJsonAsync("/api/open_api_appkey", new { })).AssertError("permission-denied", "Please login first");

        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync());
        foreach (var url in LoginRequiredGets)
        {
            (await disabled.GetAsync(url)).AssertError("permission-denied", "Your account is disabled");
        }

        (await disabled.PostJsonAsync("/api/open_api_appkey", new { })).AssertError("permission-denied", "Your account is disabled");
        (await disabled.GetAsync("/api/profile")).Ok();
    }

    [Test]
    public async Task Public_endpoints_answer_anonymous_callers()
    {
        (await Client.GetAsync("/api/captcha")).Ok();
        (await Client.GetAsync("/api/metrics?userid=1")).AssertError("error", "暂无提交");
        (await Client.PostJsonAsync("/api/check_username_or_email", new { username = "x" })).Ok();
        Assert.That((await Client.PostJsonAsync("/api/register", new { username = "x" }, csrf: false)).Status,
            Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
    }
}

namespace OnlineJudge.Tests.Platform;

/// <summary>platform.md §10.2 and §11.3 with the README's messages.</summary>
public class PermissionTests : IntegrationTest
{
    [Test]
    public async Task Login_required_lets_an_active_user_through()
    {
        var user = await new UserBuilder().WithUsername("alice").BuildAsync();
        await Client.LoginAsync(user);
        Assert.That((await Client.GetAsync("/api/_probe/login")).Ok().GetString(), Is.EqualTo("alice"));
    }

    [Test]
    public async Task Login_required_refuses_anonymous_callers()
    {
        (await Client.GetAsync("/api/_probe/login")).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Login_required_refuses_disabled_users()
    {
        var user = await new UserBuilder().Disabled().BuildAsync();
        await Client.LoginAsync(user);
        (await Client.GetAsync("/api/_probe/login")).AssertError("permission-denied", "Your account is disabled");
    }

    [TestCase("/api/_probe/admin", "student_admin", true)]
    [TestCase("/api/_probe/admin", "regular", false)]
    [TestCase("/api/_probe/teacher", "teacher", true)]
    [TestCase("/api/_probe/teacher", "student_admin", false)]
    [TestCase("/api/_probe/super", "super", true)]
    [TestCase("/api/_probe/super", "teacher", false)]
    [TestCase("/api/_probe/problem-permission", "teacher", true)]
    [TestCase("/api/_probe/problem-permission", "student_admin", false)]
    [TestCase("/api/_probe/problem-permission", "regular", false)]
    public async Task Role_decorators_check_the_role(string url, string role, bool allowed)
    {
        await Client.LoginAsync(await BuildAsync(role));
        var response = await Client.GetAsync(url);
        if (allowed)
        {
            Assert.That(response.Ok().GetString(), Is.EqualTo("ok"));
        }
        else
        {
            response.AssertError("permission-denied", "Please login first");
        }
    }

    [Test]
    public async Task Role_decorators_check_the_role_before_disabled()
    {
        await Client.LoginAsync(await new UserBuilder().Disabled().BuildAsync());
        (await Client.GetAsync("/api/_probe/admin")).AssertError("permission-denied", "Please login first");

        var admin = NewClient();
        await admin.LoginAsync(await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync());
        (await admin.GetAsync("/api/_probe/super")).AssertError("permission-denied", "Your account is disabled");
    }

    [TestCase("/api/admin/website")]
    [TestCase("/api/admin/no_such_thing")]
    [TestCase("/admin/anything")]
    public async Task Admin_gate_answers_anonymous_and_regular_users_even_for_unknown_paths(string url)
    {
        (await Client.GetAsync(url)).AssertError("login-required", "Please login in first");

        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().BuildAsync());
        (await student.GetAsync(url)).AssertError("login-required", "Please login in first");
    }

    [Test]
    public async Task Admin_gate_comes_before_csrf()
    {
        (await Client.PostJsonAsync("/api/admin/_probe", new { }, csrf: false)).AssertError("login-required", "Please login in first");
    }

    [Test]
    public async Task Admin_gate_lets_admin_roles_through()
    {
        await Client.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        var data = (await Client.GetAsync("/api/admin/website")).Ok();
        Assert.That(data.GetProperty("website_name").GetString(), Is.EqualTo("Online Judge"));
    }

    private static Task<Data.Entities.User> BuildAsync(string role) => role switch
    {
        "super" => new UserBuilder().AsSuperAdmin().BuildAsync(),
        "teacher" => new UserBuilder().AsTeacherAdmin().BuildAsync(),
        "student_admin" => new UserBuilder().AsStudentAdmin().BuildAsync(),
        _ => new UserBuilder().BuildAsync(),
    };
}

using OnlineJudge.Services.Account;

namespace OnlineJudge.Tests.Users;

/// <summary>account.md A14: the admin edit of a user (PUT /api/admin/user).</summary>
public class UserEditTests : UserAdminTestBase
{
    [Test]
    public async Task Edit_saves_the_user_and_returns_it()
    {
        await LoginSuperAdminAsync();
        var user = await new UserBuilder().WithUsername("old").WithEmail("old@x.cn").BuildAsync();
        var problem = await UsersTestData.CreateProblemAsync(user, "P1");
        await UsersTestData.AddSubmissionAsync(problem, user, 0, DateTime.UtcNow);

        var data = (await Client.PutJsonAsync(Url, EditBody(user, b =>
        {
            b["username"] = "KS251Wang";
            b["email"] = "New@X.CN";
            b["real_name"] = "王";
            b["admin_type"] = "Teacher Admin";
            b["problem_permission"] = "Own";
            b["class_name"] = "999";
        }))).Ok();

        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("username").GetString(), Is.EqualTo("ks251wang"));
            Assert.That(data.GetProperty("email").GetString(), Is.EqualTo("new@x.cn"));
            Assert.That(data.GetProperty("real_name").GetString(), Is.EqualTo("王"));
            Assert.That(data.GetProperty("admin_type").GetString(), Is.EqualTo("Teacher Admin"));
            Assert.That(data.GetProperty("problem_permission").GetString(), Is.EqualTo("Own"));
            Assert.That(data.GetProperty("class_name").ValueKind, Is.EqualTo(JsonValueKind.Null), "derived from 'KS251Wang' as sent: not ks-prefixed");
            Assert.That(data.TryGetProperty("raw_password", out _), Is.False);
        });

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Submissions.Select(s => s.Username).SingleAsync(), Is.EqualTo("ks251wang"));

        var again = (await Client.PutJsonAsync(Url, EditBody(user, b =>
        {
            b["username"] = "ks2511wang";
            b["email"] = "new@x.cn";
            b["real_name"] = null;
            b["admin_type"] = "Super Admin";
            b["problem_permission"] = "None";
        }))).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(again.GetProperty("class_name").GetString(), Is.EqualTo("2511"));
            Assert.That(again.GetProperty("problem_permission").GetString(), Is.EqualTo("All"));
            Assert.That(again.GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        var regular = (await Client.PutJsonAsync(Url, EditBody(user, b =>
        {
            b["username"] = "ks2511wang";
            b["email"] = "new@x.cn";
            b["admin_type"] = "Regular User";
            b["problem_permission"] = "All";
            b["is_disabled"] = true;
        }))).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(regular.GetProperty("problem_permission").GetString(), Is.EqualTo("None"));
            Assert.That(regular.GetProperty("is_disabled").GetBoolean(), Is.True);
            Assert.That(regular.GetProperty("raw_password").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Edit_issues_keeps_and_clears_the_open_api_key()
    {
        await LoginSuperAdminAsync();
        var user = await new UserBuilder().BuildAsync();

        (await Client.PutJsonAsync(Url, EditBody(user, b => b["open_api"] = true))).Ok();
        var key = (await UsersTestData.ReloadAsync(user.Id)).OpenApiAppkey;
        Assert.That(key, Does.Match("^[1-9a-f][0-9a-f]{31}$"));

        (await Client.PutJsonAsync(Url, EditBody(user, b => b["open_api"] = true))).Ok();
        Assert.That((await UsersTestData.ReloadAsync(user.Id)).OpenApiAppkey, Is.EqualTo(key));

        (await Client.PutJsonAsync(Url, EditBody(user, b => b["open_api"] = false))).Ok();
        var reloaded = await UsersTestData.ReloadAsync(user.Id);
        Assert.That(reloaded.OpenApiAppkey, Is.Null);
        Assert.That(reloaded.OpenApi, Is.False);
    }

    [Test]
    public async Task A_password_set_by_an_admin_logs_the_user_out_everywhere_and_is_readable()
    {
        await LoginSuperAdminAsync();
        var user = await new UserBuilder().BuildAsync();
        var browser = NewClient();
        await browser.LoginAsync(user);
        (await browser.GetAsync("/api/user_class_rank")).AssertError("error", "用户没有班级信息");

        var data = (await Client.PutJsonAsync(Url, EditBody(user, b => b["password"] = "brand-new-pass"))).Ok();

        Assert.That(data.GetProperty("raw_password").GetString(), Is.EqualTo("brand-new-pass"));
        (await browser.GetAsync("/api/user_class_rank")).AssertError("permission-denied", "Please login first");
        var reloaded = await UsersTestData.ReloadAsync(user.Id);
        Assert.That(PasswordHasher.Verify("brand-new-pass", reloaded.Password), Is.True);
        Assert.That(reloaded.RawPassword, Does.Not.Contain("brand-new-pass"));
    }

    [Test]
    public async Task An_admin_changing_their_own_password_loses_their_session()
    {
        var admin = await LoginSuperAdminAsync();
        (await Client.PutJsonAsync(Url, EditBody(admin, b => b["password"] = "another-pass"))).Ok();
        (await Client.GetAsync(Url)).AssertError("login-required", "Please login in first");
    }

    [Test]
    public async Task Edit_errors()
    {
        await LoginSuperAdminAsync();
        var user = await new UserBuilder().WithUsername("u1").WithEmail("u1@x.cn").BuildAsync();
        await new UserBuilder().WithUsername("u2").WithEmail("u2@x.cn").BuildAsync();

        (await Client.PutJsonAsync(Url, EditBody(user, b => b["id"] = 987654))).AssertError("error", "User does not exist");
        (await Client.PutJsonAsync(Url, EditBody(user, b => b["username"] = "U2"))).AssertError("error", "Username already exists");
        (await Client.PutJsonAsync(Url, EditBody(user, b => b["email"] = "U2@x.cn"))).AssertError("error", "Email already exists");
        (await Client.PutJsonAsync(Url, EditBody(user, b => b["username"] = "ks12345x")))
            .AssertError("error", "用户名 ks12345x 的班级号 12345 是 5 位，必须是 3~4 位数字");
        (await Client.PutJsonAsync(Url, EditBody(user, b => b["password"] = "12345")))
            .AssertError("invalid-password", "password: Ensure this field has at least 6 characters.");
        (await Client.PutJsonAsync(Url, EditBody(user, b => b["password"] = new string('p', 129))))
            .AssertError("invalid-password", "password: Ensure this field has no more than 128 characters.");
        (await Client.PutJsonAsync(Url, EditBody(user, b => b.Remove("real_name"))))
            .AssertError("invalid-real_name", "real_name: This field is required.");
        (await Client.PutJsonAsync(Url, EditBody(user, b => b["email"] = null)))
            .AssertError("invalid-email", "email: This field may not be null.");
        (await Client.PutJsonAsync(Url, EditBody(user, b => b["admin_type"] = "Admin")))
            .AssertError("invalid-admin_type", "admin_type: \"Admin\" is not a valid choice.");

        var unchanged = await UsersTestData.ReloadAsync(user.Id);
        Assert.That(unchanged.Username, Is.EqualTo("u1"));
        Assert.That(unchanged.Password, Is.EqualTo(user.Password));
    }
}

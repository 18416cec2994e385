using OnlineJudge.Services.Account;

namespace OnlineJudge.Tests.Users;

/// <summary>account.md A12–A16: admin user list, import, edit, delete, reset password.</summary>
public class UserAdminTests : IntegrationTest
{
    private const string Url = "/api/admin/user";

    private async Task<User> LoginSuperAdminAsync()
    {
        var admin = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(admin);
        return admin;
    }

    private static Dictionary<string, object?> EditBody(User user, Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["id"] = user.Id,
            ["username"] = user.Username,
            ["real_name"] = "Real",
            ["email"] = user.Email,
            ["admin_type"] = user.AdminType,
            ["problem_permission"] = user.ProblemPermission,
            ["open_api"] = false,
            ["is_disabled"] = false,
            ["class_name"] = null,
            ["password"] = "",
            ["create_time"] = "2026-01-01T00:00:00+08:00",
        };
        change?.Invoke(body);
        return body;
    }

    // ---- permissions ----------------------------------------------------------------------------------------

    [Test]
    public async Task Non_admins_meet_the_admin_gate()
    {
        (await Client.GetAsync(Url)).AssertError("login-required", "Please login in first");
        var student = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(student);
        (await Client.GetAsync(Url)).AssertError("login-required", "Please login in first");
        (await Client.PostJsonAsync("/api/admin/reset_password", new { id = student.Id })).AssertError("login-required", "Please login in first");
    }

    [TestCase("student")]
    [TestCase("teacher")]
    public async Task Admins_below_super_admin_are_denied(string role)
    {
        var builder = new UserBuilder();
        var admin = await (role == "student" ? builder.AsStudentAdmin() : builder.AsTeacherAdmin()).BuildAsync();
        await Client.LoginAsync(admin);

        (await Client.GetAsync(Url)).AssertError("permission-denied", "Please login first");
        (await Client.PostJsonAsync(Url, new { users = Array.Empty<object>() })).AssertError("permission-denied", "Please login first");
        (await Client.PutJsonAsync(Url, EditBody(admin))).AssertError("permission-denied", "Please login first");
        (await Client.DeleteAsync(Url + "?id=99")).AssertError("permission-denied", "Please login first");
        (await Client.PostJsonAsync("/api/admin/reset_password", new { id = admin.Id })).AssertError("permission-denied", "Please login first");
        (await Client.GetAsync("/api/admin/generate_user?file_id=abc")).AssertError("permission-denied", "Please login first");
        (await Client.PostJsonAsync("/api/admin/generate_user", new { prefix = "a", suffix = "", number_from = 1, number_to = 2 }))
            .AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task A_disabled_super_admin_is_told_so()
    {
        var admin = await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync();
        await Client.LoginAsync(admin);
        (await Client.GetAsync(Url)).AssertError("permission-denied", "Your account is disabled");
        (await Client.DeleteAsync(Url + "?id=99")).AssertError("permission-denied", "Your account is disabled");
    }

    [Test]
    public async Task Import_and_edit_validate_before_the_super_admin_check()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        await Client.LoginAsync(teacher);
        (await Client.PostJsonAsync(Url, new { users = new[] { new[] { "a", "", "c", "d" } } })).AssertError("invalid-1", "1: This field may not be blank.");
        (await Client.PutJsonAsync(Url, new { id = 1 })).AssertError("invalid-username", "username: This field is required.");
    }

    // ---- list / get -----------------------------------------------------------------------------------------

    [Test]
    public async Task The_list_shows_user_admin_objects_with_raw_password_only_for_regular_users()
    {
        var admin = await LoginSuperAdminAsync();
        (await Client.PostJsonAsync(Url, new { users = new[] { new[] { "ks251张三", "123456", "ks251.1@example.com", "张三" } } })).Ok();

        var page = (await Client.GetAsync(Url + "?paging=true&offset=0&limit=10")).Ok();
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(2));
        var rows = page.GetProperty("results").EnumerateArray().ToList();
        var student = rows.Single(r => r.GetProperty("username").GetString() == "ks251张三");
        var root = rows.Single(r => r.GetProperty("id").GetInt32() == admin.Id);
        Assert.Multiple(() =>
        {
            Assert.That(student.GetProperty("raw_password").GetString(), Is.EqualTo("123456"));
            Assert.That(student.GetProperty("real_name").GetString(), Is.EqualTo("张三"));
            Assert.That(student.GetProperty("class_name").GetString(), Is.EqualTo("251"));
            Assert.That(student.GetProperty("email").GetString(), Is.EqualTo("ks251.1@example.com"));
            Assert.That(student.GetProperty("admin_type").GetString(), Is.EqualTo("Regular User"));
            Assert.That(student.GetProperty("problem_permission").GetString(), Is.EqualTo("None"));
            Assert.That(student.GetProperty("is_disabled").GetBoolean(), Is.False);
            Assert.That(student.GetProperty("open_api").GetBoolean(), Is.False);
            Assert.That(student.GetProperty("last_login").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(student.GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(root.TryGetProperty("raw_password", out _), Is.False, "admins never carry raw_password");
            Assert.That(student.TryGetProperty("password", out _), Is.False);
        });

        // A regular user whose password was not set by an admin shows null.
        var plain = await new UserBuilder().WithUsername("plain").BuildAsync();
        var one = (await Client.GetAsync($"{Url}?id={plain.Id}")).Ok();
        Assert.That(one.GetProperty("raw_password").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task The_list_filters_by_type_and_keyword_and_orders()
    {
        var admin = await LoginSuperAdminAsync();
        var alice = await new UserBuilder().WithUsername("Alice").WithEmail("a@school.cn").BuildAsync();
        var bob = await new UserBuilder().WithUsername("bob").WithEmail("b@x.cn").BuildAsync();
        var carol = await new UserBuilder().WithUsername("carol").AsTeacherAdmin().BuildAsync();
        await UsersTestData.SetProfileAsync(bob, 0, 0, realName: "Bob 100%");
        var now = DateTime.UtcNow;
        await UsersTestData.SetTimesAsync(admin, now.AddDays(-4), null);
        await UsersTestData.SetTimesAsync(alice, now.AddDays(-3), now.AddHours(-5));
        await UsersTestData.SetTimesAsync(bob, now.AddDays(-2), now.AddHours(-1));
        await UsersTestData.SetTimesAsync(carol, now.AddDays(-1), null);

        static List<string> Names(JsonElement page) =>
            [.. page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("username").GetString()!)];

        Assert.Multiple(async () =>
        {
            Assert.That(Names((await Client.GetAsync(Url)).Ok()), Is.EqualTo(new[] { "carol", "bob", "Alice", "root" }));
            Assert.That(Names((await Client.GetAsync(Url + "?order_by=-last_login")).Ok()), Is.EqualTo(new[] { "bob", "Alice", "carol", "root" }));
            Assert.That(Names((await Client.GetAsync(Url + "?type=Teacher%20Admin")).Ok()), Is.EqualTo(new[] { "carol" }));
            Assert.That(Names((await Client.GetAsync(Url + "?keyword=ALI")).Ok()), Is.EqualTo(new[] { "Alice" }));
            Assert.That(Names((await Client.GetAsync(Url + "?keyword=SCHOOL")).Ok()), Is.EqualTo(new[] { "Alice" }));
            Assert.That(Names((await Client.GetAsync(Url + "?keyword=100%25")).Ok()), Is.EqualTo(new[] { "bob" }));
            Assert.That(Names((await Client.GetAsync(Url + "?keyword=_")).Ok()), Is.Empty);
            var paged = (await Client.GetAsync(Url + "?limit=2&offset=1")).Ok();
            Assert.That(Names(paged), Is.EqualTo(new[] { "bob", "Alice" }));
            Assert.That(paged.GetProperty("total").GetInt32(), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Get_by_id_answers_unknown_and_malformed_ids()
    {
        await LoginSuperAdminAsync();
        (await Client.GetAsync(Url + "?id=987654")).AssertError("error", "User does not exist");
        (await Client.GetAsync(Url + "?id=abc")).AssertError("error", "Invalid Parameter, id must be an integer");
    }

    // ---- import ---------------------------------------------------------------------------------------------

    [Test]
    public async Task Import_creates_users_with_profiles_hashed_and_encrypted_passwords()
    {
        await LoginSuperAdminAsync();
        var response = await Client.PostJsonAsync(Url, new
        {
            users = new[]
            {
                new[] { "ks2510李四", "a-long-password-of-more-than-twenty", "Ks2510.1@Example.com", "李四" },
                new[] { "Teacher", "654321", "t@example.com", "Teach" },
            },
        });
        Assert.That(response.Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));

        await using var db = TestEnvironment.CreateDbContext();
        var users = await db.Users.Include(u => u.Profile).Where(u => u.Username != "root").OrderBy(u => u.Id).ToListAsync();
        Assert.That(users, Has.Count.EqualTo(2));
        var li = users[0];
        Assert.Multiple(() =>
        {
            Assert.That(li.Username, Is.EqualTo("ks2510李四"));
            Assert.That(li.Email, Is.EqualTo("Ks2510.1@Example.com"), "email kept as given");
            Assert.That(li.ClassName, Is.EqualTo("2510"));
            Assert.That(li.AdminType, Is.EqualTo(AdminType.RegularUser));
            Assert.That(li.ProblemPermission, Is.EqualTo(ProblemPermission.None));
            Assert.That(li.CreateTime, Is.Not.Null);
            Assert.That(li.Profile!.RealName, Is.EqualTo("李四"));
            Assert.That(PasswordHasher.Verify("a-long-password-of-more-than-twenty", li.Password), Is.True);
            Assert.That(li.Password, Does.StartWith("pbkdf2_sha256$1000$"));
            Assert.That(li.RawPassword, Is.Not.Null.And.Not.Contains("a-long-password"), "stored encrypted");
            Assert.That(users[1].Username, Is.EqualTo("Teacher"), "case preserved");
            Assert.That(users[1].ClassName, Is.Null);
        });

        var shown = (await Client.GetAsync($"{Url}?id={li.Id}")).Ok();
        Assert.That(shown.GetProperty("raw_password").GetString(), Is.EqualTo("a-long-password-of-more-than-twenty"));
        Assert.That(Directory.GetFiles(Path.Combine(OnlineJudgeWebFactory.DataDir, "keys"), "key-*.xml"), Is.Not.Empty,
            "the data-protection key ring lives in <DataRoot>/keys");
    }

    [Test]
    public async Task A_plain_text_raw_password_left_by_the_reference_is_shown_as_it_is()
    {
        await LoginSuperAdminAsync();
        var user = await new UserBuilder().BuildAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(x => x.SetProperty(u => u.RawPassword, "legacy1"));
        }

        Assert.That((await Client.GetAsync($"{Url}?id={user.Id}")).Ok().GetProperty("raw_password").GetString(), Is.EqualTo("legacy1"));
    }

    [Test]
    public async Task An_empty_import_does_nothing()
    {
        await LoginSuperAdminAsync();
        (await Client.PostJsonAsync(Url, new { users = Array.Empty<object>() })).Ok();
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Import_rejects_bad_rows_and_writes_nothing()
    {
        await LoginSuperAdminAsync();
        await new UserBuilder().WithUsername("taken").BuildAsync();

        (await Client.PostJsonAsync(Url, new { users = new[] { new[] { "ok1", "123456", "x@x.cn", "X" }, new[] { "ks251张三", "123456", "ks251.1@example.com" } } }))
            .AssertError("error", "Error occurred while processing data '['ks251张三', '123456', 'ks251.1@example.com']'");
        (await Client.PostJsonAsync(Url, new { users = new[] { new[] { "it's", "123456", "x@x.cn", "X", "extra" } } }))
            .AssertError("error", "Error occurred while processing data '[\"it's\", '123456', 'x@x.cn', 'X', 'extra']'");
        (await Client.PostJsonAsync(Url, new { users = new[] { new[] { new string('a', 33), "123456", "x@x.cn", "X" } } }))
            .AssertError("error", $"Error occurred while processing data '['{new string('a', 33)}', '123456', 'x@x.cn', 'X']'");
        (await Client.PostJsonAsync(Url, new { users = new[] { new[] { "ks25张三", "123456", "x@x.cn", "X" } } }))
            .AssertError("error", "用户名 ks25张三 的班级号 25 是 2 位，必须是 3~4 位数字");
        (await Client.PostJsonAsync(Url, new { users = new[] { new[] { "new1", "123456", "x@x.cn", "X" }, new[] { "taken", "123456", "y@x.cn", "Y" } } }))
            .AssertError("error", "DETAIL:  Key (username)=(taken) already exists.");
        (await Client.PostJsonAsync(Url, new { users = new[] { new[] { "dup", "123456", "x@x.cn", "X" }, new[] { "dup", "123456", "y@x.cn", "Y" } } }))
            .AssertError("error", "DETAIL:  Key (username)=(dup) already exists.");
        (await Client.PostJsonAsync(Url, new { users = new[] { new[] { "x", "1", "e", new string('r', 65) } } }))
            .AssertError("invalid-3", "3: Ensure this field has no more than 64 characters.");
        (await Client.PostJsonAsync(Url, new { users = "nope" }))
            .AssertError("invalid-users", "users: Expected a list of items but got type \"str\".");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Users.Select(u => u.Username).OrderBy(u => u).ToListAsync(), Is.EqualTo(new[] { "root", "taken" }));
        Assert.That(await db.UserProfiles.CountAsync(), Is.EqualTo(2));
    }

    // ---- edit -----------------------------------------------------------------------------------------------

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

    // ---- delete ---------------------------------------------------------------------------------------------

    [Test]
    public async Task Delete_removes_users_with_their_rows_and_keeps_submissions()
    {
        var admin = await LoginSuperAdminAsync();
        var a = await new UserBuilder().BuildAsync();
        var b = await new UserBuilder().BuildAsync();
        var keep = await new UserBuilder().BuildAsync();
        var problem = await UsersTestData.CreateProblemAsync(admin, "P1");
        var submission = await UsersTestData.AddSubmissionAsync(problem, a, 0, DateTime.UtcNow);
        await new MessageBuilder(admin, a, submission).WithContent("m").BuildAsync();

        (await Client.DeleteAsync($"{Url}?id={a.Id},{b.Id},987654")).Ok();

        await using var check = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(await check.Users.Select(u => u.Id).OrderBy(i => i).ToListAsync(), Is.EqualTo(new[] { admin.Id, keep.Id }));
            Assert.That(await check.UserProfiles.CountAsync(), Is.EqualTo(2));
            Assert.That(await check.Messages.CountAsync(), Is.Zero);
            Assert.That(await check.Submissions.CountAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Delete_errors()
    {
        var admin = await LoginSuperAdminAsync();
        var user = await new UserBuilder().BuildAsync();
        (await Client.DeleteAsync(Url)).AssertError("error", "Invalid Parameter, id is required");
        (await Client.DeleteAsync($"{Url}?id={user.Id},{admin.Id}")).AssertError("error", "Current user can not be deleted");
        (await Client.DeleteAsync($"{Url}?id={user.Id},x")).AssertError("error", "Invalid Parameter, id must be a comma-separated list of user ids");
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(2));
    }

    // ---- reset password -------------------------------------------------------------------------------------

    [Test]
    public async Task Reset_password_returns_a_six_digit_password_and_logs_the_user_out()
    {
        await LoginSuperAdminAsync();
        var user = await new UserBuilder().BuildAsync();
        var browser = NewClient();
        await browser.LoginAsync(user);

        var password = (await Client.PostJsonAsync("/api/admin/reset_password", new { id = user.Id })).Ok().GetString()!;

        Assert.That(password, Does.Match("^[1-9]{6}$"));
        var reloaded = await UsersTestData.ReloadAsync(user.Id);
        Assert.That(PasswordHasher.Verify(password, reloaded.Password), Is.True);
        Assert.That((await Client.GetAsync($"{Url}?id={user.Id}")).Ok().GetProperty("raw_password").GetString(), Is.EqualTo(password));
        (await browser.GetAsync("/api/user_class_rank")).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Reset_password_errors()
    {
        await LoginSuperAdminAsync();
        (await Client.PostJsonAsync("/api/admin/reset_password", new { id = 987654 })).AssertError("error", "User does not exist");
        (await Client.PostJsonAsync("/api/admin/reset_password", new { })).AssertError("invalid-id", "id: This field is required.");
        (await Client.PostJsonAsync("/api/admin/reset_password", new[] { 1 }))
            .AssertError("invalid-non_field_errors", "Invalid data. Expected a dictionary, but got list.");
    }
}

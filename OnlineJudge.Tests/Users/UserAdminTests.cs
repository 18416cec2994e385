using OnlineJudge.Services.Account;

namespace OnlineJudge.Tests.Users;

/// <summary>account.md A12–A16: admin user list, import, delete, reset password (edit: <see cref="UserEditTests"/>).</summary>
public class UserAdminTests : UserAdminTestBase
{
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

using MiniExcelLibs;
using OnlineJudge.Services.Account;

namespace OnlineJudge.Tests.Users;

/// <summary>account.md C9/C10 (generate users, download their xlsx) and conf.md §12 (random users).</summary>
public class GenerateUserTests : IntegrationTest
{
    private const string Url = "/api/admin/generate_user";

    [Test]
    public async Task Generated_users_come_with_a_one_time_xlsx()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(admin);

        var fileId = (await Client.PostJsonAsync(Url, new { prefix = "gen", suffix = "x", number_from = 8, number_to = 10, password_length = 10 }))
            .Ok().GetProperty("file_id").GetString()!;
        Assert.That(fileId, Does.Match("^[1-9a-f][0-9a-f]{7}$"));

        using var response = await Client.Http.GetAsync($"{Url}?file_id={fileId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xlsx"));
        Assert.That(response.Content.Headers.ContentDisposition?.ToString() ?? string.Join(";", response.Headers.GetValues("Content-Disposition")),
            Is.EqualTo("attachment; filename=users.xlsx"));
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>()
            .Select(r => (Username: r["Username"].ToString()!, Password: r["Password"].ToString()!)).ToList();

        Assert.That(rows.Select(r => r.Username), Is.EqualTo(new[] { "gen8x", "gen9x", "gen10x" }));
        await using var db = TestEnvironment.CreateDbContext();
        var users = await db.Users.Include(u => u.Profile).Where(u => u.Username.StartsWith("gen")).ToListAsync();
        Assert.That(users, Has.Count.EqualTo(3));
        foreach (var (username, password) in rows)
        {
            var user = users.Single(u => u.Username == username);
            Assert.Multiple(() =>
            {
                Assert.That(password, Does.Match("^[0-9a-f]{10}$"));
                Assert.That(PasswordHasher.Verify(password, user.Password), Is.True);
                Assert.That(user.Email, Is.Null);
                Assert.That(user.ClassName, Is.Null);
                Assert.That(user.Profile, Is.Not.Null);
            });
        }

        var listed = (await Client.GetAsync($"/api/admin/user?id={users.Single(u => u.Username == "gen8x").Id}")).Ok();
        Assert.That(listed.GetProperty("raw_password").GetString(), Is.EqualTo(rows[0].Password));

        (await Client.GetAsync($"{Url}?file_id={fileId}")).AssertError("error", "File does not exist");
        Assert.That(Directory.GetFiles(Path.Combine(OnlineJudgeWebFactory.DataDir, "generated_users")), Is.Empty);
    }

    [Test]
    public async Task Generate_errors()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        await new UserBuilder().WithUsername("gen2").BuildAsync();
        await Client.LoginAsync(admin);

        (await Client.PostJsonAsync(Url, new { prefix = new string('p', 16), suffix = new string('s', 15), number_from = 1, number_to = 10 }))
            .AssertError("error", "Username should not more than 32 characters");
        (await Client.PostJsonAsync(Url, new { prefix = "a", suffix = "", number_from = 5, number_to = 4 }))
            .AssertError("error", "Start number must be lower than end number");
        (await Client.PostJsonAsync(Url, new { prefix = "a", suffix = "", number_from = 0, number_to = 1000 }))
            .AssertError("error", "At most 1000 users can be generated at once");
        (await Client.PostJsonAsync(Url, new { prefix = "a", suffix = "", number_from = long.MinValue + 1, number_to = long.MaxValue }))
            .AssertError("error", "At most 1000 users can be generated at once");
        (await Client.PostJsonAsync(Url, new { prefix = "gen", suffix = "", number_from = 1, number_to = 3 }))
            .AssertError("error", "DETAIL:  Key (username)=(gen2) already exists.");
        (await Client.PostJsonAsync(Url, new { prefix = "a", suffix = "", number_from = 1, number_to = 2, password_length = 17 }))
            .AssertError("invalid-password_length", "password_length: Ensure this value is less than or equal to 16.");
        (await Client.PostJsonAsync(Url, new { prefix = "a", suffix = "", number_from = 1, number_to = 2, password_length = 0 }))
            .AssertError("invalid-password_length", "password_length: Ensure this value is greater than or equal to 1.");

        (await Client.GetAsync(Url)).AssertError("error", "Invalid Parameter, file_id is required");
        (await Client.GetAsync(Url + "?file_id=..%2Fkeys")).AssertError("error", "Illegal file_id");
        (await Client.GetAsync(Url + "?file_id=abcdef12")).AssertError("error", "File does not exist");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task Generate_validates_before_the_super_admin_check()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        await Client.LoginAsync(teacher);
        (await Client.PostJsonAsync(Url, new { prefix = "a", suffix = "" })).AssertError("invalid-number_from", "number_from: This field is required.");
        (await Client.PostJsonAsync(Url, new { prefix = "a", suffix = "", number_from = 1, number_to = 2 }))
            .AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Random_user_picks_up_to_ten_usernames_of_a_class_prefix()
    {
        for (var i = 0; i < 12; i++)
        {
            await new UserBuilder().WithUsername($"ks251n{i}").BuildAsync();
        }

        await new UserBuilder().WithUsername("KS251UPPER").Disabled().BuildAsync();
        await new UserBuilder().WithUsername("ks252other").BuildAsync();
        var studentAdmin = await new UserBuilder().AsStudentAdmin().BuildAsync();

        (await Client.GetAsync("/api/admin/random_user?classroom=ks251")).AssertError("login-required", "Please login in first");
        await Client.LoginAsync(studentAdmin);
        var names = (await Client.GetAsync("/api/admin/random_user?classroom=ks251")).Ok().EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.That(names, Has.Count.EqualTo(10));
        Assert.That(names, Has.All.StartWith("ks251").IgnoreCase);
        Assert.That(names, Is.Unique);

        var few = (await Client.GetAsync("/api/admin/random_user?classroom=KS251U")).Ok().EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.That(few, Is.EqualTo(new[] { "KS251UPPER" }));
        (await Client.GetAsync("/api/admin/random_user")).AssertError("error", "需要班级号");
    }
}

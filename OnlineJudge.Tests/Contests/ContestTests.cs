using System.Globalization;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Tests.Contests;

/// <summary>contest.md §1.1–§1.4: contest list, detail, password and access.</summary>
public class ContestTests : IntegrationTest
{
    [Test]
    public async Task List_shows_visible_contests_newest_start_first_with_computed_fields_and_creator()
    {
        var teacher = await new UserBuilder().WithUsername("teacher1").AsTeacherAdmin().BuildAsync();
        var ended = await new ContestBuilder(teacher).WithTitle("Ended").Ended().BuildAsync();
        var running = await new ContestBuilder(teacher).WithTitle("Running").WithPassword("pw").BuildAsync();
        var future = await new ContestBuilder(teacher).WithTitle("Future").WithPassword("").NotStarted().BuildAsync();
        await new ContestBuilder(teacher).WithTitle("Hidden").Hidden().BuildAsync();

        var data = (await Client.GetAsync("/api/contests?limit=10&offset=0&paging=true")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(results.Select(r => r.GetProperty("id").GetInt32()), Is.EqualTo(new[] { future.Id, running.Id, ended.Id }));
            Assert.That(results.Select(r => r.GetProperty("status").GetString()), Is.EqualTo(new[] { "1", "0", "-1" }));
            Assert.That(results.Select(r => r.GetProperty("contest_type").GetString()),
                Is.EqualTo(new[] { "Public", "Password Protected", "Public" }));
            Assert.That(results[1].GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("teacher1"));
            Assert.That(results[1].GetProperty("created_by").GetProperty("id").GetInt32(), Is.EqualTo(teacher.Id));
            Assert.That(results[1].GetProperty("created_by").GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(results[1].GetProperty("tag").GetString(), Is.EqualTo("练习"));
            Assert.That(results[1].GetProperty("start_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(results[1].TryGetProperty("password", out _), Is.False);
            Assert.That(results[1].TryGetProperty("visible", out _), Is.False);
            Assert.That(results[1].TryGetProperty("allowed_ip_ranges", out _), Is.False);
            Assert.That(results[1].TryGetProperty("rule_type", out _), Is.False);
            foreach (var field in new[] { "title", "description", "end_time", "create_time", "last_update_time" })
            {
                Assert.That(results[1].TryGetProperty(field, out _), Is.True, field);
            }
        });

        var page = (await Client.GetAsync("/api/contests?limit=1&offset=1")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(page.GetProperty("results").EnumerateArray().Single().GetProperty("id").GetInt32(), Is.EqualTo(running.Id));
        });
    }

    [Test]
    public async Task List_filters_by_keyword_status_and_tag()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var midterm = await new ContestBuilder(teacher).WithTitle("Python Midterm").WithTag("期中").Ended().BuildAsync();
        var practice = await new ContestBuilder(teacher).WithTitle("Loops 100%").WithTag("练习").BuildAsync();
        var final = await new ContestBuilder(teacher).WithTitle("Final").WithTag("期末").NotStarted().BuildAsync();

        async Task<int[]> Ids(string query) =>
            [.. (await Client.GetAsync("/api/contests?" + query)).Ok().GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt32())];

        Assert.Multiple(async () =>
        {
            Assert.That(await Ids("keyword=PYTHON"), Is.EqualTo(new[] { midterm.Id }));
            Assert.That(await Ids("keyword=100%25"), Is.EqualTo(new[] { practice.Id }));
            Assert.That(await Ids("keyword=nothing"), Is.Empty);
            Assert.That(await Ids("status=1"), Is.EqualTo(new[] { final.Id }));
            Assert.That(await Ids("status=-1"), Is.EqualTo(new[] { midterm.Id }));
            Assert.That(await Ids("status=0"), Is.EqualTo(new[] { practice.Id }));
            Assert.That(await Ids("status=anything"), Is.EqualTo(new[] { practice.Id }));
            Assert.That(await Ids("tag=期末"), Is.EqualTo(new[] { final.Id }));
            Assert.That(await Ids("tag=期"), Is.Empty);
        });
    }

    [Test]
    public async Task Detail_renders_the_creator_and_the_server_time()
    {
        var teacher = await new UserBuilder().WithUsername("owner").AsTeacherAdmin().BuildAsync();
        var contest = await new ContestBuilder(teacher).WithTitle("Weekly").WithPassword("secret").BuildAsync();

        var data = (await Client.GetAsync($"/api/contest?id={contest.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("id").GetInt32(), Is.EqualTo(contest.Id));
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("Weekly"));
            Assert.That(data.GetProperty("created_by").GetProperty("id").GetInt32(), Is.EqualTo(teacher.Id));
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("owner"));
            Assert.That(data.GetProperty("contest_type").GetString(), Is.EqualTo("Password Protected"));
            Assert.That(data.GetProperty("status").GetString(), Is.EqualTo("0"));
            Assert.That(data.GetProperty("now").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$"));
            Assert.That(DateTime.Parse(data.GetProperty("now").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(data.TryGetProperty("password", out _), Is.False);
        });
    }

    [TestCase("")]
    [TestCase("?id=")]
    [TestCase("?id=abc")]
    [TestCase("?id=0")]
    [TestCase("?id=-3")]
    public async Task Detail_needs_a_positive_id(string query)
    {
        (await Client.GetAsync("/api/contest" + query)).AssertError("error", "Invalid parameter, id is required");
    }

    [Test]
    public async Task Detail_of_hidden_or_unknown_contests_does_not_exist()
    {
        var teacher = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var hidden = await new ContestBuilder(teacher).Hidden().BuildAsync();
        await Client.LoginAsync(teacher);
        (await Client.GetAsync($"/api/contest?id={hidden.Id}")).AssertError("error", "Contest does not exist");
        (await Client.GetAsync("/api/contest?id=99999")).AssertError("error", "Contest does not exist");
    }

    [Test]
    public async Task Password_is_validated_before_login_is_checked()
    {
        (await Client.PostJsonAsync("/api/contest/password", new { password = "x" }))
            .AssertError("invalid-contest_id", "contest_id: This field is required.");
        (await Client.PostJsonAsync("/api/contest/password", new { contest_id = 1, password = "  " }))
            .AssertError("invalid-password", "password: This field may not be blank.");
        (await Client.PostJsonAsync("/api/contest/password", new { contest_id = 1, password = new string('a', 31) }))
            .AssertError("invalid-password", "password: Ensure this field has no more than 30 characters.");
        (await Client.PostJsonAsync("/api/contest/password", new { contest_id = 1, password = "x" }))
            .AssertError("permission-denied", "Please login first");

        await Client.LoginAsync(await new UserBuilder().Disabled().BuildAsync());
        (await Client.PostJsonAsync("/api/contest/password", new { contest_id = 1, password = "x" }))
            .AssertError("permission-denied", "Your account is disabled");
    }

    [Test]
    public async Task Right_password_is_kept_in_the_session_and_opens_the_contest()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var contest = await new ContestBuilder(teacher).WithPassword("secret").BuildAsync();
        var key = await Client.LoginAsync(await new UserBuilder().BuildAsync());

        (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).AssertError("error", "Wrong password or password expired");
        Assert.That((await Client.GetAsync($"/api/contest/access?contest_id={contest.Id}")).Ok().GetProperty("access").GetBoolean(), Is.False);

        (await Client.PostJsonAsync("/api/contest/password", new { contest_id = contest.Id, password = "wrong" }))
            .AssertError("error", "Wrong password or password expired");
        Assert.That((await Client.PostJsonAsync("/api/contest/password", new { contest_id = contest.Id, password = "secret" })).Ok().GetBoolean(), Is.True);

        var session = await TestEnvironment.Factory.Services.GetRequiredService<SessionStore>().LoadAsync(key);
        Assert.Multiple(async () =>
        {
            Assert.That(session!.ContestPassword[contest.Id.ToString(CultureInfo.InvariantCulture)], Is.EqualTo("secret"));
            Assert.That((await Client.GetAsync($"/api/contest/access?contest_id={contest.Id}")).Ok().GetProperty("access").GetBoolean(), Is.True);
            (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).Ok();
        });

        // Another browser of the same user has its own session and must enter the password again.
        var other = NewClient();
        await other.LoginAsync((await new UserBuilder().BuildAsync()));
        Assert.That((await other.GetAsync($"/api/contest/access?contest_id={contest.Id}")).Ok().GetProperty("access").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Time_limited_tokens_are_accepted_as_passwords()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var contest = await new ContestBuilder(teacher).WithPassword("secret").BuildAsync();
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        var ts = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var sig = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("secret" + ts)))[..8];
        Assert.That((await Client.PostJsonAsync("/api/contest/password", new { contest_id = contest.Id, password = $"{sig}#{ts}" })).Ok().GetBoolean(),
            Is.True);
    }

    [Test]
    public async Task Password_of_public_hidden_or_unknown_contests_does_not_exist()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var open = await new ContestBuilder(teacher).BuildAsync();
        var hidden = await new ContestBuilder(teacher).WithPassword("secret").Hidden().BuildAsync();
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        foreach (var id in new[] { open.Id, hidden.Id, 99999 })
        {
            (await Client.PostJsonAsync("/api/contest/password", new { contest_id = id, password = "secret" })).AssertError("error", "Contest does not exist");
            (await Client.GetAsync($"/api/contest/access?contest_id={id}")).AssertError("error", "Contest does not exist");
        }

        (await Client.GetAsync("/api/contest/access?contest_id=abc")).AssertError("error", "Contest does not exist");
    }

    [Test]
    public async Task Access_needs_login_and_a_contest_id()
    {
        (await Client.GetAsync("/api/contest/access?contest_id=1")).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.GetAsync("/api/contest/access")).AssertError("error", "error");

        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().Disabled().BuildAsync());
        (await disabled.GetAsync("/api/contest/access?contest_id=1")).AssertError("permission-denied", "Your account is disabled");
    }

    [Test]
    public async Task Contest_admins_get_no_access_flag_without_the_password()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var contest = await new ContestBuilder(teacher).WithPassword("secret").BuildAsync();
        await Client.LoginAsync(teacher);
        Assert.That((await Client.GetAsync($"/api/contest/access?contest_id={contest.Id}")).Ok().GetProperty("access").GetBoolean(), Is.False);
    }
}

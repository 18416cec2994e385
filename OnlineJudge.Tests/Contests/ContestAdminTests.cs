namespace OnlineJudge.Tests.Contests;

/// <summary>contest.md §2.1–§2.4: admin contest list, detail, create, edit and clone.</summary>
public class ContestAdminTests : IntegrationTest
{
    private static object Body(string title = "Midterm", string password = "", string[]? ranges = null, string start = "2026-09-01T08:00:00+08:00",
        string end = "2026-09-01T10:00:00+08:00") => new
    {
        id = 0,
        title,
        description = "<p>rules</p>",
        tag = "期中",
        start_time = start,
        end_time = end,
        password,
        visible = true,
        allowed_ip_ranges = ranges ?? [],
    };

    [Test]
    public async Task Teacher_creates_a_contest()
    {
        var teacher = await new UserBuilder().WithUsername("t1").AsTeacherAdmin().BuildAsync();
        await Client.LoginAsync(teacher);
        var data = (await Client.PostJsonAsync("/api/admin/contest", Body())).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("Midterm"));
            Assert.That(data.GetProperty("description").GetString(), Is.EqualTo("<p>rules</p>"));
            Assert.That(data.GetProperty("tag").GetString(), Is.EqualTo("期中"));
            Assert.That(data.GetProperty("start_time").GetString(), Is.EqualTo("2026-09-01T08:00:00+08:00"));
            Assert.That(data.GetProperty("end_time").GetString(), Is.EqualTo("2026-09-01T10:00:00+08:00"));
            Assert.That(data.GetProperty("password").GetString(), Is.EqualTo(""));
            Assert.That(data.GetProperty("contest_type").GetString(), Is.EqualTo("Public"));
            Assert.That(data.GetProperty("visible").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("allowed_ip_ranges").GetArrayLength(), Is.Zero);
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("t1"));
            Assert.That(data.TryGetProperty("rule_type", out _), Is.False);
            Assert.That(data.TryGetProperty("real_time_rank", out _), Is.False);
        });

        await using var db = TestEnvironment.CreateDbContext();
        var stored = await db.Contests.SingleAsync(c => c.Id == data.GetProperty("id").GetInt32());
        Assert.Multiple(() =>
        {
            Assert.That(stored.CreatedById, Is.EqualTo(teacher.Id));
            Assert.That(stored.Password, Is.EqualTo(""));
            Assert.That(stored.StartTime, Is.EqualTo(new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc)));
        });
    }

    [Test]
    public async Task Create_checks_times_and_ip_ranges()
    {
        await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await Client.PostJsonAsync("/api/admin/contest", Body(start: "2026-09-01T10:00:00+08:00", end: "2026-09-01T10:00:00+08:00")))
            .AssertError("error", "Start time must occur earlier than end time");
        (await Client.PostJsonAsync("/api/admin/contest", Body(ranges: ["10.0.0.0/8", "10.13.5.7/300"])))
            .AssertError("error", "10.13.5.7/300 is not a valid cidr network");
        (await Client.PostJsonAsync("/api/admin/contest", Body(ranges: ["localhost"]))).AssertError("error", "localhost is not a valid cidr network");

        var data = (await Client.PostJsonAsync("/api/admin/contest", Body(password: "pw", ranges: ["10.13.5.7/16", "2001:db8::1/64", "192.168.1.9"]))).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("allowed_ip_ranges").EnumerateArray().Select(r => r.GetString()),
                Is.EqualTo(new[] { "10.13.5.7/16", "2001:db8::1/64", "192.168.1.9" }));
            Assert.That(data.GetProperty("contest_type").GetString(), Is.EqualTo("Password Protected"));
        });
    }

    [Test]
    public async Task Create_validates_before_checking_the_role()
    {
        var studentAdmin = await new UserBuilder().AsStudentAdmin().BuildAsync();
        await Client.LoginAsync(studentAdmin);
        (await Client.PostJsonAsync("/api/admin/contest", new { title = "x" })).AssertError("invalid-description", "description: This field is required.");
        (await Client.PostJsonAsync("/api/admin/contest", Body(title: new string('t', 129))))
            .AssertError("invalid-title", "title: Ensure this field has no more than 128 characters.");
        (await Client.PostJsonAsync("/api/admin/contest", Body(start: "soon")))
            .AssertError("invalid-start_time", "start_time: Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
        (await Client.PostJsonAsync("/api/admin/contest", Body(ranges: [new string('1', 33)])))
            .AssertError("invalid-0", "0: Ensure this field has no more than 32 characters.");
        (await Client.PostJsonAsync("/api/admin/contest", Body())).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Admin_endpoints_are_closed_to_non_teachers()
    {
        (await Client.GetAsync("/api/admin/contest")).AssertError("login-required", "Please login in first");
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.GetAsync("/api/admin/contest")).AssertError("login-required", "Please login in first");

        var studentAdmin = NewClient();
        await studentAdmin.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await studentAdmin.GetAsync("/api/admin/contest")).AssertError("permission-denied", "Please login first");
        (await studentAdmin.GetAsync("/api/admin/contest/acm_helper?contest_id=1")).AssertError("permission-denied", "Please login first");
        (await studentAdmin.PostJsonAsync("/api/admin/contest/clone", new { contest_id = 1 })).AssertError("permission-denied", "Please login first");
        (await studentAdmin.SendAsync(HttpMethod.Put, "/api/admin/contest/acm_helper", System.Net.Http.Json.JsonContent.Create(new { })))
            .AssertError("permission-denied", "Please login first");

        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsTeacherAdmin().Disabled().BuildAsync());
        (await disabled.GetAsync("/api/admin/contest")).AssertError("permission-denied", "Your account is disabled");
        (await disabled.PostJsonAsync("/api/admin/contest", Body())).AssertError("permission-denied", "Your account is disabled");
    }

    [Test]
    public async Task Teachers_list_their_own_contests_and_super_admins_all()
    {
        var teacher = await new UserBuilder().WithUsername("t1").AsTeacherAdmin().BuildAsync();
        var other = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var older = await new ContestBuilder(teacher).WithTitle("Python Week 1").Hidden().CreatedAt(DateTime.UtcNow.AddDays(-2)).BuildAsync();
        var newer = await new ContestBuilder(teacher).WithTitle("python week 2").WithPassword("pw").CreatedAt(DateTime.UtcNow.AddDays(-1)).BuildAsync();
        var foreign = await new ContestBuilder(other).WithTitle("Python Other").BuildAsync();

        await Client.LoginAsync(teacher);
        var data = (await Client.GetAsync("/api/admin/contest?paging=true&offset=0&limit=10")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(results.Select(r => r.GetProperty("id").GetInt32()), Is.EqualTo(new[] { newer.Id, older.Id }));
            Assert.That(results[0].GetProperty("password").GetString(), Is.EqualTo("pw"));
            Assert.That(results[0].GetProperty("contest_type").GetString(), Is.EqualTo("Password Protected"));
            Assert.That(results[0].GetProperty("status").GetString(), Is.EqualTo("0"));
            Assert.That(results[1].GetProperty("visible").GetBoolean(), Is.False);
            Assert.That(results[1].GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("t1"));
        });
        var keyword = (await Client.GetAsync("/api/admin/contest?keyword=Python")).Ok();
        Assert.That(keyword.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()), Is.EqualTo(new[] { older.Id }),
            "keyword is case-sensitive");

        var super = NewClient();
        await super.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        Assert.That((await super.GetAsync("/api/admin/contest")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That((await super.GetAsync($"/api/admin/contest?id={foreign.Id}")).Ok().GetProperty("title").GetString(), Is.EqualTo("Python Other"));
    }

    [Test]
    public async Task Detail_is_for_the_creator_or_a_super_admin()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var hidden = await new ContestBuilder(teacher).WithPassword("pw").WithIpRanges("10.0.0.0/8").Hidden().BuildAsync();
        await Client.LoginAsync(teacher);
        var data = (await Client.GetAsync($"/api/admin/contest?id={hidden.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("id").GetInt32(), Is.EqualTo(hidden.Id));
            Assert.That(data.GetProperty("password").GetString(), Is.EqualTo("pw"));
            Assert.That(data.GetProperty("visible").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("allowed_ip_ranges")[0].GetString(), Is.EqualTo("10.0.0.0/8"));
            Assert.That(data.GetProperty("start_time").GetString(), Does.EndWith("+08:00"));
        });

        (await Client.GetAsync("/api/admin/contest?id=99999")).AssertError("error", "Contest does not exist");
        (await Client.GetAsync("/api/admin/contest?id=abc")).AssertError("error", "Contest does not exist");
        var other = NewClient();
        await other.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await other.GetAsync($"/api/admin/contest?id={hidden.Id}")).AssertError("error", "Contest does not exist");
    }

    [Test]
    public async Task Edit_overwrites_the_contest_and_an_empty_password_makes_it_public()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var contest = await new ContestBuilder(teacher).WithPassword("pw").WithIpRanges("10.0.0.0/8").CreatedAt(DateTime.UtcNow.AddDays(-1)).BuildAsync();
        await Client.LoginAsync(teacher);

        // The list page sends the whole row back to toggle visibility; extra fields are ignored.
        var row = (await Client.GetAsync($"/api/admin/contest?id={contest.Id}")).Ok();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(row.GetRawText())!;
        body["visible"] = false;
        body["password"] = null;
        body["allowed_ip_ranges"] = Array.Empty<string>();
        body["title"] = "  Renamed  ";
        var data = (await Client.SendAsync(HttpMethod.Put, "/api/admin/contest", System.Net.Http.Json.JsonContent.Create(body))).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("Renamed"));
            Assert.That(data.GetProperty("visible").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("password").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(data.GetProperty("contest_type").GetString(), Is.EqualTo("Public"));
            Assert.That(data.GetProperty("allowed_ip_ranges").GetArrayLength(), Is.Zero);
            Assert.That(DateTime.Parse(data.GetProperty("last_update_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal), Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        });

        await using var db = TestEnvironment.CreateDbContext();
        var stored = await db.Contests.SingleAsync(c => c.Id == contest.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Password, Is.Null);
            Assert.That(stored.Visible, Is.False);
            Assert.That(stored.CreatedById, Is.EqualTo(teacher.Id));
        });
    }

    [Test]
    public async Task Edit_is_for_the_creator_or_a_super_admin_and_checks_like_create()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        object Edit(int id, string end = "2026-09-01T10:00:00+08:00", string[]? ranges = null) => new
        {
            id,
            title = "T",
            description = "D",
            tag = "练习",
            start_time = "2026-09-01T08:00:00+08:00",
            end_time = end,
            password = "",
            visible = true,
            allowed_ip_ranges = ranges ?? [],
        };

        var other = NewClient();
        await other.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await other.SendAsync(HttpMethod.Put, "/api/admin/contest", System.Net.Http.Json.JsonContent.Create(Edit(contest.Id))))
            .AssertError("error", "Contest does not exist");

        await Client.LoginAsync(teacher);
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/contest", System.Net.Http.Json.JsonContent.Create(Edit(99999))))
            .AssertError("error", "Contest does not exist");
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/contest", System.Net.Http.Json.JsonContent.Create(Edit(contest.Id, end: "2026-09-01T07:00:00+08:00"))))
            .AssertError("error", "Start time must occur earlier than end time");
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/contest", System.Net.Http.Json.JsonContent.Create(Edit(contest.Id, ranges: ["1.2.3"]))))
            .AssertError("error", "1.2.3 is not a valid cidr network");
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/contest", System.Net.Http.Json.JsonContent.Create(new { id = contest.Id })))
            .AssertError("invalid-title", "title: This field is required.");

        var super = NewClient();
        await super.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        Assert.That((await super.SendAsync(HttpMethod.Put, "/api/admin/contest", System.Net.Http.Json.JsonContent.Create(Edit(contest.Id)))).Ok()
            .GetProperty("title").GetString(), Is.EqualTo("T"));
    }

    [Test]
    public async Task Clone_copies_the_contest_hidden_with_its_problems()
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var cloner = await new UserBuilder().WithUsername("cloner").AsTeacherAdmin().BuildAsync();
        var start = DateTime.UtcNow.AddDays(-3);
        var original = await new ContestBuilder(owner).WithTitle("Original").WithPassword("pw").WithIpRanges("10.0.0.0/8")
            .Between(start, start.AddMinutes(90)).BuildAsync();
        var first = await ContestTestData.AddProblemAsync(original, owner, "A", "Alpha", true, "loops", "io");
        await ContestTestData.AddProblemAsync(original, owner, "B", "Beta", false);
        var student = await new UserBuilder().BuildAsync();
        await new AcmContestRankBuilder(original, student).Accepted(first.Id, 60).BuildAsync();

        await Client.LoginAsync(cloner);
        var data = (await Client.PostJsonAsync("/api/admin/contest/clone", new { contest_id = original.Id })).Ok();
        var cloneId = data.GetProperty("id").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(cloneId, Is.Not.EqualTo(original.Id));
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("Original"));
            Assert.That(data.GetProperty("password").GetString(), Is.EqualTo("pw"));
            Assert.That(data.GetProperty("visible").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("allowed_ip_ranges")[0].GetString(), Is.EqualTo("10.0.0.0/8"));
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("cloner"));
            Assert.That(data.GetProperty("status").GetString(), Is.EqualTo("1"));
        });

        await using var db = TestEnvironment.CreateDbContext();
        var clone = await db.Contests.SingleAsync(c => c.Id == cloneId);
        var problems = await db.Problems.Include(p => p.Tags).Where(p => p.ContestId == cloneId).OrderBy(p => p.DisplayId).ToListAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(clone.StartTime, Is.EqualTo(DateTime.UtcNow.AddMinutes(10)).Within(TimeSpan.FromMinutes(1)));
            Assert.That(clone.EndTime - clone.StartTime, Is.EqualTo(TimeSpan.FromMinutes(90)));
            Assert.That(problems.Select(p => (p.DisplayId, p.Title, p.Visible)), Is.EqualTo(new[] { ("A", "Alpha", true), ("B", "Beta", false) }));
            Assert.That(problems[0].Tags.Select(t => t.Name).Order(), Is.EqualTo(new[] { "io", "loops" }));
            Assert.That(problems.All(p => p.CreatedById == cloner.Id && p.SubmissionNumber == 0 && p.AcceptedNumber == 0 && p.StatisticInfo.Count == 0), Is.True);
            Assert.That(problems[0].TestCaseId, Is.EqualTo(first.TestCaseId));
            Assert.That(await db.AcmContestRanks.CountAsync(r => r.ContestId == cloneId), Is.Zero);
            Assert.That(await db.Problems.CountAsync(p => p.ContestId == original.Id), Is.EqualTo(2), "the original keeps its problems");
        });

        (await Client.PostJsonAsync("/api/admin/contest/clone", new { contest_id = 99999 })).AssertError("error", "Contest does not exist");
        (await Client.PostJsonAsync("/api/admin/contest/clone", new { })).AssertError("invalid-contest_id", "contest_id: This field is required.");
    }
}

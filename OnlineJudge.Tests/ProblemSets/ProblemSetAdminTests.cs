using System.Net.Http.Json;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Tests.ProblemSets;

/// <summary>problemset.md §2.1–§2.7, §0.2: admin management of the sets themselves.</summary>
public class ProblemSetAdminTests : IntegrationTest
{
    private static object Body(string title = "Loops", string description = "<p>while and for</p>", object? endTime = null) =>
        new { title, description, difficulty = "Hard", status = "draft", visible = false, end_time = endTime };

    [Test]
    public async Task Only_teachers_and_super_admins_pass_and_the_role_is_checked_before_the_body()
    {
        (await Client.GetAsync("/api/admin/problemset")).AssertError("login-required", "Please login in first");
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.PostJsonAsync("/api/admin/problemset", new { })).AssertError("login-required", "Please login in first");

        var studentAdmin = NewClient();
        await studentAdmin.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await studentAdmin.GetAsync("/api/admin/problemset")).AssertError("permission-denied", "Please login first");
        (await studentAdmin.PostJsonAsync("/api/admin/problemset", new { })).AssertError("permission-denied", "Please login first");
        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsTeacherAdmin().Disabled().BuildAsync());
        (await disabled.GetAsync("/api/admin/problemset")).AssertError("permission-denied", "Your account is disabled");
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        Assert.That((await teacher.PostJsonAsync("/api/admin/problemset", Body(), csrf: false)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_teacher_creates_a_visible_set_of_theirs()
    {
        var teacher = await new UserBuilder().WithUsername("teacher1").AsTeacherAdmin().BuildAsync();
        await Client.LoginAsync(teacher);
        var html = "<p onclick=\"x()\">while and for</p><script>alert(1)</script>";
        var data = (await Client.PostJsonAsync("/api/admin/problemset", Body(description: html))).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("Loops"));
            Assert.That(data.GetProperty("description").GetString(), Is.EqualTo(html), "the answer shows what was sent");
            Assert.That(data.GetProperty("difficulty").GetString(), Is.EqualTo("Hard"));
            Assert.That(data.GetProperty("status").GetString(), Is.EqualTo("draft"));
            Assert.That(data.GetProperty("visible").GetBoolean(), Is.True, "visible is not a field of create");
            Assert.That(data.GetProperty("end_time").ValueKind, Is.EqualTo(JsonValueKind.Null), "null means no deadline");
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("teacher1"));
            Assert.That(data.GetProperty("problems_count").GetInt32(), Is.Zero);
            Assert.That(data.GetProperty("completed_count").GetInt32(), Is.Zero);
            Assert.That(data.GetProperty("user_progress").GetProperty("is_joined").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("create_time").GetString(), Is.EqualTo(data.GetProperty("last_update_time").GetString()));
        });

        await using var db = TestEnvironment.CreateDbContext();
        var stored = await db.ProblemSets.SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Description, Is.EqualTo(RichTextSanitizer.Sanitize(html)));
            Assert.That(stored.Description, Does.Not.Contain("script"));
            Assert.That(stored.CreatedById, Is.EqualTo(teacher.Id));
        });

        var defaults = (await Client.PostJsonAsync("/api/admin/problemset",
            new { title = "T", description = "D", end_time = "2026-09-01T12:00:00+08:00" })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(defaults.GetProperty("difficulty").GetString(), Is.EqualTo("Easy"));
            Assert.That(defaults.GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(defaults.GetProperty("end_time").GetString(), Is.EqualTo("2026-09-01T12:00:00+08:00"));
        });
    }

    [Test]
    public async Task Create_validates_its_fields()
    {
        await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await Client.PostJsonAsync("/api/admin/problemset", new { description = "d" })).AssertError("invalid-title", "title: This field is required.");
        (await Client.PostJsonAsync("/api/admin/problemset", Body(title: new string('t', 201))))
            .AssertError("invalid-title", "title: Ensure this field has no more than 200 characters.");
        (await Client.PostJsonAsync("/api/admin/problemset", Body(description: "  "))).AssertError("invalid-description", "description: This field may not be blank.");
        (await Client.PostJsonAsync("/api/admin/problemset", new { title = "t", description = "d", difficulty = "Low" }))
            .AssertError("invalid-difficulty", "difficulty: \"Low\" is not a valid choice.");
        (await Client.PostJsonAsync("/api/admin/problemset", new { title = "t", description = "d", status = "open" }))
            .AssertError("invalid-status", "status: \"open\" is not a valid choice.");
        (await Client.PostJsonAsync("/api/admin/problemset", Body(endTime: "tomorrow"))).AssertError("invalid-end_time",
            "end_time: Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
    }

    [Test]
    public async Task The_admin_list_shows_visible_sets_of_the_caller_unless_super_admin()
    {
        var mine = await new UserBuilder().WithUsername("mine").AsTeacherAdmin().BuildAsync();
        var other = await new UserBuilder().WithUsername("other").AsTeacherAdmin().BuildAsync();
        var now = DateTime.UtcNow;
        var a = await new ProblemSetBuilder(mine).WithTitle("Arrays").WithStatus("draft").WithBadge("B", "all_problems").CreatedAt(now.AddMinutes(-2)).BuildAsync();
        var b = await new ProblemSetBuilder(mine).WithTitle("Strings").WithDifficulty("Hard").CreatedAt(now.AddMinutes(-1)).BuildAsync();
        await new ProblemSetBuilder(mine).WithTitle("Hidden").Hidden().BuildAsync();
        var c = await new ProblemSetBuilder(other).WithTitle("Graphs").CreatedAt(now).BuildAsync();
        await ProblemSetTestData.SeedProgressAsync(a, mine);

        await Client.LoginAsync(mine);
        var data = (await Client.GetAsync("/api/admin/problemset?offset=0&limit=10&keyword=&difficulty=&status=")).Ok();
        var items = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(items.Select(i => i.GetProperty("id").GetInt64()), Is.EqualTo(new[] { b.Id, a.Id }));
            Assert.That(items[1].GetProperty("badges").GetArrayLength(), Is.Zero);
            Assert.That(items[1].GetProperty("user_progress").GetProperty("is_joined").GetBoolean(), Is.False);
            Assert.That(items[1].GetProperty("status").GetString(), Is.EqualTo("draft"));
            Assert.That(items[1].GetProperty("visible").GetBoolean(), Is.True);
            Assert.That(items[1].GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("mine"));
        });

        async Task<long[]> IdsAsync(ApiClient client, string query) =>
            [.. (await client.GetAsync("/api/admin/problemset?" + query)).Ok().GetProperty("results").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
        Assert.That(await IdsAsync(Client, "keyword=%20arr"), Is.EqualTo(new[] { a.Id }));
        Assert.That(await IdsAsync(Client, "difficulty=Hard"), Is.EqualTo(new[] { b.Id }));
        Assert.That(await IdsAsync(Client, "status=draft"), Is.EqualTo(new[] { a.Id }));

        var root = NewClient();
        await root.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        Assert.That(await IdsAsync(root, "limit=10"), Is.EqualTo(new[] { c.Id, b.Id, a.Id }));
    }

    [Test]
    public async Task Owners_read_edit_toggle_and_set_the_status_of_their_sets()
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var set = await new ProblemSetBuilder(owner).WithTitle("Loops").WithStatus("draft").Hidden().EndingAt(new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc))
            .CreatedAt(DateTime.UtcNow.AddDays(-1)).BuildAsync();
        await Client.LoginAsync(owner);
        var detail = (await Client.GetAsync($"/api/admin/problemset/{set.Id}")).Ok();
        Assert.That(detail.GetProperty("end_time").GetString(), Is.EqualTo("2026-09-01T08:00:00+08:00"));

        var edited = (await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset",
            JsonContent.Create(new { id = set.Id, title = "Loops 2", description = "<b>x</b>", visible = true }))).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(edited.GetProperty("title").GetString(), Is.EqualTo("Loops 2"));
            Assert.That(edited.GetProperty("description").GetString(), Is.EqualTo("<b>x</b>"));
            Assert.That(edited.GetProperty("visible").GetBoolean(), Is.True);
            Assert.That(edited.GetProperty("status").GetString(), Is.EqualTo("draft"), "absent fields stay");
            Assert.That(edited.GetProperty("end_time").GetString(), Is.EqualTo("2026-09-01T08:00:00+08:00"), "absent end_time stays");
            Assert.That(edited.GetProperty("last_update_time").GetString(), Is.Not.EqualTo(edited.GetProperty("create_time").GetString()));
        });
        var cleared = (await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset",
            JsonContent.Create(new { id = set.Id, end_time = (string?)null }))).Ok();
        Assert.That(cleared.GetProperty("end_time").ValueKind, Is.EqualTo(JsonValueKind.Null));

        (await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset/status", JsonContent.Create(new { id = set.Id, status = "active" })))
            .Ok();
        Assert.That((await NewClient().GetAsync($"/api/problemset/{set.Id}")).Ok().GetProperty("title").GetString(), Is.EqualTo("Loops 2"));
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset/status", JsonContent.Create(new { id = set.Id, status = "closed" })))
            .AssertError("invalid-status", "status: \"closed\" is not a valid choice.");
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset/status", JsonContent.Create(new { status = "active" })))
            .AssertError("invalid-id", "id: This field is required.");

        var toggled = await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset/visible", JsonContent.Create(new { id = set.Id }));
        Assert.That(toggled.Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
        (await NewClient().GetAsync($"/api/problemset/{set.Id}")).AssertError("error", "题单不存在");
        Assert.That((await Client.GetAsync("/api/admin/problemset")).Ok().GetProperty("total").GetInt32(), Is.Zero, "invisible sets leave the admin list");
        Assert.That((await Client.GetAsync($"/api/admin/problemset/{set.Id}")).Ok().GetProperty("visible").GetBoolean(), Is.False, "still reachable by id");
    }

    [Test]
    public async Task Only_the_owner_or_a_super_admin_may_touch_a_set()
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var set = await new ProblemSetBuilder(owner).WithTitle("Mine").BuildAsync();
        await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        JsonContent Json(object body) => JsonContent.Create(body);

        (await Client.GetAsync($"/api/admin/problemset/{set.Id}")).AssertError("error", "ProblemSet does not exist");
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset", Json(new { id = set.Id, title = "x" }))).AssertError("error", "ProblemSet does not exist");
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset/visible", Json(new { id = set.Id }))).AssertError("error", "ProblemSet does not exist");
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset/status", Json(new { id = set.Id, status = "draft" })))
            .AssertError("error", "ProblemSet does not exist");
        (await Client.SendAsync(HttpMethod.Delete, $"/api/admin/problemset?id={set.Id}", null)).AssertError("error", "ProblemSet does not exist");
        foreach (var response in new[]
                 {
                     await Client.GetAsync("/api/admin/problemset/999999"),
                     await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset", Json(new { id = 999999, title = "x" })),
                     await Client.SendAsync(HttpMethod.Put, "/api/admin/problemset/visible", Json(new { id = 999999 })),
                     await Client.SendAsync(HttpMethod.Delete, "/api/admin/problemset?id=999999", null),
                 })
        {
            response.AssertError("error", "题单不存在");
        }

        var root = NewClient();
        await root.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        Assert.That((await root.SendAsync(HttpMethod.Put, "/api/admin/problemset", Json(new { id = set.Id, title = "Renamed" }))).Ok()
            .GetProperty("title").GetString(), Is.EqualTo("Renamed"));
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That((await db.ProblemSets.SingleAsync()).CreatedById, Is.EqualTo(owner.Id));
    }

    [Test]
    public async Task Deleting_a_set_removes_everything_of_it()
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(owner).BuildAsync();
        var set = await new ProblemSetBuilder(owner).WithProblem(problem).WithBadge("B", "problem_count", 1).BuildAsync();
        var kept = await new ProblemSetBuilder(owner).WithProblem(problem).BuildAsync();
        await ProblemSetTestData.SeedProgressAsync(set, student, null, problem);
        await ProblemSetTestData.GiveBadgeAsync(student, set.Badges[0].Id, DateTime.UtcNow);
        var submission = await new SubmissionBuilder(student, problem).BuildAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            db.ProblemSetSubmissions.Add(new ProblemSetSubmission { ProblemSetId = set.Id, ProblemId = problem.Id, UserId = student.Id, SubmissionId = submission.Id });
            await db.SaveChangesAsync();
        }

        await Client.LoginAsync(owner);
        (await Client.SendAsync(HttpMethod.Delete, "/api/admin/problemset", null)).AssertError("error", "题单ID是必需的");
        (await Client.SendAsync(HttpMethod.Delete, "/api/admin/problemset?id=", null)).AssertError("error", "题单ID是必需的");
        (await Client.SendAsync(HttpMethod.Delete, "/api/admin/problemset?id=abc", null)).AssertError("invalid-id", "id: A valid integer is required.");
        Assert.That((await Client.SendAsync(HttpMethod.Delete, $"/api/admin/problemset?id={set.Id}", null)).Ok().GetString(), Is.EqualTo("题单已删除"));

        await using var check = TestEnvironment.CreateDbContext();
        var counts = new[]
        {
            await check.ProblemSetProblems.CountAsync(), await check.ProblemSetBadges.CountAsync(), await check.UserBadges.CountAsync(),
            await check.ProblemSetProgresses.CountAsync(), await check.ProblemSetSubmissions.CountAsync(), await check.Problems.CountAsync(),
        };
        Assert.That(await check.ProblemSets.Select(s => s.Id).ToListAsync(), Is.EqualTo(new[] { kept.Id }));
        Assert.That(counts, Is.EqualTo(new[] { 1, 0, 0, 0, 0, 1 }), "problems, badges, user badges, progress, submission links, problems of the bank");
    }
}

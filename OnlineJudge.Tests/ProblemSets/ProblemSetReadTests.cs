namespace OnlineJudge.Tests.ProblemSets;

/// <summary>problemset.md §1.1–§1.3, §1.8, §1.9: student reads of sets, their problems and badges.</summary>
public class ProblemSetReadTests : IntegrationTest
{
    private sealed record Scene(User Teacher, User Student, Problem P1, Problem P2, ProblemSet Active, ProblemSet Archived, ProblemSet Draft,
        ProblemSet Hidden);

    private static async Task<Scene> SceneAsync()
    {
        var teacher = await new UserBuilder().WithUsername("teacher1").AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().WithUsername("ks251alice").BuildAsync();
        var p1 = await new ProblemBuilder(teacher).WithDisplayId("PS1").WithTitle("A plus B").WithTags("math").WithCounts(10, 4).BuildAsync();
        var p2 = await new ProblemBuilder(teacher).WithDisplayId("PS2").WithTitle("Loops").BuildAsync();
        var now = DateTime.UtcNow;
        var active = await new ProblemSetBuilder(teacher).WithTitle("Basics").WithDescription("<p>First steps</p>").WithDifficulty("Medium")
            .WithProblem(p2, score: 20, order: 2, required: false, hint: "use a loop").WithProblem(p1, score: 10, order: 1)
            .WithBadge("Finisher", "all_problems").WithBadge("Starter", "problem_count", 1, "/badge-2.png").CreatedAt(now.AddMinutes(-1)).BuildAsync();
        var archived = await new ProblemSetBuilder(teacher).WithTitle("Old loops").WithStatus("archived").CreatedAt(now.AddMinutes(-2)).BuildAsync();
        var draft = await new ProblemSetBuilder(teacher).WithTitle("Draft").WithStatus("draft").CreatedAt(now).BuildAsync();
        var hidden = await new ProblemSetBuilder(teacher).WithTitle("Hidden").Hidden().CreatedAt(now).BuildAsync();
        return new Scene(teacher, student, p1, p2, active, archived, draft, hidden);
    }

    [Test]
    public async Task Anyone_lists_open_sets_newest_first_with_badges_and_default_progress()
    {
        var scene = await SceneAsync();
        var data = (await Client.GetAsync("/api/problemset?offset=0&limit=10&keyword=&difficulty=&status=")).Ok();
        var items = data.GetProperty("results").EnumerateArray().ToList();
        Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(2));
        Assert.That(items.Select(i => i.GetProperty("id").GetInt64()), Is.EqualTo(new[] { scene.Active.Id, scene.Archived.Id }));
        var first = items[0];
        var badge = first.GetProperty("badges")[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("title").GetString(), Is.EqualTo("Basics"));
            Assert.That(first.GetProperty("description").GetString(), Is.EqualTo("<p>First steps</p>"));
            Assert.That(first.GetProperty("created_by").GetRawText(), Is.EqualTo($"{{\"id\":{scene.Teacher.Id},\"username\":\"teacher1\",\"real_name\":null}}"));
            Assert.That(first.GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(first.GetProperty("difficulty").GetString(), Is.EqualTo("Medium"));
            Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(first.GetProperty("end_time").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(first.GetProperty("problems_count").GetInt32(), Is.EqualTo(2));
            Assert.That(first.GetProperty("visible").GetBoolean(), Is.True);
            Assert.That(first.GetProperty("user_progress").GetRawText(),
                Is.EqualTo("{\"is_joined\":false,\"progress_percentage\":0,\"completed_count\":0,\"total_count\":0,\"is_completed\":false}"));
            Assert.That(first.GetProperty("badges").GetArrayLength(), Is.EqualTo(2));
            Assert.That(badge.GetProperty("id").GetInt64(), Is.EqualTo(scene.Active.Badges[0].Id));
            Assert.That(badge.GetProperty("problemset").GetInt64(), Is.EqualTo(scene.Active.Id));
            Assert.That(badge.GetProperty("name").GetString(), Is.EqualTo("Finisher"));
            Assert.That(badge.GetProperty("description").GetString(), Is.EqualTo("Finisher description"));
            Assert.That(badge.GetProperty("icon").GetString(), Is.EqualTo("/badge-1.png"));
            Assert.That(badge.GetProperty("condition_type").GetString(), Is.EqualTo("all_problems"));
            Assert.That(badge.GetProperty("condition_value").GetInt32(), Is.Zero);
            Assert.That(badge.GetProperty("is_earned").GetBoolean(), Is.False);
            Assert.That(items[1].GetProperty("status").GetString(), Is.EqualTo("archived"));
        });
    }

    [Test]
    public async Task A_member_sees_their_progress_and_earned_badges_in_the_list()
    {
        var scene = await SceneAsync();
        await ProblemSetTestData.SeedProgressAsync(scene.Active, scene.Student, null, scene.P1);
        await ProblemSetTestData.GiveBadgeAsync(scene.Student, scene.Active.Badges[1].Id, DateTime.UtcNow);
        await Client.LoginAsync(scene.Student);

        var items = (await Client.GetAsync("/api/problemset?limit=10")).Ok().GetProperty("results").EnumerateArray().ToList();
        var progress = items[0].GetProperty("user_progress");
        Assert.Multiple(() =>
        {
            Assert.That(progress.GetProperty("is_joined").GetBoolean(), Is.True);
            Assert.That(progress.GetProperty("progress_percentage").GetDouble(), Is.EqualTo(50));
            Assert.That(progress.GetProperty("completed_count").GetInt32(), Is.EqualTo(1));
            Assert.That(progress.GetProperty("total_count").GetInt32(), Is.EqualTo(2));
            Assert.That(progress.GetProperty("is_completed").GetBoolean(), Is.False);
            Assert.That(items[0].GetProperty("badges").EnumerateArray().Select(b => b.GetProperty("is_earned").GetBoolean()), Is.EqualTo(new[] { false, true }));
            Assert.That(items[1].GetProperty("user_progress").GetProperty("is_joined").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task The_list_filters_sorts_and_pages()
    {
        var scene = await SceneAsync();
        async Task<long[]> IdsAsync(string query) =>
            [.. (await Client.GetAsync("/api/problemset?" + query)).Ok().GetProperty("results").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

        Assert.That(await IdsAsync("keyword=%20LOOPS%20"), Is.EqualTo(new[] { scene.Archived.Id }), "title, trimmed, case-insensitive");
        Assert.That(await IdsAsync("keyword=first"), Is.EqualTo(new[] { scene.Active.Id }), "description");
        Assert.That(await IdsAsync("difficulty=Medium"), Is.EqualTo(new[] { scene.Active.Id }));
        Assert.That(await IdsAsync("status=archived"), Is.EqualTo(new[] { scene.Archived.Id }));
        Assert.That(await IdsAsync("status=draft"), Is.Empty);
        Assert.That(await IdsAsync("sort=title"), Is.EqualTo(new[] { scene.Active.Id, scene.Archived.Id }));
        Assert.That(await IdsAsync("sort=-title"), Is.EqualTo(new[] { scene.Archived.Id, scene.Active.Id }));
        Assert.That(await IdsAsync("limit=1&offset=1"), Is.EqualTo(new[] { scene.Archived.Id }));
        (await Client.GetAsync("/api/problemset?sort=password")).AssertError("invalid-sort", "sort: \"password\" is not a valid choice.");
    }

    [Test]
    public async Task Detail_shows_an_open_set_with_the_caller_s_progress()
    {
        var scene = await SceneAsync();
        var anonymous = (await Client.GetAsync($"/api/problemset/{scene.Active.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(anonymous.GetProperty("id").GetInt64(), Is.EqualTo(scene.Active.Id));
            Assert.That(anonymous.GetProperty("title").GetString(), Is.EqualTo("Basics"));
            Assert.That(anonymous.GetProperty("description").GetString(), Is.EqualTo("<p>First steps</p>"));
            Assert.That(anonymous.GetProperty("last_update_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(anonymous.GetProperty("visible").GetBoolean(), Is.True);
            Assert.That(anonymous.GetProperty("difficulty").GetString(), Is.EqualTo("Medium"));
            Assert.That(anonymous.GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(anonymous.GetProperty("end_time").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(anonymous.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("teacher1"));
            Assert.That(anonymous.GetProperty("problems_count").GetInt32(), Is.EqualTo(2));
            Assert.That(anonymous.GetProperty("completed_count").GetInt32(), Is.Zero);
            Assert.That(anonymous.GetProperty("user_progress").GetProperty("is_joined").GetBoolean(), Is.False);
            Assert.That(anonymous.TryGetProperty("badges", out _), Is.False);
        });

        await ProblemSetTestData.SeedProgressAsync(scene.Active, scene.Student, null, scene.P1, scene.P2);
        await Client.LoginAsync(scene.Student);
        var member = (await Client.GetAsync($"/api/problemset/{scene.Active.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(member.GetProperty("completed_count").GetInt32(), Is.EqualTo(2));
            Assert.That(member.GetProperty("user_progress").GetProperty("is_joined").GetBoolean(), Is.True);
            Assert.That(member.GetProperty("user_progress").GetProperty("is_completed").GetBoolean(), Is.True);
            Assert.That(member.GetProperty("user_progress").GetProperty("progress_percentage").GetDouble(), Is.EqualTo(100));
        });

        Assert.That((await Client.GetAsync($"/api/problemset/{scene.Archived.Id}")).Ok().GetProperty("status").GetString(), Is.EqualTo("archived"));
        foreach (var id in new[] { scene.Draft.Id, scene.Hidden.Id, 999999 })
        {
            (await Client.GetAsync($"/api/problemset/{id}")).AssertError("error", "题单不存在");
        }

        Assert.That((await Client.GetAsync("/api/problemset/abc")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Client.GetAsync("/api/problemset/-1")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Problems_are_listed_by_order_with_their_problem_and_the_caller_s_ticks()
    {
        var scene = await SceneAsync();
        var anonymous = (await Client.GetAsync($"/api/problemset/{scene.Active.Id}/problems")).Ok().EnumerateArray().ToList();
        Assert.That(anonymous.Select(p => p.GetProperty("problem").GetProperty("_id").GetString()), Is.EqualTo(new[] { "PS1", "PS2" }));
        var first = anonymous[0];
        var problem = first.GetProperty("problem");
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("id").GetInt64(), Is.EqualTo(scene.Active.Problems.Single(p => p.ProblemId == scene.P1.Id).Id));
            Assert.That(first.GetProperty("problemset").GetInt64(), Is.EqualTo(scene.Active.Id));
            Assert.That(first.GetProperty("order").GetInt32(), Is.EqualTo(1));
            Assert.That(first.GetProperty("is_required").GetBoolean(), Is.True);
            Assert.That(first.GetProperty("score").GetInt32(), Is.EqualTo(10));
            Assert.That(first.GetProperty("hint").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(first.GetProperty("is_completed").GetBoolean(), Is.False);
            Assert.That(anonymous[1].GetProperty("is_required").GetBoolean(), Is.False);
            Assert.That(anonymous[1].GetProperty("hint").GetString(), Is.EqualTo("use a loop"));
            Assert.That(problem.GetProperty("id").GetInt32(), Is.EqualTo(scene.P1.Id));
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("A plus B"));
            Assert.That(problem.GetProperty("difficulty").GetString(), Is.EqualTo("Low"));
            Assert.That(problem.GetProperty("submission_number").GetInt64(), Is.EqualTo(10));
            Assert.That(problem.GetProperty("accepted_number").GetInt64(), Is.EqualTo(4));
            Assert.That(problem.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("teacher1"));
            Assert.That(problem.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "math" }));
            Assert.That(problem.GetProperty("contest").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(problem.GetProperty("allow_flowchart").GetBoolean(), Is.False);
            Assert.That(problem.GetProperty("show_flowchart").GetBoolean(), Is.False);
            Assert.That(problem.GetProperty("has_ast_rules").GetBoolean(), Is.False);
            Assert.That(problem.TryGetProperty("my_status", out _), Is.False);
        });

        await ProblemSetTestData.SeedProgressAsync(scene.Active, scene.Student, null, scene.P2);
        await Client.LoginAsync(scene.Student);
        var member = (await Client.GetAsync($"/api/problemset/{scene.Active.Id}/problems")).Ok().EnumerateArray().ToList();
        Assert.That(member.Select(p => p.GetProperty("is_completed").GetBoolean()), Is.EqualTo(new[] { false, true }));
        Assert.That(member[0].GetProperty("problem").TryGetProperty("my_status", out _), Is.False);

        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Problems.Where(p => p.Id == scene.P1.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Visible, false));
        }

        var otherSet = await new ProblemSetBuilder(scene.Teacher).WithProblem(scene.P1).BuildAsync();
        Assert.That((await Client.GetAsync($"/api/problemset/{otherSet.Id}/problems")).Ok().GetArrayLength(), Is.EqualTo(1), "invisible problems stay listed");
        (await Client.GetAsync($"/api/problemset/{scene.Draft.Id}/problems")).AssertError("error", "题单不存在");
        (await Client.GetAsync($"/api/problemset/{scene.Hidden.Id}/problems")).AssertError("error", "题单不存在");
    }

    [Test]
    public async Task Badges_of_an_open_set_are_listed_in_id_order()
    {
        var scene = await SceneAsync();
        var badges = (await Client.GetAsync($"/api/problemset/{scene.Active.Id}/badges")).Ok().EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(badges.Select(b => b.GetProperty("name").GetString()), Is.EqualTo(new[] { "Finisher", "Starter" }));
            Assert.That(badges[1].GetProperty("condition_type").GetString(), Is.EqualTo("problem_count"));
            Assert.That(badges[1].GetProperty("condition_value").GetInt32(), Is.EqualTo(1));
            Assert.That(badges[1].GetProperty("icon").GetString(), Is.EqualTo("/badge-2.png"));
            Assert.That(badges[1].TryGetProperty("is_earned", out _), Is.False);
        });
        (await Client.GetAsync($"/api/problemset/{scene.Draft.Id}/badges")).AssertError("error", "题单不存在");
    }

    [Test]
    public async Task User_badges_of_the_caller_or_of_a_named_user_newest_first_with_their_set()
    {
        var scene = await SceneAsync();
        var hiddenBadgeSet = await new ProblemSetBuilder(scene.Teacher).WithTitle("Gone").Hidden().WithBadge("Old", "score", 5).BuildAsync();
        await ProblemSetTestData.GiveBadgeAsync(scene.Student, scene.Active.Badges[0].Id, DateTime.UtcNow.AddDays(-1));
        await ProblemSetTestData.GiveBadgeAsync(scene.Student, hiddenBadgeSet.Badges[0].Id, DateTime.UtcNow);

        var byName = (await Client.GetAsync("/api/user/badges?username=ks251alice")).Ok().EnumerateArray().ToList();
        Assert.That(byName.Select(b => b.GetProperty("badge").GetProperty("name").GetString()), Is.EqualTo(new[] { "Old", "Finisher" }));
        var item = byName[1];
        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("id").GetInt64(), Is.Positive);
            Assert.That(item.GetProperty("user").GetInt32(), Is.EqualTo(scene.Student.Id));
            Assert.That(item.GetProperty("earned_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(item.GetProperty("badge").GetProperty("problemset").GetInt64(), Is.EqualTo(scene.Active.Id));
            Assert.That(item.GetProperty("badge").GetProperty("icon").GetString(), Is.EqualTo("/badge-1.png"));
            Assert.That(item.GetProperty("badge").GetProperty("description").GetString(), Is.EqualTo("Finisher description"));
            Assert.That(item.GetProperty("problemset").GetRawText(), Is.EqualTo($"{{\"id\":{scene.Active.Id},\"title\":\"Basics\"}}"));
        });

        await Client.LoginAsync(scene.Student);
        Assert.That((await Client.GetAsync("/api/user/badges")).Ok().GetArrayLength(), Is.EqualTo(2));
        Assert.That((await Client.GetAsync("/api/user/badges?username=teacher1")).Ok().GetArrayLength(), Is.Zero);
        (await Client.GetAsync("/api/user/badges?username=KS251ALICE")).AssertError("error", "用户不存在");
        var disabled = await new UserBuilder().WithUsername("gone1").Disabled().BuildAsync();
        await ProblemSetTestData.GiveBadgeAsync(disabled, scene.Active.Badges[0].Id, DateTime.UtcNow);
        (await Client.GetAsync("/api/user/badges?username=gone1")).AssertError("error", "用户不存在");
        (await NewClient().GetAsync("/api/user/badges")).AssertError("permission-denied", "Please login first");
    }
}

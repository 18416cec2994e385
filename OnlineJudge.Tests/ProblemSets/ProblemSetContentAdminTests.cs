using System.Net.Http.Json;

namespace OnlineJudge.Tests.ProblemSets;

/// <summary>problemset.md §2.8–§2.11, §2.16–§2.18, §0.5: a set's problems and members, and the recomputation that follows.</summary>
public class ProblemSetContentAdminTests : IntegrationTest
{
    private sealed record Scene(User Owner, User Alice, User Bob, Problem P1, Problem P2, ProblemSet Set);

    /// <summary>A set of P1 (10 points) with an all-problems and a one-problem badge; Alice finished it, Bob joined.</summary>
    private static async Task<Scene> SceneAsync()
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var alice = await new UserBuilder().WithUsername("alice").BuildAsync();
        var bob = await new UserBuilder().WithUsername("bob").BuildAsync();
        var p1 = await new ProblemBuilder(owner).WithDisplayId("Add1").WithTitle("First").BuildAsync();
        var p2 = await new ProblemBuilder(owner).WithDisplayId("101").WithTitle("Second").BuildAsync();
        var set = await new ProblemSetBuilder(owner).WithProblem(p1, score: 10).WithBadge("All", "all_problems").WithBadge("One", "problem_count", 1)
            .BuildAsync();
        await ProblemSetTestData.SeedProgressAsync(set, alice, DateTime.UtcNow.AddHours(-2), p1);
        await ProblemSetTestData.SeedProgressAsync(set, bob, DateTime.UtcNow.AddHours(-1));
        await ProblemSetTestData.GiveBadgeAsync(alice, set.Badges[0].Id, DateTime.UtcNow.AddHours(-1));
        await ProblemSetTestData.GiveBadgeAsync(alice, set.Badges[1].Id, DateTime.UtcNow.AddHours(-1));
        return new Scene(owner, alice, bob, p1, p2, set);
    }

    private Task<ApiResponse> SendAsync(HttpMethod method, string url, object? body = null) =>
        Client.SendAsync(method, url, body is null ? null : JsonContent.Create(body));

    [Test]
    public async Task Adding_a_problem_recomputes_every_member_and_takes_finished_badges_back()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Owner);
        var url = $"/api/admin/problemset/{scene.Set.Id}/problems";
        (await Client.PostJsonAsync(url, new { order = 1 })).AssertError("invalid-problem_id", "problem_id: This field is required.");
        (await Client.PostJsonAsync(url, new { problem_id = "101", hint = (string?)null })).AssertError("invalid-hint", "hint: This field may not be null.");
        (await Client.PostJsonAsync(url, new { problem_id = "add1" })).AssertError("error", "题目已在该题单中");
        var hidden = await new ProblemBuilder(scene.Owner).WithDisplayId("H1").Hidden().BuildAsync();
        var contest = await new ContestBuilder(scene.Owner).BuildAsync();
        await new ProblemBuilder(scene.Owner).WithDisplayId("C1").InContest(contest).BuildAsync();
        foreach (var displayId in new[] { "H1", "C1", "nope" })
        {
            (await Client.PostJsonAsync(url, new { problem_id = displayId })).AssertError("error", "题目不存在或不可见");
        }

        Assert.That((await Client.PostJsonAsync(url, new { problem_id = 101 })).Ok().GetString(), Is.EqualTo("题目已添加到题单"), "a number is a display id");
        await using (var db = TestEnvironment.CreateDbContext())
        {
            var row = await db.ProblemSetProblems.SingleAsync(p => p.ProblemId == scene.P2.Id);
            Assert.That((row.Order, row.IsRequired, row.Score, row.Hint), Is.EqualTo((0, true, 0, "")));
        }

        var alice = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Alice))!;
        Assert.Multiple(async () =>
        {
            Assert.That(alice.TotalProblemsCount, Is.EqualTo(2));
            Assert.That(alice.CompletedProblemsCount, Is.EqualTo(1));
            Assert.That(alice.ProgressPercentage, Is.EqualTo(50));
            Assert.That(alice.IsCompleted, Is.False);
            Assert.That(alice.CompleteTime, Is.Not.Null, "never cleared");
            Assert.That((await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Bob))!.TotalProblemsCount, Is.EqualTo(2));
            Assert.That(await ProblemSetTestData.HoldersAsync(scene.Set.Badges[0].Id), Is.Empty, "all_problems is revoked");
            Assert.That(await ProblemSetTestData.HoldersAsync(scene.Set.Badges[1].Id), Is.EqualTo(new[] { scene.Alice.Id }));
        });

        var listed = (await Client.GetAsync(url)).Ok().EnumerateArray().ToList();
        Assert.That(listed.Select(p => p.GetProperty("problem").GetProperty("_id").GetString()), Is.EqualTo(new[] { "101", "Add1" }), "by order");
        Assert.That(listed.All(p => !p.GetProperty("is_completed").GetBoolean()), Is.True, "the admin's own progress");
    }

    [Test]
    public async Task The_students_problem_list_shows_an_added_problem_at_once()
    {
        var scene = await SceneAsync();
        var student = NewClient();
        Assert.That((await student.GetAsync($"/api/problemset/{scene.Set.Id}/problems")).Ok().GetArrayLength(), Is.EqualTo(1));
        Assert.That((await student.GetAsync("/api/problemset")).Ok().GetProperty("results")[0].GetProperty("problems_count").GetInt32(), Is.EqualTo(1));
        await Client.LoginAsync(scene.Owner);
        (await Client.PostJsonAsync($"/api/admin/problemset/{scene.Set.Id}/problems", new { problem_id = "101", order = 5, score = 3, hint = "" })).Ok();
        Assert.That((await student.GetAsync($"/api/problemset/{scene.Set.Id}/problems")).Ok().GetArrayLength(), Is.EqualTo(2));
        Assert.That((await student.GetAsync("/api/problemset")).Ok().GetProperty("results")[0].GetProperty("problems_count").GetInt32(), Is.EqualTo(2));
        Assert.That((await student.GetAsync($"/api/problemset/{scene.Set.Id}")).Ok().GetProperty("problems_count").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Editing_a_problem_re_applies_its_score_and_recalculates_badges()
    {
        var scene = await SceneAsync();
        var other = await new ProblemSetBuilder(scene.Owner).WithProblem(scene.P2).BuildAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            db.ProblemSetBadges.Add(new ProblemSetBadge { ProblemSetId = scene.Set.Id, Name = "Rich", Description = "d", Icon = "/badge-3.png", ConditionType = "score", ConditionValue = 50 });
            await db.SaveChangesAsync();
        }

        await Client.LoginAsync(scene.Owner);
        var rowId = scene.Set.Problems[0].Id;
        Assert.That((await SendAsync(HttpMethod.Put, $"/api/admin/problemset/{scene.Set.Id}/problems/{rowId}", new { score = 60, hint = "" })).Ok().GetString(),
            Is.EqualTo("题目已更新"));
        var alice = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Alice))!;
        Assert.Multiple(() =>
        {
            Assert.That(alice.TotalScore, Is.EqualTo(60));
            Assert.That(alice.ProgressDetail.Values.Single().Score, Is.EqualTo(60));
        });
        Assert.That((await ProblemSetTestData.BadgesOfAsync(scene.Alice)).Count, Is.EqualTo(3), "silently given the score badge");
        await using (var db = TestEnvironment.CreateDbContext())
        {
            var row = await db.ProblemSetProblems.SingleAsync(p => p.Id == rowId);
            Assert.That((row.Order, row.IsRequired, row.Score, row.Hint), Is.EqualTo((1, true, 60, "")), "only the given fields change");
        }

        (await SendAsync(HttpMethod.Put, $"/api/admin/problemset/{scene.Set.Id}/problems/{other.Problems[0].Id}", new { score = 1 }))
            .AssertError("error", "题目不在该题单中");
        (await SendAsync(HttpMethod.Put, $"/api/admin/problemset/{scene.Set.Id}/problems/{rowId}", new { order = "first" }))
            .AssertError("invalid-order", "order: A valid integer is required.");
    }

    [Test]
    public async Task Removing_a_problem_drops_it_from_progress_and_its_submission_links()
    {
        var scene = await SceneAsync();
        var submission = await new SubmissionBuilder(scene.Alice, scene.P1).BuildAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            db.ProblemSetProblems.Add(new ProblemSetProblem { ProblemSetId = scene.Set.Id, ProblemId = scene.P2.Id, Order = 2 });
            db.ProblemSetSubmissions.Add(new ProblemSetSubmission { ProblemSetId = scene.Set.Id, ProblemId = scene.P1.Id, UserId = scene.Alice.Id, SubmissionId = submission.Id });
            await db.SaveChangesAsync();
        }

        await Client.LoginAsync(scene.Owner);
        var url = $"/api/admin/problemset/{scene.Set.Id}/problems/{scene.Set.Problems[0].Id}";
        Assert.That((await SendAsync(HttpMethod.Delete, url)).Ok().GetString(), Is.EqualTo("题目已从题单中移除"));
        (await SendAsync(HttpMethod.Delete, url)).AssertError("error", "题目不在该题单中");

        var alice = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Alice))!;
        var bob = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Bob))!;
        await using var check = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(alice.ProgressDetail, Is.Empty);
            Assert.That((alice.TotalProblemsCount, alice.CompletedProblemsCount, alice.TotalScore, alice.IsCompleted), Is.EqualTo((1, 0, 0, false)));
            Assert.That(bob.TotalProblemsCount, Is.EqualTo(1));
            Assert.That(await check.ProblemSetSubmissions.CountAsync(), Is.Zero);
            Assert.That(await ProblemSetTestData.HoldersAsync(scene.Set.Badges[1].Id), Is.Empty, "the one-problem badge goes too");
        });
    }

    [Test]
    public async Task Members_are_listed_removed_and_synchronised()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Owner);
        var members = (await Client.GetAsync($"/api/admin/problemset/{scene.Set.Id}/progress")).Ok().EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(members.Select(m => m.GetProperty("user").GetProperty("username").GetString()), Is.EqualTo(new[] { "bob", "alice" }));
            Assert.That(members[1].GetProperty("completed_problems")[0].GetProperty("_id").GetString(), Is.EqualTo("Add1"));
            Assert.That(members[1].GetProperty("problemset").GetInt64(), Is.EqualTo(scene.Set.Id));
        });

        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.ProblemSetProgresses.Where(p => p.UserId == scene.Alice.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.TotalScore, 99).SetProperty(p => p.TotalProblemsCount, 7));
        }

        Assert.That((await Client.PostJsonAsync($"/api/admin/problemset/{scene.Set.Id}/sync", null)).Ok().GetString(), Is.EqualTo("已同步 2 个用户的进度"));
        var alice = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Alice))!;
        Assert.That((alice.TotalScore, alice.TotalProblemsCount), Is.EqualTo((10, 1)));

        Assert.That((await SendAsync(HttpMethod.Delete, $"/api/admin/problemset/{scene.Set.Id}/progress/{scene.Alice.Id}")).Ok().GetString(),
            Is.EqualTo("用户已从题单中移除"));
        (await SendAsync(HttpMethod.Delete, $"/api/admin/problemset/{scene.Set.Id}/progress/{scene.Alice.Id}")).AssertError("error", "用户未加入该题单");
        Assert.That(await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Alice), Is.Null);
        Assert.That((await ProblemSetTestData.BadgesOfAsync(scene.Alice)).Count, Is.EqualTo(2), "badges stay");
    }

    [Test]
    public async Task Content_endpoints_check_the_set_and_its_owner()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        var set = $"/api/admin/problemset/{scene.Set.Id}";
        var row = scene.Set.Problems[0].Id;
        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/problems", null), (HttpMethod.Post, "/problems", new { problem_id = "101" }), (HttpMethod.Put, $"/problems/{row}", new { }),
            (HttpMethod.Delete, $"/problems/{row}", null), (HttpMethod.Get, "/badges", null),
            (HttpMethod.Post, "/badges", new { name = "n", description = "d", icon = "i", condition_type = "score" }),
            (HttpMethod.Put, $"/badges/{scene.Set.Badges[0].Id}", new { }), (HttpMethod.Delete, $"/badges/{scene.Set.Badges[0].Id}", null),
            (HttpMethod.Get, "/progress", null), (HttpMethod.Delete, $"/progress/{scene.Alice.Id}", null), (HttpMethod.Post, "/sync", new { }),
        };
        foreach (var (method, path, body) in requests)
        {
            (await SendAsync(method, set + path, body)).AssertError("error", "ProblemSet does not exist");
            (await SendAsync(method, "/api/admin/problemset/999999" + path, body)).AssertError("error", "题单不存在");
        }

        var studentAdmin = NewClient();
        await studentAdmin.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await studentAdmin.PostJsonAsync(set + "/problems", new { })).AssertError("permission-denied", "Please login first");
        (await NewClient().GetAsync(set + "/progress")).AssertError("login-required", "Please login in first");

        var root = NewClient();
        await root.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        Assert.That((await root.GetAsync(set + "/progress")).Ok().GetArrayLength(), Is.EqualTo(2));
    }
}

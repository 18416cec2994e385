namespace OnlineJudge.Tests.ProblemSets;

/// <summary>problemset.md §1.4, §1.5, §0.3, §0.4: joining a set and reporting accepted submissions, with badges and their push.</summary>
public class ProblemSetProgressTests : IntegrationTest
{
    private sealed record Scene(User Teacher, User Student, Problem P1, Problem P2, Problem P3, ProblemSet Set);

    private static async Task<Scene> SceneAsync()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var p1 = await new ProblemBuilder(teacher).BuildAsync();
        var p2 = await new ProblemBuilder(teacher).BuildAsync();
        var p3 = await new ProblemBuilder(teacher).BuildAsync();
        var set = await new ProblemSetBuilder(teacher).WithProblem(p1, score: 10).WithProblem(p2, score: 30).WithProblem(p3, score: 60)
            .WithBadge("One", "problem_count", 1).WithBadge("All", "all_problems").WithBadge("Forty", "score", 40).WithBadge("Odd", "level", 0)
            .BuildAsync();
        return new Scene(teacher, student, p1, p2, p3, set);
    }

    [Test]
    public async Task Joining_creates_a_recomputed_row_once()
    {
        var scene = await SceneAsync();
        var body = new { problemset_id = scene.Set.Id };
        (await Client.PostJsonAsync("/api/problemset/progress", body)).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(scene.Student);
        Assert.That((await Client.PostJsonAsync("/api/problemset/progress", body, csrf: false)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        (await Client.PostJsonAsync("/api/problemset/progress", new { })).AssertError("invalid-problemset_id", "problemset_id: This field is required.");
        (await Client.PostJsonAsync("/api/problemset/progress", new { problemset_id = "x" }))
            .AssertError("invalid-problemset_id", "problemset_id: A valid integer is required.");

        Assert.That((await Client.PostJsonAsync("/api/problemset/progress", body)).Ok().GetString(), Is.EqualTo("成功加入题单"));
        var row = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Student))!;
        Assert.Multiple(() =>
        {
            Assert.That(row.TotalProblemsCount, Is.EqualTo(3));
            Assert.That(row.CompletedProblemsCount, Is.Zero);
            Assert.That(row.IsCompleted, Is.False);
            Assert.That(row.CompleteTime, Is.Null);
            Assert.That(row.ProgressDetail, Is.Empty);
            Assert.That(row.JoinTime, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        });
        (await Client.PostJsonAsync("/api/problemset/progress", body)).AssertError("error", "已经加入该题单");
        Assert.That(await ProblemSetTestData.BadgesOfAsync(scene.Student), Is.Empty, "joining checks no badge");
    }

    [Test]
    public async Task Only_open_sets_can_be_joined_and_an_empty_one_is_complete_at_once()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Student);
        var draft = await new ProblemSetBuilder(scene.Teacher).WithStatus("draft").BuildAsync();
        var hidden = await new ProblemSetBuilder(scene.Teacher).Hidden().BuildAsync();
        foreach (var id in new[] { draft.Id, hidden.Id, 987654 })
        {
            (await Client.PostJsonAsync("/api/problemset/progress", new { problemset_id = id })).AssertError("error", "题单不存在");
        }

        var empty = await new ProblemSetBuilder(scene.Teacher).WithStatus("archived").WithBadge("All", "all_problems").BuildAsync();
        await ProblemSetTestData.JoinAsync(Client, empty);
        var row = (await ProblemSetTestData.ProgressOfAsync(empty, scene.Student))!;
        Assert.Multiple(() =>
        {
            Assert.That(row.IsCompleted, Is.True);
            Assert.That(row.CompleteTime, Is.Not.Null);
            Assert.That(row.ProgressPercentage, Is.Zero);
        });
        var detail = (await Client.GetAsync($"/api/problemset/{empty.Id}")).Ok().GetProperty("user_progress");
        Assert.That(detail.GetProperty("is_completed").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Reporting_checks_the_set_membership_and_the_submission_in_order()
    {
        var scene = await SceneAsync();
        var mine = await new SubmissionBuilder(scene.Student, scene.P1).BuildAsync();
        var wrong = await new SubmissionBuilder(scene.Student, scene.P1).WithResult(JudgeStatus.WrongAnswer).BuildAsync();
        var others = await new SubmissionBuilder(scene.Teacher, scene.P1).BuildAsync();
        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P1, mine.Id)).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(scene.Student);

        var draft = await new ProblemSetBuilder(scene.Teacher).WithStatus("draft").WithProblem(scene.P1).BuildAsync();
        (await ProblemSetTestData.ReportAsync(Client, draft, scene.P1, mine.Id)).AssertError("error", "题单不存在");
        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P1, mine.Id)).AssertError("error", "未加入该题单");
        await ProblemSetTestData.JoinAsync(Client, scene.Set);
        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P1, others.Id)).AssertError("error", "提交记录不存在");
        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P1, "nope")).AssertError("error", "提交记录不存在");
        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P1, wrong.Id)).AssertError("error", "只有通过的提交才能更新进度");
        (await Client.SendAsync(HttpMethod.Put, "/api/problemset/progress",
                System.Net.Http.Json.JsonContent.Create(new { problemset_id = scene.Set.Id, problem_id = scene.P1.Id, submission_id = " " })))
            .AssertError("invalid-submission_id", "submission_id: This field may not be blank.");
        (await Client.SendAsync(HttpMethod.Put, "/api/problemset/progress",
                System.Net.Http.Json.JsonContent.Create(new { problemset_id = scene.Set.Id, submission_id = mine.Id })))
            .AssertError("invalid-problem_id", "problem_id: This field is required.");
        Assert.That((await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Student))!.ProgressDetail, Is.Empty);
    }

    [Test]
    public async Task A_report_counts_the_problem_at_its_score_links_the_first_submission_and_awards_badges_once()
    {
        var scene = await SceneAsync();
        var key = await Client.LoginAsync(scene.Student);
        await ProblemSetTestData.JoinAsync(Client, scene.Set);
        await using var socket = await SocketFrames.OpenAsync(key);
        var first = await new SubmissionBuilder(scene.Student, scene.P2).BuildAsync();
        var second = await new SubmissionBuilder(scene.Student, scene.P2).WithResult(JudgeStatus.AstCheckFailed).BuildAsync();

        Assert.That((await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P2, first.Id)).Ok().GetString(), Is.EqualTo("进度已更新"));
        var frame = await socket.NextAsync("achievement_unlocked");
        var expected = string.Join(",", scene.Set.Badges.Where(b => b.Name is "One").Select(b =>
            $"{{\"id\":{b.Id},\"name\":\"One\",\"description\":\"One description\",\"icon\":\"/badge-1.png\",\"rarity\":\"bronze\",\"kind\":\"badge\"}}"));
        Assert.That(frame.GetRawText(), Is.EqualTo($"{{\"type\":\"achievement_unlocked\",\"achievements\":[{expected}]}}"));

        var row = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Student))!;
        var entry = row.ProgressDetail[scene.P2.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.Multiple(() =>
        {
            Assert.That(row.ProgressDetail.Keys, Is.EqualTo(new[] { scene.P2.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            Assert.That(entry.Score, Is.EqualTo(30));
            Assert.That(entry.SubmitTime, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$"));
            Assert.That(row.CompletedProblemsCount, Is.EqualTo(1));
            Assert.That(row.TotalScore, Is.EqualTo(30));
            Assert.That(row.ProgressPercentage, Is.EqualTo(1.0 / 3 * 100));
            Assert.That(row.IsCompleted, Is.False);
        });

        // AST_CHECK_FAILED counts as accepted; the first linked submission stays; the badge is not given twice.
        var before = entry.SubmitTime;
        await Task.Delay(5);
        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P2, second.Id)).Ok();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            var links = await db.ProblemSetSubmissions.Where(s => s.ProblemSetId == scene.Set.Id).ToListAsync();
            Assert.That(links.Select(l => (l.SubmissionId, l.ProblemId, l.UserId)), Is.EqualTo(new[] { (first.Id, scene.P2.Id, scene.Student.Id) }));
        }

        var again = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Student))!;
        Assert.That(string.CompareOrdinal(again.ProgressDetail.Values.Single().SubmitTime, before), Is.Positive, "submit_time moves forward");

        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P1, (await new SubmissionBuilder(scene.Student, scene.P1).BuildAsync()).Id)).Ok();
        var forty = await socket.NextAsync("achievement_unlocked");
        Assert.That(forty.GetProperty("achievements").EnumerateArray().Select(a => a.GetProperty("name").GetString()), Is.EqualTo(new[] { "Forty" }));
        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P3, (await new SubmissionBuilder(scene.Student, scene.P3).BuildAsync()).Id)).Ok();
        var all = await socket.NextAsync("achievement_unlocked");
        Assert.That(all.GetProperty("achievements").EnumerateArray().Select(a => a.GetProperty("name").GetString()), Is.EqualTo(new[] { "All" }));
        Assert.That(await socket.CollectAsync("achievement_unlocked", TimeSpan.FromMilliseconds(300)), Is.Empty);

        var done = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Student))!;
        var held = await ProblemSetTestData.BadgesOfAsync(scene.Student);
        Assert.Multiple(() =>
        {
            Assert.That(done.IsCompleted, Is.True);
            Assert.That(done.CompleteTime, Is.Not.Null);
            Assert.That(done.ProgressPercentage, Is.EqualTo(100));
            Assert.That(done.TotalScore, Is.EqualTo(100));
            Assert.That(held.Select(b => b.BadgeId),
                Is.EqualTo(scene.Set.Badges.Where(b => b.Name != "Odd").Select(b => b.Id)), "an unknown condition is never met");
        });
    }

    [Test]
    public async Task Concurrent_reports_are_all_counted_and_push_each_badge_once()
    {
        var scene = await SceneAsync();
        var key = await Client.LoginAsync(scene.Student);
        await ProblemSetTestData.JoinAsync(Client, scene.Set);
        await using var socket = await SocketFrames.OpenAsync(key);
        var reports = new List<Task<ApiResponse>>();
        foreach (var problem in new[] { scene.P1, scene.P2, scene.P3, scene.P1, scene.P2, scene.P3 })
        {
            var submission = await new SubmissionBuilder(scene.Student, problem).BuildAsync();
            reports.Add(ProblemSetTestData.ReportAsync(Client, scene.Set, problem, submission.Id));
        }

        foreach (var response in await Task.WhenAll(reports))
        {
            Assert.That(response.Ok().GetString(), Is.EqualTo("进度已更新"));
        }

        var frames = await socket.CollectAsync("achievement_unlocked", TimeSpan.FromSeconds(1));
        var names = frames.SelectMany(f => f.GetProperty("achievements").EnumerateArray()).Select(a => a.GetProperty("name").GetString()).Order();
        var row = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Student))!;
        Assert.Multiple(() =>
        {
            Assert.That((row.CompletedProblemsCount, row.TotalScore, row.IsCompleted), Is.EqualTo((3, 100, true)));
            Assert.That(names, Is.EqualTo(new[] { "All", "Forty", "One" }));
        });
    }

    [Test]
    public async Task A_problem_outside_the_set_is_linked_but_not_counted()
    {
        var scene = await SceneAsync();
        var outside = await new ProblemBuilder(scene.Teacher).BuildAsync();
        var submission = await new SubmissionBuilder(scene.Student, outside).BuildAsync();
        await Client.LoginAsync(scene.Student);
        await ProblemSetTestData.JoinAsync(Client, scene.Set);

        Assert.That((await ProblemSetTestData.ReportAsync(Client, scene.Set, outside, submission.Id)).Ok().GetString(), Is.EqualTo("进度已更新"));
        var row = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Student))!;
        Assert.Multiple(() =>
        {
            Assert.That(row.ProgressDetail, Is.Empty);
            Assert.That(row.CompletedProblemsCount, Is.Zero);
        });
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.ProblemSetSubmissions.CountAsync(s => s.ProblemId == outside.Id), Is.EqualTo(1), "the reference links it anyway");
        Assert.That(await ProblemSetTestData.BadgesOfAsync(scene.Student), Is.Empty);
    }

    [Test]
    public async Task A_problem_solved_in_the_set_gets_its_submission_link_back_in_the_submission_list()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Student);
        var before = await new SubmissionBuilder(scene.Student, scene.P1).CreatedAt(DateTime.UtcNow.AddHours(-1)).BuildAsync();
        await ProblemSetTestData.JoinAsync(Client, scene.Set);
        async Task<bool> ShowLinkAsync() => (await Client.GetAsync("/api/submissions?limit=10&myself=1")).Ok().GetProperty("results")
            .EnumerateArray().Single(s => s.GetProperty("id").GetString() == before.Id).GetProperty("show_link").GetBoolean();

        Assert.That(await ShowLinkAsync(), Is.False, "made before joining and not solved in the set (submission.md §0.3)");
        var now = await new SubmissionBuilder(scene.Student, scene.P1).BuildAsync();
        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.P1, now.Id)).Ok();
        Assert.That(await ShowLinkAsync(), Is.True);
    }
}

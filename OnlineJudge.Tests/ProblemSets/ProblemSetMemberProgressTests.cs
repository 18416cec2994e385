namespace OnlineJudge.Tests.ProblemSets;

/// <summary>problemset.md §1.6, §1.7, §1.10: reading one's own progress and the members' progress of a set.</summary>
public class ProblemSetMemberProgressTests : IntegrationTest
{
    private sealed record Scene(User Teacher, Problem P1, Problem P2, ProblemSet Set, User Done, User Half, User Idle);

    private static async Task<Scene> SceneAsync()
    {
        var teacher = await new UserBuilder().WithUsername("teacher1").AsTeacherAdmin().BuildAsync();
        var p1 = await new ProblemBuilder(teacher).WithDisplayId("M1").WithTitle("First").BuildAsync();
        var p2 = await new ProblemBuilder(teacher).WithDisplayId("M2").WithTitle("Second").BuildAsync();
        var set = await new ProblemSetBuilder(teacher).WithTitle("Members").WithProblem(p2, score: 5, order: 1).WithProblem(p1, score: 7, order: 2)
            .BuildAsync();
        var done = await new UserBuilder().WithUsername("ks251done").BuildAsync();
        var half = await new UserBuilder().WithUsername("ks252half").BuildAsync();
        var idle = await new UserBuilder().WithUsername("ks251idle").BuildAsync();
        var now = DateTime.UtcNow;
        await ProblemSetTestData.SeedProgressAsync(set, done, now.AddHours(-3), p1, p2);
        await ProblemSetTestData.SeedProgressAsync(set, half, now.AddHours(-2), p1);
        await ProblemSetTestData.SeedProgressAsync(set, idle, now.AddHours(-1));
        return new Scene(teacher, p1, p2, set, done, half, idle);
    }

    [Test]
    public async Task A_member_reads_their_progress_in_a_set_and_in_every_set()
    {
        var scene = await SceneAsync();
        (await Client.GetAsync($"/api/problemset/{scene.Set.Id}/progress")).AssertError("permission-denied", "Please login first");
        (await Client.GetAsync("/api/user/progress")).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(scene.Half);

        var own = (await Client.GetAsync($"/api/problemset/{scene.Set.Id}/progress")).Ok();
        var key = scene.P1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(own.GetProperty("id").GetInt64(), Is.Positive);
            Assert.That(own.GetProperty("problemset").GetInt64(), Is.EqualTo(scene.Set.Id));
            Assert.That(own.GetProperty("user").GetRawText(), Is.EqualTo($"{{\"id\":{scene.Half.Id},\"username\":\"ks252half\",\"real_name\":null}}"));
            Assert.That(own.GetProperty("join_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(own.GetProperty("complete_time").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(own.GetProperty("is_completed").GetBoolean(), Is.False);
            Assert.That(own.GetProperty("progress_percentage").GetDouble(), Is.EqualTo(50));
            Assert.That(own.GetProperty("completed_problems_count").GetInt32(), Is.EqualTo(1));
            Assert.That(own.GetProperty("total_problems_count").GetInt32(), Is.EqualTo(2));
            Assert.That(own.GetProperty("total_score").GetInt32(), Is.EqualTo(7));
            Assert.That(own.GetProperty("progress_detail").GetRawText(),
                Is.EqualTo($"{{\"{key}\":{{\"score\":7,\"submit_time\":\"2026-09-01T00:00:00.000000+00:00\"}}}}"));
            Assert.That(own.GetProperty("completed_problems").GetRawText(), Is.EqualTo($"[{{\"id\":{scene.P1.Id},\"_id\":\"M1\",\"title\":\"First\"}}]"));
        });

        var other = await new ProblemSetBuilder(scene.Teacher).WithStatus("draft").WithProblem(scene.P2).BuildAsync();
        await ProblemSetTestData.SeedProgressAsync(other, scene.Half, DateTime.UtcNow, scene.P2);
        var all = (await Client.GetAsync("/api/user/progress")).Ok().EnumerateArray().ToList();
        Assert.That(all.Select(p => p.GetProperty("problemset").GetInt64()), Is.EqualTo(new[] { other.Id, scene.Set.Id }), "every set, newest join first");
        Assert.That(all[0].GetProperty("completed_problems")[0].GetProperty("_id").GetString(), Is.EqualTo("M2"));

        (await Client.GetAsync($"/api/problemset/{other.Id}/progress")).AssertError("error", "题单不存在");
        var notJoined = await new ProblemSetBuilder(scene.Teacher).BuildAsync();
        (await Client.GetAsync($"/api/problemset/{notJoined.Id}/progress")).AssertError("error", "未加入该题单");
    }

    [Test]
    public async Task Members_progress_is_for_teachers_and_for_members_who_completed_the_set()
    {
        var scene = await SceneAsync();
        var url = $"/api/problemset/{scene.Set.Id}/users_progress?limit=10&offset=0";
        (await Client.GetAsync(url)).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(scene.Half);
        (await Client.GetAsync(url)).AssertError("permission-denied", "Please login first");
        var outsider = NewClient();
        await outsider.LoginAsync(await new UserBuilder().BuildAsync());
        (await outsider.GetAsync(url)).AssertError("permission-denied", "Please login first");
        var studentAdmin = NewClient();
        await studentAdmin.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await studentAdmin.GetAsync(url)).AssertError("permission-denied", "Please login first");

        var finisher = NewClient();
        await finisher.LoginAsync(scene.Done);
        Assert.That((await finisher.GetAsync(url)).Ok().GetProperty("total").GetInt32(), Is.EqualTo(3));
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        Assert.That((await teacher.GetAsync(url)).Ok().GetProperty("total").GetInt32(), Is.EqualTo(3), "any teacher, not only the owner");
        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsTeacherAdmin().Disabled().BuildAsync());
        (await disabled.GetAsync(url)).AssertError("permission-denied", "Your account is disabled");

        var draft = await new ProblemSetBuilder(scene.Teacher).WithStatus("draft").BuildAsync();
        (await teacher.GetAsync($"/api/problemset/{draft.Id}/users_progress")).AssertError("error", "题单不存在");
    }

    [Test]
    public async Task Members_progress_filters_orders_pages_and_counts()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Teacher);
        var data = (await Client.GetAsync($"/api/problemset/{scene.Set.Id}/users_progress?limit=2&offset=0")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.GetProperty("user").GetProperty("username").GetString()), Is.EqualTo(new[] { "ks251done", "ks252half" }));
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("statistics").GetRawText(), Is.EqualTo("{\"total\":3,\"completed\":1,\"avg_progress\":50}"));
            Assert.That(data.GetProperty("problems").GetRawText(), Is.EqualTo(
                $"[{{\"id\":{scene.P2.Id},\"_id\":\"M2\",\"title\":\"Second\"}},{{\"id\":{scene.P1.Id},\"_id\":\"M1\",\"title\":\"First\"}}]"));
            Assert.That(results[0].GetProperty("completed_problems").EnumerateArray().Select(p => p.GetProperty("_id").GetString()),
                Is.EquivalentTo(new[] { "M1", "M2" }));
            Assert.That(results[0].GetProperty("is_completed").GetBoolean(), Is.True);
            Assert.That(results[1].GetProperty("progress_percentage").GetDouble(), Is.EqualTo(50));
        });

        async Task<(string[] Names, string Statistics)> QueryAsync(string query)
        {
            var page = (await Client.GetAsync($"/api/problemset/{scene.Set.Id}/users_progress?{query}")).Ok();
            return ([.. page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("user").GetProperty("username").GetString()!)],
                page.GetProperty("statistics").GetRawText());
        }

        var byClass = await QueryAsync("class_name=%20KS251%20");
        Assert.That(byClass.Names, Is.EqualTo(new[] { "ks251done", "ks251idle" }));
        Assert.That(byClass.Statistics, Is.EqualTo("{\"total\":2,\"completed\":1,\"avg_progress\":50}"));
        Assert.That((await QueryAsync("completion_status=completed")).Names, Is.EqualTo(new[] { "ks251done" }));
        Assert.That((await QueryAsync("completion_status=in_progress")).Names, Is.EqualTo(new[] { "ks252half" }));
        var idle = await QueryAsync("completion_status=not_started");
        Assert.That(idle.Names, Is.EqualTo(new[] { "ks251idle" }));
        Assert.That(idle.Statistics, Is.EqualTo("{\"total\":1,\"completed\":0,\"avg_progress\":0}"));
        Assert.That((await QueryAsync("completion_status=whatever&limit=1&offset=2")).Names, Is.EqualTo(new[] { "ks251idle" }));
        var nobody = await QueryAsync("class_name=999");
        Assert.That(nobody.Names, Is.Empty);
        Assert.That(nobody.Statistics, Is.EqualTo("{\"total\":0,\"completed\":0,\"avg_progress\":0}"));
    }

    [Test]
    public async Task The_average_is_rounded_to_two_decimals_and_completed_problems_are_those_of_the_set()
    {
        var scene = await SceneAsync();
        var outside = await new ProblemBuilder(scene.Teacher).BuildAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            var row = await db.ProblemSetProgresses.AsTracking().SingleAsync(p => p.UserId == scene.Idle.Id);
            row.ProgressPercentage = 100.0 / 3;
            row.ProgressDetail = new() { [outside.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new ProgressDetailEntry { Score = 1 } };
            await db.SaveChangesAsync();
        }

        await Client.LoginAsync(scene.Teacher);
        var data = (await Client.GetAsync($"/api/problemset/{scene.Set.Id}/users_progress?completion_status=not_started")).Ok();
        Assert.That(data.GetProperty("statistics").GetProperty("avg_progress").GetDouble(), Is.EqualTo(33.33));
        Assert.That(data.GetProperty("results")[0].GetProperty("completed_problems").GetArrayLength(), Is.Zero, "only problems of the set");

        var own = NewClient();
        await own.LoginAsync(scene.Idle);
        Assert.That((await own.GetAsync($"/api/problemset/{scene.Set.Id}/progress")).Ok().GetProperty("completed_problems")[0]
            .GetProperty("id").GetInt32(), Is.EqualTo(outside.Id), "a plain lookup of every key elsewhere");
    }
}

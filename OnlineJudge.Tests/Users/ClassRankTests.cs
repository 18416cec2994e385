namespace OnlineJudge.Tests.Users;

/// <summary>account.md Part B (class_rank, user_class_rank, class_pk) and conf.md §3 (class_usernames).</summary>
public class ClassRankTests : IntegrationTest
{
    private static async Task<User> StudentAsync(string username, string className, int accepted, int submissions,
        Func<UserBuilder, UserBuilder>? configure = null)
    {
        var user = await (configure ?? (b => b))(new UserBuilder().WithUsername(username)).BuildAsync();
        await UsersTestData.SetClassAsync(user, className);
        await UsersTestData.SetProfileAsync(user, accepted, submissions);
        return user;
    }

    private static async Task SeedPkClassesAsync()
    {
        await StudentAsync("ks251a", "251", 10, 20);
        await StudentAsync("ks251b", "251", 6, 12);
        await StudentAsync("ks251c", "251", 4, 8);
        await StudentAsync("ks251d", "251", 0, 0);
        await StudentAsync("ks252a", "252", 3, 6);
        await StudentAsync("ks252b", "252", 3, 0, b => b.AsStudentAdmin());
        await StudentAsync("ks252t", "252", 99, 99, b => b.AsTeacherAdmin());
        await StudentAsync("ks252x", "252", 99, 99, b => b.Disabled());
    }

    // ---- class_rank -----------------------------------------------------------------------------------------

    [Test]
    public async Task Class_rank_sums_the_classes_of_a_grade()
    {
        await SeedPkClassesAsync();
        await StudentAsync("ks2510a", "2510", 20, 30);
        await StudentAsync("ks261a", "261", 50, 50);

        var data = (await Client.GetAsync("/api/class_rank?grade=25")).Ok();

        var rows = data.EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("class_name").GetString()), Is.EqualTo(new[] { "2510", "251", "252" }));
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.GetProperty("rank").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(rows[1].GetProperty("user_count").GetInt32(), Is.EqualTo(4));
            Assert.That(rows[1].GetProperty("total_ac").GetInt32(), Is.EqualTo(20));
            Assert.That(rows[1].GetProperty("total_submission").GetInt32(), Is.EqualTo(40));
            Assert.That(rows[1].GetProperty("avg_ac").GetDouble(), Is.EqualTo(5.0));
            Assert.That(rows[1].GetProperty("ac_rate").GetDouble(), Is.EqualTo(50.0));
            Assert.That(rows[0].GetProperty("ac_rate").GetDouble(), Is.EqualTo(66.67));
            Assert.That(rows[2].GetProperty("user_count").GetInt32(), Is.EqualTo(2), "teachers and disabled users are not class students");
            Assert.That(rows[2].GetProperty("ac_rate").GetDouble(), Is.EqualTo(100.0));
        });
    }

    [Test]
    public async Task Class_rank_needs_an_integer_grade()
    {
        (await Client.GetAsync("/api/class_rank")).AssertError("error", "grade is required");
        (await Client.GetAsync("/api/class_rank?grade=x")).AssertError("error", "grade must be an integer");
        Assert.That((await Client.GetAsync("/api/class_rank?grade=30")).Ok().GetArrayLength(), Is.Zero);
    }

    // ---- user_class_rank ------------------------------------------------------------------------------------

    [Test]
    public async Task User_class_rank_requires_a_login_and_a_class()
    {
        (await Client.GetAsync("/api/user_class_rank")).AssertError("permission-denied", "Please login first");
        var disabled = await StudentAsync("ks300z", "300", 0, 0, b => b.Disabled());
        await Client.LoginAsync(disabled);
        (await Client.GetAsync("/api/user_class_rank")).AssertError("permission-denied", "Your account is disabled");

        var loner = await new UserBuilder().BuildAsync();
        var other = NewClient();
        await other.LoginAsync(loner);
        (await other.GetAsync("/api/user_class_rank")).AssertError("error", "用户没有班级信息");
    }

    [Test]
    public async Task User_class_rank_shows_a_window_around_the_caller_or_a_page()
    {
        var students = new List<User>();
        for (var i = 0; i < 15; i++)
        {
            students.Add(await StudentAsync($"ks300s{i:D2}", "300", 15 - i, 20));
        }

        await Client.LoginAsync(students[12]);
        var window = (await Client.GetAsync("/api/user_class_rank?scope=window")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(window.GetProperty("class_name").GetString(), Is.EqualTo("300"));
            Assert.That(window.GetProperty("my_rank").GetInt32(), Is.EqualTo(13));
            Assert.That(window.GetProperty("total").GetInt32(), Is.EqualTo(15));
            Assert.That(window.GetProperty("ranks").EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()), Is.EqualTo(Enumerable.Range(6, 10)));
        });
        var row = window.GetProperty("ranks")[0];
        Assert.Multiple(() =>
        {
            Assert.That(row.GetProperty("user_id").GetInt32(), Is.EqualTo(students[5].Id));
            Assert.That(row.GetProperty("username").GetString(), Is.EqualTo("ks300s05"));
            Assert.That(row.GetProperty("accepted_number").GetInt32(), Is.EqualTo(10));
            Assert.That(row.GetProperty("submission_number").GetInt32(), Is.EqualTo(20));
        });

        var all = (await Client.GetAsync("/api/user_class_rank?scope=ALL&offset=10&limit=3")).Ok();
        Assert.That(all.GetProperty("ranks").EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()), Is.EqualTo(new[] { 11, 12, 13 }));
        var defaultLimit = (await Client.GetAsync("/api/user_class_rank?scope=all&limit=0&offset=-4")).Ok();
        Assert.That(defaultLimit.GetProperty("ranks").GetArrayLength(), Is.EqualTo(10));

        var teacher = await StudentAsync("ks300teacher", "300", 0, 0, b => b.AsTeacherAdmin());
        var other = NewClient();
        await other.LoginAsync(teacher);
        var outsider = (await other.GetAsync("/api/user_class_rank")).Ok();
        Assert.That(outsider.GetProperty("my_rank").GetInt32(), Is.EqualTo(-1));
        Assert.That(outsider.GetProperty("ranks").GetArrayLength(), Is.EqualTo(15));
    }

    // ---- class_pk -------------------------------------------------------------------------------------------

    [Test]
    public async Task Class_pk_compares_classes()
    {
        await SeedPkClassesAsync();

        var data = (await Client.PostJsonAsync("/api/class_pk", new { class_name = new[] { "252", "251", "999" } })).Ok();

        Assert.That(data.GetProperty("has_time_range").GetBoolean(), Is.False);
        var rows = data.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("class_name").GetString()), Is.EqualTo(new[] { "251", "252" }));
        var c = rows[0];
        Assert.Multiple(() =>
        {
            Assert.That(c.GetProperty("user_count").GetInt32(), Is.EqualTo(4));
            Assert.That(c.GetProperty("total_ac").GetInt32(), Is.EqualTo(20));
            Assert.That(c.GetProperty("total_submission").GetInt32(), Is.EqualTo(40));
            Assert.That(c.GetProperty("avg_ac").GetDouble(), Is.EqualTo(5.0));
            Assert.That(c.GetProperty("median_ac").GetDouble(), Is.EqualTo(5.0));
            Assert.That(c.GetProperty("q1_ac").GetDouble(), Is.EqualTo(1.0));
            Assert.That(c.GetProperty("q3_ac").GetDouble(), Is.EqualTo(9.0));
            Assert.That(c.GetProperty("iqr").GetDouble(), Is.EqualTo(8.0));
            Assert.That(c.GetProperty("std_dev").GetDouble(), Is.EqualTo(4.16));
            Assert.That(c.GetProperty("top_10_avg").GetDouble(), Is.EqualTo(10.0));
            Assert.That(c.GetProperty("middle_80_avg").GetDouble(), Is.EqualTo(5.0));
            Assert.That(c.GetProperty("bottom_10_avg").GetDouble(), Is.EqualTo(0.0));
            Assert.That(c.GetProperty("excellent_rate").GetDouble(), Is.EqualTo(25.0), "global q3 = 7.0");
            Assert.That(c.GetProperty("pass_rate").GetDouble(), Is.EqualTo(75.0), "global q1 = 2.25");
            Assert.That(c.GetProperty("active_rate").GetDouble(), Is.EqualTo(75.0));
            Assert.That(c.GetProperty("ac_rate").GetDouble(), Is.EqualTo(50.0));
            Assert.That(c.GetProperty("composite_score").GetDouble(), Is.EqualTo(83.8));
            Assert.That(c.TryGetProperty("recent_total_ac", out _), Is.False);
        });
        var d = rows[1];
        Assert.Multiple(() =>
        {
            Assert.That(d.GetProperty("user_count").GetInt32(), Is.EqualTo(2));
            Assert.That(d.GetProperty("q1_ac").GetDouble(), Is.EqualTo(3.0));
            Assert.That(d.GetProperty("middle_80_avg").GetDouble(), Is.EqualTo(3.0));
            Assert.That(d.GetProperty("excellent_rate").GetDouble(), Is.EqualTo(0.0));
            Assert.That(d.GetProperty("pass_rate").GetDouble(), Is.EqualTo(100.0));
            Assert.That(d.GetProperty("active_rate").GetDouble(), Is.EqualTo(50.0));
            Assert.That(d.GetProperty("composite_score").GetDouble(), Is.EqualTo(58.0));
        });
    }

    [Test]
    public async Task Class_pk_with_a_time_range_adds_recent_figures()
    {
        await SeedPkClassesAsync();
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var p1 = await UsersTestData.CreateProblemAsync(owner, "1");
        var p2 = await UsersTestData.CreateProblemAsync(owner, "2");
        var p3 = await UsersTestData.CreateProblemAsync(owner, "3");
        var a = await UsersTestData.ReloadAsync((await FindAsync("ks251a")).Id);
        var b = await FindAsync("ks251b");
        var inRange = new DateTime(2026, 3, 1, 4, 0, 0, DateTimeKind.Utc);
        await UsersTestData.AddSubmissionAsync(p1, a, JudgeStatus.Accepted, inRange);
        await UsersTestData.AddSubmissionAsync(p1, a, JudgeStatus.Accepted, inRange);
        await UsersTestData.AddSubmissionAsync(p2, a, JudgeStatus.Accepted, inRange);
        await UsersTestData.AddSubmissionAsync(p3, a, JudgeStatus.WrongAnswer, inRange);
        await UsersTestData.AddSubmissionAsync(p3, b, JudgeStatus.AstCheckFailed, inRange);
        await UsersTestData.AddSubmissionAsync(p1, b, JudgeStatus.Accepted, inRange.AddDays(40));

        var data = (await Client.PostJsonAsync("/api/class_pk", new
        {
            class_name = new[] { "251" },
            start_time = "2026-03-01T00:00:00Z",
            end_time = "2026-03-31 23:59:59",
        })).Ok();

        Assert.That(data.GetProperty("has_time_range").GetBoolean(), Is.True);
        var c = data.GetProperty("comparisons")[0];
        Assert.Multiple(() =>
        {
            Assert.That(c.GetProperty("composite_score").GetDouble(), Is.EqualTo(83.8), "one class: thresholds from itself");
            Assert.That(c.GetProperty("recent_total_ac").GetInt32(), Is.EqualTo(2));
            Assert.That(c.GetProperty("recent_total_submission").GetInt32(), Is.EqualTo(5));
            Assert.That(c.GetProperty("recent_avg_ac").GetDouble(), Is.EqualTo(0.5));
            Assert.That(c.GetProperty("recent_median_ac").GetDouble(), Is.EqualTo(0.0));
            Assert.That(c.GetProperty("recent_top_10_avg").GetDouble(), Is.EqualTo(2.0));
            Assert.That(c.GetProperty("recent_active_count").GetInt32(), Is.EqualTo(1));
        });

        var halfRange = (await Client.PostJsonAsync("/api/class_pk", new { class_name = new[] { "251" }, start_time = "2026-03-01T00:00:00Z", end_time = "soon" })).Ok();
        Assert.That(halfRange.GetProperty("has_time_range").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Class_pk_errors()
    {
        (await Client.PostJsonAsync("/api/class_pk", new { class_name = Array.Empty<string>() })).AssertError("error", "至少需要选择2个班级进行比较");
        (await Client.PostJsonAsync("/api/class_pk", new { })).AssertError("error", "至少需要选择2个班级进行比较");
        (await Client.PostJsonAsync("/api/class_pk", new { class_name = "251" })).AssertError("error", "class_name must be a list of class numbers");
        (await Client.PostJsonAsync("/api/class_pk", new[] { "251" })).AssertError("error", "Invalid data, expected a JSON object with class_name");
        var noCsrf = await Client.PostJsonAsync("/api/class_pk", new { class_name = new[] { "251" } }, csrf: false);
        Assert.That(noCsrf.Status, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
        var empty = (await Client.PostJsonAsync("/api/class_pk", new { class_name = new[] { "999" } })).Ok();
        Assert.That(empty.GetProperty("comparisons").GetArrayLength(), Is.Zero);
    }

    // ---- class_usernames ------------------------------------------------------------------------------------

    [Test]
    public async Task Class_usernames_lists_a_class_newest_first_without_the_prefix()
    {
        var zhang = await StudentAsync("ks251张三", "251", 0, 0);
        var li = await StudentAsync("ks251李四", "251", 0, 0, b => b.Disabled());
        var teacher = await StudentAsync("wang", "251", 0, 0, b => b.AsTeacherAdmin());
        await StudentAsync("ks252赵", "252", 0, 0);
        var now = DateTime.UtcNow;
        await UsersTestData.SetTimesAsync(zhang, now.AddDays(-3), null);
        await UsersTestData.SetTimesAsync(li, now.AddDays(-1), null);
        await UsersTestData.SetTimesAsync(teacher, now.AddDays(-2), null);

        var names = (await Client.GetAsync("/api/class_usernames?classroom=251")).Ok().EnumerateArray().Select(n => n.GetString()).ToList();

        Assert.That(names, Is.EqualTo(new[] { "李四", "wang", "张三" }));
        (await Client.GetAsync("/api/class_usernames")).AssertError("error", "需要班级号");
    }

    private static async Task<User> FindAsync(string username)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return db.Users.Single(u => u.Username == username);
    }
}

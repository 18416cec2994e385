using OnlineJudge.Services.Caching;

namespace OnlineJudge.Tests.Problems;

public class ProblemStudentTests : IntegrationTest
{
    private User teacher = null!;

    [SetUp]
    public async Task CreateTeacherAsync() => teacher = await new UserBuilder().WithUsername("teacher").AsTeacherAdmin().BuildAsync();

    private static CacheService Cache => TestEnvironment.Factory.Services.GetRequiredService<CacheService>();

    private static List<string> Strings(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];

    // ---- tags ----

    [Test]
    public async Task Tags_lists_only_used_tags_filtered_and_cached()
    {
        await new ProblemBuilder(teacher).WithTags("Loop", "Array").BuildAsync();
        await new ProblemBuilder(teacher).Hidden().WithTags("DP").BuildAsync();
        await new ProblemTagBuilder("Unused").BuildAsync();

        var all = (await Client.GetAsync("/api/problem/tags")).Ok();
        Assert.That(Strings(all, "name"), Is.EquivalentTo(new[] { "Loop", "Array", "DP" }));
        Assert.That(all[0].GetProperty("id").GetInt32(), Is.Positive);

        var filtered = (await Client.GetAsync("/api/problem/tags?keyword=loo")).Ok();
        Assert.That(Strings(filtered, "name"), Is.EqualTo(new[] { "Loop" }));
        Assert.That((await Cache.TryGetAsync<JsonElement>("problem_tags:loo")).Found, Is.True);
        Assert.That((await Cache.TryGetAsync<JsonElement>("problem_tags:")).Found, Is.True);

        // Served from the cache until a tag change clears it.
        await new ProblemBuilder(teacher).WithTags("Graph").BuildAsync();
        Assert.That(Strings((await Client.GetAsync("/api/problem/tags")).Ok(), "name"), Does.Not.Contain("Graph"));
    }

    // ---- list ----

    [Test]
    public async Task List_requires_limit()
    {
        (await Client.GetAsync("/api/problem")).AssertError("error", "Limit is needed");
        (await Client.GetAsync("/api/problem?limit=")).AssertError("error", "Limit is needed");
    }

    [Test]
    public async Task List_shows_visible_public_problems_newest_first_with_the_fields_the_client_reads()
    {
        var old = await new ProblemBuilder(teacher).WithDisplayId("1001").WithTitle("A+B").WithTags("Math")
            .WithAstRules("""{"Python3": [{"engine": "x", "message": "m"}]}""").CreatedAt(DateTime.UtcNow.AddDays(-2)).WithCounts(10, 4).BuildAsync();
        var recent = await new ProblemBuilder(teacher).WithDisplayId("1002").WithFlowchart(true, true, "graph TD").WithAstRules("{}").BuildAsync();
        await new ProblemBuilder(teacher).Hidden().BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        await new ProblemBuilder(teacher).InContest(contest).BuildAsync();

        var data = (await Client.GetAsync("/api/problem?paging=true&offset=0&limit=10")).Ok();
        Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(2));
        var results = data.GetProperty("results");
        Assert.That(Strings(results, "_id"), Is.EqualTo(new[] { "1002", "1001" }));
        var first = results[1];
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("id").GetInt32(), Is.EqualTo(old.Id));
            Assert.That(first.GetProperty("title").GetString(), Is.EqualTo("A+B"));
            Assert.That(first.GetProperty("difficulty").GetString(), Is.EqualTo("Low"));
            Assert.That(first.GetProperty("tags")[0].GetString(), Is.EqualTo("Math"));
            Assert.That(first.GetProperty("submission_number").GetInt64(), Is.EqualTo(10));
            Assert.That(first.GetProperty("accepted_number").GetInt64(), Is.EqualTo(4));
            Assert.That(first.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("teacher"));
            Assert.That(first.GetProperty("created_by").GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(first.GetProperty("contest").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(first.GetProperty("has_ast_rules").GetBoolean(), Is.True);
            Assert.That(results[0].GetProperty("has_ast_rules").GetBoolean(), Is.False);
            Assert.That(results[0].GetProperty("allow_flowchart").GetBoolean(), Is.True);
            Assert.That(results[0].GetProperty("show_flowchart").GetBoolean(), Is.True);
            Assert.That(first.TryGetProperty("my_status", out _), Is.False, "anonymous callers get no my_status");
        });
        _ = recent;
    }

    [Test]
    public async Task List_filters_and_pages()
    {
        var other = await new UserBuilder().WithUsername("other").AsTeacherAdmin().BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("abc1").WithTitle("Sum of two").WithTags("Math").WithDifficulty("Low").BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("X2").WithTitle("Graph walk").WithTags("Graph").WithDifficulty("High").BuildAsync();
        await new ProblemBuilder(other).WithDisplayId("X3").WithTitle("Other").WithTags("Geometry").WithDifficulty("Mid").BuildAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(Strings((await Client.GetAsync("/api/problem?limit=10&keyword=%20SUM%20")).Ok().GetProperty("results"), "_id"), Is.EqualTo(new[] { "abc1" }));
            Assert.That(Strings((await Client.GetAsync("/api/problem?limit=10&keyword=x")).Ok().GetProperty("results"), "_id"), Is.EquivalentTo(new[] { "X2", "X3" }));
            Assert.That(Strings((await Client.GetAsync("/api/problem?limit=10&tag=Math")).Ok().GetProperty("results"), "_id"), Is.EqualTo(new[] { "abc1" }));
            Assert.That(Strings((await Client.GetAsync("/api/problem?limit=10&difficulty=High")).Ok().GetProperty("results"), "_id"), Is.EqualTo(new[] { "X2" }));
            Assert.That(Strings((await Client.GetAsync("/api/problem?limit=10&author=other")).Ok().GetProperty("results"), "_id"), Is.EqualTo(new[] { "X3" }));
            var page = (await Client.GetAsync("/api/problem?limit=1&offset=1")).Ok();
            Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(page.GetProperty("results").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task List_sorts()
    {
        await new ProblemBuilder(teacher).WithDisplayId("s1").WithCounts(5, 1).CreatedAt(DateTime.UtcNow.AddDays(-3)).WithAstRules("""{"C": []}""").BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("s2").WithCounts(9, 3).CreatedAt(DateTime.UtcNow.AddDays(-2)).WithFlowchart(true, false, null).BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("s3").WithCounts(1, 2).CreatedAt(DateTime.UtcNow.AddDays(-1)).BuildAsync();

        async Task<List<string>> Sorted(string sort) => Strings((await Client.GetAsync("/api/problem?limit=10&sort=" + sort)).Ok().GetProperty("results"), "_id");
        Assert.Multiple(async () =>
        {
            Assert.That(await Sorted("create_time"), Is.EqualTo(new[] { "s1", "s2", "s3" }));
            Assert.That(await Sorted("-submission_number"), Is.EqualTo(new[] { "s2", "s1", "s3" }));
            Assert.That(await Sorted("accepted_number"), Is.EqualTo(new[] { "s1", "s3", "s2" }));
            Assert.That(await Sorted("flowchart"), Is.EqualTo(new[] { "s2", "s3", "s1" }));
            Assert.That(await Sorted("ast"), Is.EqualTo(new[] { "s1", "s3", "s2" }));
        });
        (await Client.GetAsync("/api/problem?limit=10&sort=password")).AssertError("invalid-sort", "sort: \"password\" is not a valid choice.");
    }

    [Test]
    public async Task List_gives_my_status_to_logged_in_users()
    {
        var solved = await new ProblemBuilder(teacher).WithDisplayId("m1").BuildAsync();
        var tried = await new ProblemBuilder(teacher).WithDisplayId("m2").BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("m3").BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        await ProblemTestData.SetStatusAsync(student, solved, 0);
        await ProblemTestData.SetStatusAsync(student, tried, -1);
        await Client.LoginAsync(student);

        var results = (await Client.GetAsync("/api/problem?limit=10&sort=id")).Ok().GetProperty("results");
        Assert.Multiple(() =>
        {
            Assert.That(results[0].GetProperty("my_status").GetInt32(), Is.EqualTo(0));
            Assert.That(results[1].GetProperty("my_status").GetInt32(), Is.EqualTo(-1));
            Assert.That(results[2].GetProperty("my_status").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    // ---- detail ----

    [Test]
    public async Task Detail_returns_the_problem_with_only_the_template_section_and_no_secrets()
    {
        const string template = "//PREPEND BEGIN\n#include <stdio.h>\n//PREPEND END\n\n//TEMPLATE BEGIN\nint add(int a, int b) {\n}\n//TEMPLATE END\n\n//APPEND BEGIN\nint main() {}\n//APPEND END";
        var problem = await new ProblemBuilder(teacher).WithDisplayId("Abc").WithTemplate("C", template).WithTemplate("Python3", "no markers")
            .WithTags("Math").WithAnswers(("C", "secret")).BuildAsync();

        var data = (await Client.GetAsync("/api/problem?problem_id=aBC")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("id").GetInt32(), Is.EqualTo(problem.Id));
            Assert.That(data.GetProperty("_id").GetString(), Is.EqualTo("Abc"));
            Assert.That(data.GetProperty("template").GetProperty("C").GetString(), Is.EqualTo("int add(int a, int b) {\n}\n"));
            Assert.That(data.GetProperty("template").GetProperty("Python3").GetString(), Is.EqualTo(""));
            Assert.That(data.GetProperty("samples")[0].GetProperty("input").GetString(), Is.EqualTo("1 2"));
            Assert.That(data.GetProperty("tags")[0].GetString(), Is.EqualTo("Math"));
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("teacher"));
            Assert.That(data.GetProperty("languages").GetArrayLength(), Is.EqualTo(2));
            Assert.That(data.GetProperty("time_limit").GetInt32(), Is.EqualTo(1000));
            Assert.That(data.GetProperty("statistic_info").ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(data.GetProperty("my_failed_count").GetInt32(), Is.EqualTo(0));
            Assert.That(data.TryGetProperty("my_status", out _), Is.False);
            foreach (var hidden in new[] { "test_case_id", "test_case_score", "visible", "is_public", "answers" })
            {
                Assert.That(data.TryGetProperty(hidden, out _), Is.False, hidden);
            }

            Assert.That(data.GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
        });
    }

    [Test]
    public async Task Detail_hides_the_reference_flowchart_while_flowcharts_are_allowed()
    {
        await new ProblemBuilder(teacher).WithDisplayId("f1").WithFlowchart(true, true, "graph TD; A-->B").BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("f2").WithFlowchart(false, true, "graph TD; A-->B").BuildAsync();

        var allowed = (await Client.GetAsync("/api/problem?problem_id=f1")).Ok();
        var shown = (await Client.GetAsync("/api/problem?problem_id=f2")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(allowed.GetProperty("mermaid_code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(allowed.GetProperty("flowchart_data").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(shown.GetProperty("mermaid_code").GetString(), Is.EqualTo("graph TD; A-->B"));
            Assert.That(shown.GetProperty("flowchart_data").ValueKind, Is.EqualTo(JsonValueKind.Object));
        });
    }

    [Test]
    public async Task Detail_gives_status_and_failed_count_to_logged_in_users()
    {
        var problem = await new ProblemBuilder(teacher).WithDisplayId("d1").BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.WrongAnswer);
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.CompileError);
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.Accepted);
        await ProblemTestData.AddSubmissionAsync(problem, teacher, JudgeStatus.WrongAnswer);
        await ProblemTestData.SetStatusAsync(student, problem, 0);
        await Client.LoginAsync(student);

        var data = (await Client.GetAsync("/api/problem?problem_id=d1")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("my_status").GetInt32(), Is.EqualTo(0));
            Assert.That(data.GetProperty("my_failed_count").GetInt32(), Is.EqualTo(2));
        });

        var fresh = await new ProblemBuilder(teacher).WithDisplayId("d2").BuildAsync();
        var none = (await Client.GetAsync("/api/problem?problem_id=" + fresh.DisplayId)).Ok();
        Assert.That(none.GetProperty("my_status").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Detail_of_a_missing_hidden_or_contest_problem_does_not_exist()
    {
        await new ProblemBuilder(teacher).WithDisplayId("h1").Hidden().BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("c1").InContest(contest).BuildAsync();

        (await Client.GetAsync("/api/problem?problem_id=nope")).AssertError("error", "Problem does not exist");
        (await Client.GetAsync("/api/problem?problem_id=h1")).AssertError("error", "Problem does not exist");
        (await Client.GetAsync("/api/problem?problem_id=c1")).AssertError("error", "Problem does not exist");
    }

    // ---- beat count ----

    [Test]
    public async Task Beat_count_compares_with_recently_active_users()
    {
        var problem = await new ProblemBuilder(teacher).BuildAsync();
        var me = await new UserBuilder().BuildAsync();
        var solver = await new UserBuilder().BuildAsync();
        var idle = await new UserBuilder().BuildAsync();
        var away = await new UserBuilder().BuildAsync();
        var disabled = await new UserBuilder().Disabled().BuildAsync();
        foreach (var user in new[] { me, solver, idle, teacher, disabled })
        {
            await ProblemTestData.SetLastLoginAsync(user, DateTime.UtcNow.AddDays(-1));
        }

        await ProblemTestData.SetLastLoginAsync(away, DateTime.UtcNow.AddYears(-3));
        await ProblemTestData.AddSubmissionAsync(problem, solver, JudgeStatus.Accepted);
        await ProblemTestData.AddSubmissionAsync(problem, solver, JudgeStatus.Accepted);

        // Anonymous, and a user without an accepted submission, get "0".
        Assert.That((await Client.GetAsync($"/api/problem/beat_count?problem_id={problem.Id}")).Ok().GetString(), Is.EqualTo("0"));
        await Client.LoginAsync(me);
        Assert.That((await Client.GetAsync($"/api/problem/beat_count?problem_id={problem.Id}")).Ok().GetString(), Is.EqualTo("0"));

        await ProblemTestData.AddSubmissionAsync(problem, me, JudgeStatus.AstCheckFailed);
        // Active users: me, solver, idle, teacher = 4; solvers: me, solver = 2 → 50.00.
        Assert.That((await Client.GetAsync($"/api/problem/beat_count?problem_id={problem.Id}")).Ok().GetString(), Is.EqualTo("50.00"));
        (await Client.GetAsync("/api/problem/beat_count?problem_id=abc")).AssertError("invalid-problem_id", "problem_id: A valid integer is required.");
    }

    // ---- similar ----

    [Test]
    public async Task Similar_problems_share_a_tag_and_skip_solved_ones()
    {
        await new ProblemBuilder(teacher).WithDisplayId("base").WithTags("Loop", "Math").BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("mid").WithTags("Loop").WithDifficulty("Mid").BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("high").WithTags("Math").WithDifficulty("High").BuildAsync();
        var solved = await new ProblemBuilder(teacher).WithDisplayId("low").WithTags("Math").WithDifficulty("Low").BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("hidden").WithTags("Math").Hidden().BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("unrelated").WithTags("Graph").BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("notags").BuildAsync();

        var anonymous = (await Client.GetAsync("/api/problem/similar?problem_id=base")).Ok();
        Assert.That(Strings(anonymous, "_id"), Is.EqualTo(new[] { "high", "low", "mid" }));
        Assert.That(anonymous[0].TryGetProperty("my_status", out _), Is.False);
        Assert.That(anonymous[0].GetProperty("title").GetString(), Is.Not.Empty);

        var student = await new UserBuilder().BuildAsync();
        await ProblemTestData.SetStatusAsync(student, solved, 0);
        await Client.LoginAsync(student);
        Assert.That(Strings((await Client.GetAsync("/api/problem/similar?problem_id=base")).Ok(), "_id"), Is.EqualTo(new[] { "high", "mid" }));

        Assert.That((await Client.GetAsync("/api/problem/similar?problem_id=notags")).Ok().GetArrayLength(), Is.Zero);
        (await Client.GetAsync("/api/problem/similar")).AssertError("error", "problem_id is required");
        (await Client.GetAsync("/api/problem/similar?problem_id=zzz")).AssertError("error", "Problem not found");
    }

    // ---- authors ----

    [Test]
    public async Task Authors_count_public_problems_of_enabled_creators()
    {
        var other = await new UserBuilder().WithUsername("other").AsTeacherAdmin().BuildAsync();
        var gone = await new UserBuilder().WithUsername("gone").AsTeacherAdmin().Disabled().BuildAsync();
        await new ProblemBuilder(teacher).BuildAsync();
        await new ProblemBuilder(teacher).BuildAsync();
        await new ProblemBuilder(teacher).Hidden().BuildAsync();
        await new ProblemBuilder(other).Hidden().BuildAsync();
        await new ProblemBuilder(gone).BuildAsync();
        var contest = await new ContestBuilder(other).BuildAsync();
        await new ProblemBuilder(other).InContest(contest).BuildAsync();

        var visible = (await Client.GetAsync("/api/problem/author?all=0")).Ok();
        Assert.That(visible.GetArrayLength(), Is.EqualTo(1));
        Assert.That(visible[0].GetProperty("username").GetString(), Is.EqualTo("teacher"));
        Assert.That(visible[0].GetProperty("problem_count").GetInt32(), Is.EqualTo(2));

        var all = (await Client.GetAsync("/api/problem/author?all=1")).Ok();
        Assert.That(Strings(all, "username"), Is.EqualTo(new[] { "teacher", "other" }));
        Assert.That(all[0].GetProperty("problem_count").GetInt32(), Is.EqualTo(3));
        Assert.That((await Cache.TryGetAsync<JsonElement>("problem_authors_all")).Found, Is.True);
        Assert.That((await Cache.TryGetAsync<JsonElement>("problem_authors_only_visible")).Found, Is.True);
    }

    // ---- yearly ac ----

    [Test]
    public async Task Yearly_ac_groups_practice_submissions_by_year()
    {
        var problem = await new ProblemBuilder(teacher).WithDisplayId("Y1").BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var y2024 = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var y2025 = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.Accepted, y2024);
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.WrongAnswer, y2024);
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.WrongAnswer, y2024);
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.Pending, y2024);
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.AstCheckFailed, y2025);
        var contest = await new ContestBuilder(teacher).BuildAsync();
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.WrongAnswer, y2025, contest.Id);

        var data = (await Client.GetAsync("/api/problem/yearly_ac?problem_id=y1")).Ok();
        Assert.That(data.GetArrayLength(), Is.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(data[0].GetProperty("year").GetInt32(), Is.EqualTo(2024));
            Assert.That(data[0].GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(data[0].GetProperty("accepted").GetInt32(), Is.EqualTo(1));
            Assert.That(data[0].GetProperty("ac_rate").GetDouble(), Is.EqualTo(33.33));
            Assert.That(data[1].GetProperty("ac_rate").GetDouble(), Is.EqualTo(100.0));
        });
        Assert.That((await Cache.TryGetAsync<JsonElement>("problem_yearly_ac:y1")).Found, Is.True);

        (await Client.GetAsync("/api/problem/yearly_ac")).AssertError("error", "problem_id is required");
        (await Client.GetAsync("/api/problem/yearly_ac?problem_id=none")).AssertError("error", "Problem does not exist");
    }

    // ---- pickone ----

    [Test]
    public async Task Pickone_returns_a_visible_public_problem()
    {
        (await Client.GetAsync("/api/pickone")).AssertError("error", "No problem to pick");
        await new ProblemBuilder(teacher).WithDisplayId("only").BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("hidden").Hidden().BuildAsync();
        Assert.That((await Client.GetAsync("/api/pickone")).Ok().GetString(), Is.EqualTo("only"));
    }

    // ---- languages ----

    [Test]
    public async Task Languages_lists_the_option_with_its_defaults()
    {
        var data = (await Client.GetAsync("/api/languages")).Ok().GetProperty("languages");
        var names = data.EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "C", "C++", "Java", "Python3", "Golang", "JavaScript", "SQL" }));
        var c = data[0].GetProperty("config");
        Assert.Multiple(() =>
        {
            Assert.That(c.GetProperty("compile").GetProperty("max_memory").GetInt64(), Is.EqualTo(268435456));
            Assert.That(c.GetProperty("run").GetProperty("seccomp_rule").GetProperty("File IO").GetString(), Is.EqualTo("c_cpp_file_io"));
            Assert.That(c.GetProperty("template").GetString(), Does.StartWith("//PREPEND BEGIN\n#include <stdio.h>\n//PREPEND END"));
            Assert.That(data[2].GetProperty("config").GetProperty("run").GetProperty("memory_limit_check_only").GetInt32(), Is.EqualTo(1));
            Assert.That(data[4].GetProperty("config").GetProperty("compile").GetProperty("env")[0].GetString(), Is.EqualTo("GOCACHE=/tmp"));
        });
    }
}

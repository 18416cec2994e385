using System.Text.Json.Nodes;
using OnlineJudge.Services.Caching;

namespace OnlineJudge.Tests.Problems;

/// <summary>The public problem bank for admins (problem.md §2.1–§2.7) and the permissions of every admin problem endpoint.</summary>
public class ProblemAdminTests : ProblemAdminTestBase
{
    [Test]
    public async Task Admin_problem_endpoints_check_the_gate_and_problem_permission()
    {
        (await Client.GetAsync("/api/admin/problem")).AssertError("login-required", "Please login in first");
        var student = await new UserBuilder().BuildAsync();
        (await (await LoggedInAsync(student)).GetAsync("/api/admin/problem")).AssertError("login-required", "Please login in first");

        var noPermission = await new UserBuilder().AsStudentAdmin().BuildAsync();
        var client = await LoggedInAsync(noPermission);
        (await client.GetAsync("/api/admin/problem")).AssertError("permission-denied", "Please login first");
        (await client.PostJsonAsync("/api/admin/problem", Body())).AssertError("permission-denied", "Please login first");
        (await client.GetAsync("/api/admin/problem/tag")).AssertError("permission-denied", "Please login first");
        (await client.GetAsync("/api/admin/problem/stuck")).AssertError("permission-denied", "Please login first");

        var disabled = await new UserBuilder().AsTeacherAdmin().Disabled().BuildAsync();
        var disabledClient = await LoggedInAsync(disabled);
        (await disabledClient.GetAsync("/api/admin/problem")).AssertError("permission-denied", "Your account is disabled");
    }

    [TestCase("GET", "/api/admin/problem?id=1")]
    [TestCase("PUT", "/api/admin/problem")]
    [TestCase("DELETE", "/api/admin/problem?id=1")]
    [TestCase("PUT", "/api/admin/problem/visible")]
    [TestCase("PUT", "/api/admin/problem/tag")]
    [TestCase("DELETE", "/api/admin/problem/tag?id=1")]
    [TestCase("POST", "/api/admin/problem/batch_tag")]
    [TestCase("GET", "/api/admin/sql_test_case_scripts?problem_id=1")]
    public async Task Problem_permission_endpoints_answer_each_role(string method, string url)
    {
        async Task<ApiResponse> Call(ApiClient client) =>
            await client.SendAsync(new HttpMethod(method), url, method == "GET" || method == "DELETE" ? null : JsonContent(new { }));

        (await Call(Client)).AssertError("login-required", "Please login in first");
        (await Call(await LoggedInAsync(await new UserBuilder().BuildAsync()))).AssertError("login-required", "Please login in first");
        (await Call(await LoggedInAsync(await new UserBuilder().AsStudentAdmin().BuildAsync()))).AssertError("permission-denied", "Please login first");
        (await Call(await LoggedInAsync(await new UserBuilder().AsTeacherAdmin().Disabled().BuildAsync())))
            .AssertError("permission-denied", "Your account is disabled");
        var allowed = await Call(await LoggedInAsync(Teacher));
        Assert.That(allowed.Error, Is.Not.EqualTo("permission-denied").And.Not.EqualTo("login-required"), allowed.Body);
    }

    [TestCase("/api/admin/problem/stuck")]
    [TestCase("/api/admin/problem/top_ac_trend")]
    public async Task Teacher_endpoints_answer_each_role(string url)
    {
        (await Client.GetAsync(url)).AssertError("login-required", "Please login in first");
        (await (await LoggedInAsync(await new UserBuilder().AsStudentAdmin().BuildAsync())).GetAsync(url)).AssertError("permission-denied", "Please login first");
        (await (await LoggedInAsync(await new UserBuilder().AsTeacherAdmin().Disabled().BuildAsync())).GetAsync(url))
            .AssertError("permission-denied", "Your account is disabled");
        (await (await LoggedInAsync(Teacher)).GetAsync(url)).Ok();
        (await (await LoggedInAsync(await new UserBuilder().AsSuperAdmin().BuildAsync())).GetAsync(url)).Ok();
    }

    [Test]
    public async Task Gate_only_endpoints_admit_any_admin_role()
    {
        var studentAdmin = await new UserBuilder().AsStudentAdmin().BuildAsync();
        var contest = await new ContestBuilder(studentAdmin).BuildAsync();
        var client = await LoggedInAsync(studentAdmin);
        Assert.That((await client.GetAsync($"/api/admin/contest/problem?contest_id={contest.Id}")).Ok().GetProperty("total").GetInt32(), Is.Zero);
        (await (await LoggedInAsync(await new UserBuilder().BuildAsync())).GetAsync($"/api/admin/contest/problem?contest_id={contest.Id}"))
            .AssertError("login-required", "Please login in first");
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        Assert.That((await (await LoggedInAsync(admin)).GetAsync($"/api/admin/contest/problem?contest_id={contest.Id}")).Ok().GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Permission_is_checked_before_validation_on_create()
    {
        var noPermission = await new UserBuilder().AsStudentAdmin().BuildAsync();
        (await (await LoggedInAsync(noPermission)).PostJsonAsync("/api/admin/problem", new { title = "" }))
            .AssertError("permission-denied", "Please login first");
    }

    // ---- list / detail ----

    [Test]
    public async Task List_shows_own_problems_unless_the_caller_manages_all()
    {
        var other = await new UserBuilder().WithUsername("other").AsTeacherAdmin().BuildAsync();
        var mine = await new ProblemBuilder(Teacher).WithDisplayId("m1").WithTitle("Mine").Hidden().WithTags("Loop").BuildAsync();
        var theirs = await new ProblemBuilder(other).WithDisplayId("t1").WithTitle("Theirs").BuildAsync();
        var contest = await new ContestBuilder(Teacher).BuildAsync();
        await new ProblemBuilder(Teacher).InContest(contest).BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        await ProblemTestData.AddReactionAsync(mine, student, "learned");
        await ProblemTestData.AddReactionAsync(mine, Teacher, "too_hard");
        await ProblemTestData.AddReactionAsync(mine, other, "learned");

        var own = (await (await LoggedInAsync(Teacher)).GetAsync("/api/admin/problem?paging=true&offset=0&limit=10")).Ok();
        Assert.That(own.GetProperty("total").GetInt32(), Is.EqualTo(1));
        var item = own.GetProperty("results")[0];
        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("_id").GetString(), Is.EqualTo("m1"));
            Assert.That(item.GetProperty("id").GetInt32(), Is.EqualTo(mine.Id));
            Assert.That(item.GetProperty("visible").GetBoolean(), Is.False);
            Assert.That(item.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("teacher"));
            Assert.That(item.GetProperty("tags")[0].GetString(), Is.EqualTo("Loop"));
            Assert.That(item.GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(item.GetProperty("has_ast_rules").GetBoolean(), Is.False);
            Assert.That(item.GetProperty("top_reaction").GetProperty("type").GetString(), Is.EqualTo("learned"));
            Assert.That(item.GetProperty("top_reaction").GetProperty("count").GetInt32(), Is.EqualTo(2));
        });

        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var all = (await (await LoggedInAsync(admin)).GetAsync("/api/admin/problem?limit=10")).Ok();
        Assert.That(all.GetProperty("total").GetInt32(), Is.EqualTo(2));
        Assert.That(all.GetProperty("results")[0].GetProperty("top_reaction").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var adminClient = await LoggedInAsync(admin);
        Assert.That((await adminClient.GetAsync("/api/admin/problem?limit=10&keyword=THEIR")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That((await adminClient.GetAsync("/api/admin/problem?limit=10&author=other")).Ok().GetProperty("results")[0].GetProperty("id").GetInt32(), Is.EqualTo(theirs.Id));
        var tagId = (await ProblemTestData.ReloadAsync(mine.Id)).Tags[0].Id;
        Assert.That((await adminClient.GetAsync($"/api/admin/problem?limit=10&tag_id={tagId}")).Ok().GetProperty("results")[0].GetProperty("id").GetInt32(), Is.EqualTo(mine.Id));
    }

    [Test]
    public async Task Detail_returns_every_column_to_the_owner_only()
    {
        var other = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var problem = await new ProblemBuilder(Teacher).WithAnswers(("C", "int main(){}")).WithTemplate("C", "//PREPEND BEGIN\nx\n//PREPEND END").BuildAsync();

        var data = (await (await LoggedInAsync(Teacher)).GetAsync($"/api/admin/problem?id={problem.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("test_case_id").GetString(), Is.EqualTo("testcase"));
            Assert.That(data.GetProperty("test_case_score")[0].GetProperty("input_name").GetString(), Is.EqualTo("1.in"));
            Assert.That(data.GetProperty("answers")[0].GetProperty("code").GetString(), Is.EqualTo("int main(){}"));
            Assert.That(data.GetProperty("template").GetProperty("C").GetString(), Is.EqualTo("//PREPEND BEGIN\nx\n//PREPEND END"));
            Assert.That(data.GetProperty("visible").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("is_public").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("share_submission").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("prompt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        (await (await LoggedInAsync(other)).GetAsync($"/api/admin/problem?id={problem.Id}")).AssertError("error", "Problem does not exist");
        var all = await new UserBuilder().AsStudentAdmin().BuildAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == all.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ProblemPermission, ProblemPermission.All));
        }

        (await (await LoggedInAsync(all)).GetAsync($"/api/admin/problem?id={problem.Id}")).Ok();
        (await (await LoggedInAsync(Teacher)).GetAsync("/api/admin/problem?id=999999")).AssertError("error", "Problem does not exist");
    }

    // ---- create ----

    [Test]
    public async Task Create_accepts_the_client_body_and_returns_the_problem()
    {
        var client = await LoggedInAsync(Teacher);
        var data = (await client.PostJsonAsync("/api/admin/problem", Body("1001", "Math", " loop ", "LOOP"))).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("_id").GetString(), Is.EqualTo("1001"));
            Assert.That(data.GetProperty("description").GetString(), Does.Not.Contain("<script>"));
            Assert.That(data.GetProperty("samples")[0].GetProperty("input").GetString(), Is.EqualTo("1 2\n"));
            Assert.That(data.GetProperty("test_case_score")[0].GetProperty("score").GetInt32(), Is.EqualTo(10));
            Assert.That(data.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EquivalentTo(new[] { "Math", "loop" }));
            Assert.That(data.GetProperty("created_by").GetProperty("id").GetInt32(), Is.EqualTo(Teacher.Id));
            Assert.That(data.GetProperty("contest").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(data.GetProperty("sql_config").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(data.GetProperty("ast_rules").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(data.GetProperty("mermaid_code").GetString(), Is.EqualTo(""));
            Assert.That(data.GetProperty("answers")[0].GetProperty("language").GetString(), Is.EqualTo("Python3"));
        });

        var stored = await ProblemTestData.ReloadAsync(data.GetProperty("id").GetInt32());
        Assert.That(stored.ContestId, Is.Null);
        Assert.That(stored.LastUpdateTime, Is.Not.Null);

        (await client.PostJsonAsync("/api/admin/problem", Body("1001"))).AssertError("error", "Display ID already exists");
    }

    [Test]
    public async Task Create_reuses_tags_case_insensitively_and_clears_the_tag_cache()
    {
        await new ProblemBuilder(Teacher).WithTags("Math").BuildAsync();
        await Cache.SetAsync("problem_tags:", 1, TimeSpan.FromMinutes(5));
        await Cache.SetAsync("problem_tags:ma", 1, TimeSpan.FromMinutes(5));
        var data = (await (await LoggedInAsync(Teacher)).PostJsonAsync("/api/admin/problem", Body("2001", "MATH", "New"))).Ok();
        Assert.That(data.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EquivalentTo(new[] { "Math", "New" }));
        Assert.That((await Cache.TryGetAsync<int>("problem_tags:")).Found, Is.False);
        Assert.That((await Cache.TryGetAsync<int>("problem_tags:ma")).Found, Is.False);
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.ProblemTags.CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task Create_validates_the_body()
    {
        var client = await LoggedInAsync(Teacher);
        var noTitle = Body();
        noTitle["title"] = "";
        (await client.PostJsonAsync("/api/admin/problem", noTitle)).AssertError("invalid-title", "title: This field may not be blank.");

        var badLanguage = Body();
        badLanguage["languages"] = new JsonArray("C", "Cobol");
        (await client.PostJsonAsync("/api/admin/problem", badLanguage)).AssertError("invalid-languages", "languages: Cobol is not a valid language");

        var badTestCase = Body();
        badTestCase["test_case_id"] = "../etc";
        (await client.PostJsonAsync("/api/admin/problem", badTestCase)).AssertError("invalid-test_case_id", "test_case_id: This value does not match the required pattern.");

        var noTags = Body();
        noTags["tags"] = new JsonArray();
        (await client.PostJsonAsync("/api/admin/problem", noTags)).Error.Should("invalid-tags");

        var tooLong = Body();
        tooLong["time_limit"] = 60001;
        (await client.PostJsonAsync("/api/admin/problem", tooLong)).Error.Should("invalid-time_limit");

        var badScore = Body();
        badScore["test_case_score"] = new JsonArray(new JsonObject { ["input_name"] = "1.in", ["output_name"] = "1.out", ["score"] = "ten" });
        (await client.PostJsonAsync("/api/admin/problem", badScore)).Error.Should("invalid-score");

        var blankSample = Body();
        blankSample["samples"] = new JsonArray(new JsonObject { ["input"] = "", ["output"] = "3" });
        (await client.PostJsonAsync("/api/admin/problem", blankSample)).Error.Should("invalid-input");

        var noDisplayId = Body();
        noDisplayId["_id"] = "";
        (await client.PostJsonAsync("/api/admin/problem", noDisplayId)).AssertError("error", "Display ID is required");
    }

    [Test]
    public async Task Create_runs_the_common_checks()
    {
        var client = await LoggedInAsync(Teacher);
        var noDescriptions = Body();
        noDescriptions["input_description"] = "";
        (await client.PostJsonAsync("/api/admin/problem", noDescriptions)).AssertError("error", "Input and output description are required");

        var noSamples = Body();
        noSamples["samples"] = new JsonArray();
        (await client.PostJsonAsync("/api/admin/problem", noSamples)).AssertError("error", "Samples are required");

        var mixed = Body();
        mixed["languages"] = new JsonArray("SQL", "C");
        (await client.PostJsonAsync("/api/admin/problem", mixed)).AssertError("error", "SQL problem cannot be mixed with other languages");

        var noConfig = Body();
        noConfig["languages"] = new JsonArray("SQL");
        (await client.PostJsonAsync("/api/admin/problem", noConfig)).AssertError("error", "SQL problem requires sql_config");

        var noAnswer = Body();
        noAnswer["languages"] = new JsonArray("SQL");
        noAnswer["sql_config"] = new JsonObject { ["mode"] = "query" };
        (await client.PostJsonAsync("/api/admin/problem", noAnswer)).AssertError("error", "SQL problem requires a SQL reference answer");

        var noTestCase = Body();
        noTestCase["languages"] = new JsonArray("SQL");
        noTestCase["sql_config"] = new JsonObject { ["mode"] = "query" };
        noTestCase["answers"] = new JsonArray(new JsonObject { ["language"] = "SQL", ["code"] = "SELECT 1;" });
        noTestCase["test_case_id"] = "missing0000000000000000000000000";
        (await client.PostJsonAsync("/api/admin/problem", noTestCase)).AssertError("error", "测试点信息读取失败，请重新上传测试点");
    }

    [Test]
    public async Task Create_a_sql_problem_without_samples()
    {
        var client = await LoggedInAsync(Teacher);
        var upload = await TestCaseTests.UploadAsync(client, TestCaseTests.Zip(("1.sql", "CREATE TABLE t(a);"), ("2.sql", "CREATE TABLE t(a); INSERT INTO t VALUES (1);")), sql: true);
        var body = Body("S1");
        body["languages"] = new JsonArray("SQL");
        body["template"] = new JsonObject();
        body["samples"] = new JsonArray();
        body["input_description"] = "";
        body["output_description"] = "";
        body["sql_config"] = new JsonObject { ["mode"] = "query" };
        body["answers"] = new JsonArray(new JsonObject { ["language"] = "SQL", ["code"] = "SELECT * FROM t;" });
        body["test_case_id"] = upload.GetProperty("id").GetString();
        var data = (await client.PostJsonAsync("/api/admin/problem", body)).Ok();
        Assert.That(data.GetProperty("sql_config").GetProperty("mode").GetString(), Is.EqualTo("query"));
        Assert.That(data.GetProperty("sql_config").GetProperty("order_sensitive").GetBoolean(), Is.False);
        var display = data.GetProperty("sql_display");
        Assert.That(display.GetProperty("tables")[0].GetProperty("name").GetString(), Is.EqualTo("t"));
        Assert.That(display.GetProperty("expected").GetProperty("columns")[0].GetProperty("name").GetString(), Is.EqualTo("a"));

        var broken = Body("S3");
        foreach (var key in new[] { "languages", "template", "samples", "input_description", "output_description", "sql_config", "test_case_id" })
        {
            broken[key] = body[key]!.DeepClone();
        }

        broken["answers"] = new JsonArray(new JsonObject { ["language"] = "SQL", ["code"] = "SELECT * FROM missing;" });
        var refused = await client.PostJsonAsync("/api/admin/problem", broken);
        Assert.That(refused.Data.GetString(), Does.StartWith("SQL 展示数据生成失败: 标准答案执行失败: "));

        var normal = Body("S2");
        normal["test_case_id"] = upload.GetProperty("id").GetString();
        normal["languages"] = new JsonArray("SQL");
        normal["sql_config"] = new JsonObject { ["mode"] = "query" };
        normal["answers"] = new JsonArray(new JsonObject { ["language"] = "SQL", ["code"] = "SELECT 1;" });
        var plain = await TestCaseTests.UploadAsync(client, TestCaseTests.Zip(("1.in", "1"), ("1.out", "1")), sql: false);
        normal["test_case_id"] = plain.GetProperty("id").GetString();
        (await client.PostJsonAsync("/api/admin/problem", normal)).AssertError("error", "测试点不是 SQL 类型，请重新上传 SQL 测试点压缩包");
    }

    // ---- edit ----

    [Test]
    public async Task Edit_overwrites_fields_and_replaces_tags()
    {
        var problem = await new ProblemBuilder(Teacher).WithDisplayId("e1").WithTags("Old").WithFlowchart(true, true, "graph A").BuildAsync();
        await new ProblemBuilder(Teacher).WithDisplayId("taken").BuildAsync();
        var client = await LoggedInAsync(Teacher);
        var body = Body("e1-new", "New");
        body["id"] = problem.Id;
        body["visible"] = false;
        body.Remove("mermaid_code");
        body.Remove("allow_flowchart");
        (await Put(client, "/api/admin/problem", body)).Ok();

        var stored = await ProblemTestData.ReloadAsync(problem.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.DisplayId, Is.EqualTo("e1-new"));
            Assert.That(stored.Visible, Is.False);
            Assert.That(stored.Tags.Select(t => t.Name), Is.EqualTo(new[] { "New" }));
            Assert.That(stored.MermaidCode, Is.EqualTo("graph A"), "omitted mermaid_code is left unchanged");
            Assert.That(stored.AllowFlowchart, Is.False, "omitted allow_flowchart takes its default");
            Assert.That(stored.TestCaseScore[0].Score, Is.EqualTo(10));
        });

        body["_id"] = "taken";
        (await Put(client, "/api/admin/problem", body)).AssertError("error", "Display ID already exists");
        body["id"] = 999999;
        (await Put(client, "/api/admin/problem", body)).AssertError("error", "Problem does not exist");

        var other = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        body["id"] = problem.Id;
        body["_id"] = "x";
        (await Put(await LoggedInAsync(other), "/api/admin/problem", body)).AssertError("error", "Problem does not exist");
    }

    // ---- delete / visible ----

    [Test]
    public async Task Delete_removes_the_problem_and_its_submissions()
    {
        var problem = await new ProblemBuilder(Teacher).BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        await ProblemTestData.AddSubmissionAsync(problem, student, JudgeStatus.Accepted);
        var other = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var contest = await new ContestBuilder(Teacher).BuildAsync();
        var contestProblem = await new ProblemBuilder(Teacher).InContest(contest).BuildAsync();

        var client = await LoggedInAsync(Teacher);
        (await Delete(client, "/api/admin/problem")).AssertError("error", "Invalid parameter, id is required");
        (await Delete(client, "/api/admin/problem?id=abc")).AssertError("invalid-id", "id: A valid integer is required.");
        (await Delete(client, $"/api/admin/problem?id={contestProblem.Id}")).AssertError("error", "Problem does not exists");
        (await Delete(await LoggedInAsync(other), $"/api/admin/problem?id={problem.Id}")).AssertError("error", "Problem does not exist");
        Assert.That((await Delete(client, $"/api/admin/problem?id={problem.Id}")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Problems.AnyAsync(p => p.Id == problem.Id), Is.False);
        Assert.That(await db.Submissions.AnyAsync(s => s.ProblemId == problem.Id), Is.False);
    }

    [Test]
    public async Task Visible_toggles()
    {
        var problem = await new ProblemBuilder(Teacher).BuildAsync();
        var client = await LoggedInAsync(Teacher);
        (await Put(client, "/api/admin/problem/visible", new { id = problem.Id })).Ok();
        Assert.That((await ProblemTestData.ReloadAsync(problem.Id)).Visible, Is.False);
        (await Put(client, "/api/admin/problem/visible", new { id = problem.Id })).Ok();
        Assert.That((await ProblemTestData.ReloadAsync(problem.Id)).Visible, Is.True);
        (await Put(client, "/api/admin/problem/visible", new { id = 999999 })).AssertError("error", "Problem does not exist");
        (await Put(client, "/api/admin/problem/visible", new { })).AssertError("invalid-id", "id: This field is required.");
    }
}

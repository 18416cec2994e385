namespace OnlineJudge.Tests.Problems;

/// <summary>problem.md §2.14 and data-model.md §3.4: the SQL display built in an in-memory SQLite database.</summary>
public class SqlPreviewTests : IntegrationTest
{
    private const string Init = "CREATE TABLE student (id INTEGER PRIMARY KEY, name TEXT, score REAL);\n"
        + "INSERT INTO student VALUES (1, 'amy', 90.5), (2, 'bob', NULL);\nCREATE TABLE note (t);";

    [SetUp]
    public async Task LogInAsTeacherAsync() => await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());

    [Test]
    public async Task Query_mode_shows_the_tables_and_the_last_result_set()
    {
        var data = (await Client.PostJsonAsync("/api/admin/sql_test_case_preview",
            new { init_sql = Init, ref_sql = "SELECT 1; SELECT name, score FROM student ORDER BY id", mode = "query" })).Ok();
        var tables = data.GetProperty("tables").EnumerateArray().ToList();
        var expected = data.GetProperty("expected");
        Assert.Multiple(() =>
        {
            Assert.That(tables.Select(t => t.GetProperty("name").GetString()), Is.EqualTo(new[] { "student", "note" }));
            Assert.That(tables[0].GetProperty("columns")[1].GetProperty("type").GetString(), Is.EqualTo("TEXT"));
            Assert.That(tables[1].GetProperty("columns")[0].GetProperty("type").GetString(), Is.EqualTo(""));
            Assert.That(tables[0].GetProperty("rows")[0][1].GetString(), Is.EqualTo("amy"));
            Assert.That(tables[0].GetProperty("rows")[1][2].ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(tables[0].GetProperty("total_rows").GetInt32(), Is.EqualTo(2));
            Assert.That(tables[0].GetProperty("truncated").GetBoolean(), Is.False);
            Assert.That(tables[0].TryGetProperty("dropped", out _), Is.False);
            Assert.That(expected.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "name", "score" }));
            Assert.That(expected.GetProperty("rows")[0][1].GetDouble(), Is.EqualTo(90.5));
            Assert.That(expected.GetProperty("total_rows").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Modify_mode_lists_changed_and_dropped_tables()
    {
        var data = (await Client.PostJsonAsync("/api/admin/sql_test_case_preview",
            new { init_sql = Init, ref_sql = "UPDATE student SET score = 60 WHERE id = 2; DROP TABLE note;", mode = "modify" })).Ok();
        var changed = data.GetProperty("expected").GetProperty("changed_tables").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(changed.Select(t => t.GetProperty("name").GetString()), Is.EqualTo(new[] { "student", "note" }));
            Assert.That(changed[0].GetProperty("dropped").GetBoolean(), Is.False);
            Assert.That(changed[0].GetProperty("rows")[1][2].GetDouble(), Is.EqualTo(60));
            Assert.That(changed[1].GetProperty("dropped").GetBoolean(), Is.True);
            Assert.That(changed[1].GetProperty("total_rows").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task Failures_are_explained()
    {
        var bad = (await Client.PostJsonAsync("/api/admin/sql_test_case_preview", new { init_sql = "CREATE TABLE", ref_sql = "SELECT 1", mode = "query" }));
        Assert.That(bad.Error, Is.EqualTo("error"));
        Assert.That(bad.Data.GetString(), Does.StartWith("初始化脚本执行失败: "));

        var wrong = await Client.PostJsonAsync("/api/admin/sql_test_case_preview", new { init_sql = Init, ref_sql = "SELECT nope FROM student", mode = "query" });
        Assert.That(wrong.Data.GetString(), Does.StartWith("标准答案执行失败: "));

        (await Client.PostJsonAsync("/api/admin/sql_test_case_preview", new { init_sql = Init, ref_sql = "UPDATE student SET id = id WHERE 0", mode = "modify" }))
            .AssertError("error", "标准答案未修改任何表数据，请检查题目配置");
        (await Client.PostJsonAsync("/api/admin/sql_test_case_preview", new { init_sql = Init, ref_sql = "UPDATE student SET score = 1", mode = "query" }))
            .AssertError("error", "标准答案未产生查询结果集");
        (await Client.PostJsonAsync("/api/admin/sql_test_case_preview",
            new { init_sql = "CREATE TABLE t(x);", ref_sql = "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10001) SELECT n FROM c", mode = "query" }))
            .AssertError("error", "标准答案结果超过 10000 行");
        (await Client.PostJsonAsync("/api/admin/sql_test_case_preview", new { init_sql = Init, ref_sql = "SELECT 1", mode = "other" }))
            .AssertError("invalid-mode", "mode: \"other\" is not a valid choice.");
    }

    [Test]
    public async Task Needs_problem_permission()
    {
        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await student.PostJsonAsync("/api/admin/sql_test_case_preview", new { init_sql = Init, ref_sql = "SELECT 1", mode = "query" }))
            .AssertError("permission-denied", "Please login first");
    }
}

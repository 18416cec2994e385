using System.Text.Json.Nodes;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>SQL problems judged in-process (judge.md §5.2), through the submit endpoint.</summary>
public class SqlJudgeTests : IntegrationTest
{
    private const string Init = "CREATE TABLE s (id INTEGER, name TEXT, score REAL); INSERT INTO s VALUES (1, 'a', 90.5), (2, 'b', 70), (3, NULL, 80);";

    private User student = null!;

    private async Task<Problem> ProblemAsync(string mode, string answer, params string[] scripts)
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        student = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(student);
        var testCaseId = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(OnlineJudgeWebFactory.DataDir, "test_case", testCaseId);
        Directory.CreateDirectory(folder);
        var cases = new JsonObject();
        for (var i = 0; i < scripts.Length; i++)
        {
            var name = $"{i + 1}.sql";
            await File.WriteAllTextAsync(Path.Combine(folder, name), scripts[i]);
            cases[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["input_name"] = name, ["input_size"] = scripts[i].Length, ["output_name"] = name, ["output_size"] = 0, ["stripped_output_md5"] = "",
            };
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "info"), new JsonObject { ["sql"] = true, ["test_cases"] = cases }.ToJsonString());
        return await new ProblemBuilder(teacher).WithLanguages("SQL").WithTestCaseId(testCaseId).WithSqlConfig(mode)
            .WithAnswers(("SQL", answer)).BuildAsync();
    }

    private async Task<Submission> JudgeAsync(Problem problem, string code)
    {
        var data = (await Client.PostJsonAsync("/api/submission", new { problem_id = problem.Id, language = "SQL", code })).Ok();
        return await JudgeTestData.WaitForVerdictAsync(JudgeTestData.SubmissionIdOf(data));
    }

    [Test]
    public async Task A_query_with_the_same_rows_in_any_order_is_accepted_and_counted()
    {
        var problem = await ProblemAsync(SqlProblemMode.Query, "SELECT id, name FROM s WHERE score > 75;", Init, Init + " INSERT INTO s VALUES (4, 'd', 99);");
        var submission = await JudgeAsync(problem, "select id, name from s where score > 75 order by id desc");
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.Accepted));
            Assert.That(submission.Info.GetProperty("data").GetArrayLength(), Is.EqualTo(2));
            Assert.That(submission.Info.GetProperty("data")[1].GetProperty("test_case").GetString(), Is.EqualTo("2"));
            Assert.That(submission.Info.GetProperty("data")[0].GetProperty("output_md5").GetString(), Is.Empty);
            Assert.That(submission.StatisticInfo.ErrInfo, Is.Null);
        });
    }

    [Test]
    public async Task Different_rows_or_types_are_wrong_answers()
    {
        var problem = await ProblemAsync(SqlProblemMode.Query, "SELECT name FROM s WHERE id = 3;", Init);
        Assert.That((await JudgeAsync(problem, "SELECT 'NULL';")).Result, Is.EqualTo(JudgeStatus.WrongAnswer), "NULL differs from 'NULL'");
        Assert.That((await JudgeAsync(problem, "SELECT name FROM s WHERE id = 3;")).Result, Is.EqualTo(JudgeStatus.Accepted));
    }

    [Test]
    public async Task A_syntax_error_in_the_first_case_is_a_compile_error()
    {
        var problem = await ProblemAsync(SqlProblemMode.Query, "SELECT 1;", Init);
        var submission = await JudgeAsync(problem, "SELEC 1");
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.CompileError));
            Assert.That(submission.StatisticInfo.ErrInfo, Does.Contain("syntax error"));
        });
    }

    [Test]
    public async Task Query_problems_refuse_writes_with_a_hint()
    {
        var problem = await ProblemAsync(SqlProblemMode.Query, "SELECT count(*) FROM s;", Init);
        var submission = await JudgeAsync(problem, "INSERT INTO s VALUES (9, 'x', 1); SELECT count(*) FROM s;");
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.RuntimeError));
            Assert.That(submission.StatisticInfo.ErrInfo, Is.EqualTo("本题为查询题，禁止修改数据或表结构（INSERT/UPDATE/DELETE/CREATE 等）"));
        });

        var pragma = await JudgeAsync(problem, "PRAGMA table_info(s);");
        Assert.That(pragma.StatisticInfo.ErrInfo, Is.EqualTo("禁止使用 ATTACH/DETACH/PRAGMA 等数据库管理语句"));
    }

    [Test]
    public async Task Modify_problems_compare_the_final_tables()
    {
        var problem = await ProblemAsync(SqlProblemMode.Modify, "UPDATE s SET score = score + 5 WHERE name IS NOT NULL;", Init);
        Assert.That((await JudgeAsync(problem, "UPDATE s SET score = score + 5 WHERE id IN (1, 2);")).Result, Is.EqualTo(JudgeStatus.Accepted));
        Assert.That((await JudgeAsync(problem, "UPDATE s SET score = score + 5;")).Result, Is.EqualTo(JudgeStatus.WrongAnswer));
    }

    [Test]
    public async Task A_runaway_query_hits_the_time_limit()
    {
        var problem = await ProblemAsync(SqlProblemMode.Query, "SELECT 1;", Init);
        var submission = await JudgeAsync(problem, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;");
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.CpuTimeLimitExceeded));
            Assert.That(submission.StatisticInfo.ErrInfo, Is.EqualTo("SQL 执行超时"));
            Assert.That(submission.StatisticInfo.TimeCost, Is.InRange(900, 5000));
        });
    }

    [Test]
    public async Task A_huge_result_is_a_memory_limit()
    {
        var problem = await ProblemAsync(SqlProblemMode.Query, "SELECT 1;", Init);
        var submission = await JudgeAsync(problem, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) SELECT x FROM c;");
        Assert.That(submission.Result, Is.EqualTo(JudgeStatus.MemoryLimitExceeded));
    }

    [Test]
    public async Task A_broken_problem_is_a_system_error_that_says_what_is_wrong()
    {
        var problem = await ProblemAsync(SqlProblemMode.Query, "SELECT * FROM missing;", Init);
        var submission = await JudgeAsync(problem, "SELECT 1;");
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.SystemError));
            Assert.That(submission.StatisticInfo.ErrInfo, Does.StartWith("标准答案执行失败: "));
        });
    }
}

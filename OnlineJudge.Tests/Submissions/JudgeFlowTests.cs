using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>judge.md §2–4, §6: submit through HTTP, a fake JudgeServer answers, the verdict and statistics are stored.</summary>
public class JudgeFlowTests : JudgeTest
{
    private sealed record Scene(User Admin, User Student, Problem Problem);

    private static async Task<Scene> SceneAsync()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(admin).WithDisplayId("A1").WithTestCaseId("tc1")
            .WithTemplate("C", "//PREPEND BEGIN\n#include <stdio.h>\n//PREPEND END\n\n//TEMPLATE BEGIN\nint x;\n//TEMPLATE END\n\n//APPEND BEGIN\nint main(){}\n//APPEND END")
            .BuildAsync();
        return new Scene(admin, student, problem);
    }


    [Test]
    public async Task An_accepted_submission_is_judged_stored_and_counted()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Student);

        var id = await SubmitAsync(Client, scene.Problem, code: "int add(int a, int b) { return a + b; }");
        Assert.That(id, Does.Match("^[1-9a-f][0-9a-f]{31}$"));
        var submission = await JudgeTestData.WaitForVerdictAsync(id);

        Assert.That(submission.Result, Is.EqualTo(JudgeStatus.Accepted));
        var call = Judge.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(call.Token, Is.EqualTo(FakeJudgeServer.TokenHash));
            Assert.That(call.Body.GetProperty("src").GetString(),
                Is.EqualTo("#include <stdio.h>\n\nint add(int a, int b) { return a + b; }\nint main(){}\n"));
            Assert.That(call.Body.GetProperty("max_cpu_time").GetInt32(), Is.EqualTo(1000));
            Assert.That(call.Body.GetProperty("max_memory").GetInt64(), Is.EqualTo(256L * 1024 * 1024));
            Assert.That(call.Body.GetProperty("test_case_id").GetString(), Is.EqualTo("tc1"));
            Assert.That(call.Body.GetProperty("output").GetBoolean(), Is.False);
            Assert.That(call.Body.GetProperty("io_mode").GetProperty("io_mode").GetString(), Is.EqualTo("Standard IO"));
            Assert.That(call.Body.GetProperty("language_config").GetProperty("compile").GetProperty("src_name").GetString(), Is.EqualTo("main.c"));
        });

        var detail = (await Client.GetAsync($"/api/submission?id={id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("result").GetInt32(), Is.EqualTo(0));
            Assert.That(detail.GetProperty("problem").GetString(), Is.EqualTo("A1"));
            Assert.That(detail.GetProperty("statistic_info").GetProperty("time_cost").GetInt32(), Is.EqualTo(15));
            Assert.That(detail.GetProperty("statistic_info").GetProperty("memory_cost").GetInt64(), Is.EqualTo(2 * 1024 * 1024));
            Assert.That(detail.GetProperty("code").GetString(), Is.EqualTo("int add(int a, int b) { return a + b; }"));
            Assert.That(detail.GetProperty("can_unshare").GetBoolean(), Is.True);
            Assert.That(detail.TryGetProperty("info", out _), Is.False);
            Assert.That(detail.TryGetProperty("ip", out _), Is.False);
        });

        var admin = NewClient();
        await admin.LoginAsync(scene.Admin);
        var full = (await admin.GetAsync($"/api/submission?id={id}")).Ok();
        var cases = full.GetProperty("info").GetProperty("data").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(full.GetProperty("problem").GetInt32(), Is.EqualTo(scene.Problem.Id));
            Assert.That(full.GetProperty("contest").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(cases.Select(c => c.GetProperty("test_case").GetString()), Is.EqualTo(new[] { "1", "2" }));
            Assert.That(full.GetProperty("info").GetProperty("err").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        await using var db = TestEnvironment.CreateDbContext();
        var problem = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == scene.Problem.Id);
        var profile = await db.UserProfiles.AsNoTracking().SingleAsync(p => p.UserId == scene.Student.Id);
        Assert.Multiple(() =>
        {
            Assert.That(problem.SubmissionNumber, Is.EqualTo(1));
            Assert.That(problem.AcceptedNumber, Is.EqualTo(1));
            Assert.That(problem.StatisticInfo, Is.EqualTo(new Dictionary<string, int> { ["0"] = 1 }));
            Assert.That(profile.SubmissionNumber, Is.EqualTo(1));
            Assert.That(profile.AcceptedNumber, Is.EqualTo(1));
            Assert.That(profile.AcmProblemsStatus.Problems![scene.Problem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)].Status,
                Is.EqualTo(0));
            Assert.That(profile.AcmProblemsStatus.Problems![scene.Problem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)].DisplayId,
                Is.EqualTo("A1"));
        });
    }

    private static readonly object[] Replies =
    [
        new object[] { FakeJudgeServer.Cases((0, 5, 100), (-1, 6, 100)), JudgeStatus.WrongAnswer },
        new object[] { FakeJudgeServer.Cases((1, 1001, 100), (0, 6, 100)), JudgeStatus.CpuTimeLimitExceeded },
        new object[] { FakeJudgeServer.Cases((0, 5, 100), (2, 3001, 100)), JudgeStatus.RealTimeLimitExceeded },
        new object[] { FakeJudgeServer.Cases((3, 5, 300 * 1024 * 1024)), JudgeStatus.MemoryLimitExceeded },
        new object[] { FakeJudgeServer.Cases((4, 5, 100), (-1, 5, 100)), JudgeStatus.RuntimeError },
    ];

    [Test]
    public async Task A_system_error_in_a_test_case_is_stored_but_counts_nothing()
    {
        var scene = await SceneAsync();
        Judge.Reply = _ => FakeJudgeServer.Cases((0, 5, 100), (5, 0, 0));
        await Client.LoginAsync(scene.Student);

        var submission = await JudgeTestData.WaitForVerdictAsync(await SubmitAsync(Client, scene.Problem));

        await using var db = TestEnvironment.CreateDbContext();
        var problem = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == scene.Problem.Id);
        var profile = await db.UserProfiles.AsNoTracking().SingleAsync(p => p.UserId == scene.Student.Id);
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.SystemError));
            Assert.That(submission.Info.GetProperty("data").GetArrayLength(), Is.EqualTo(2));
            Assert.That(problem.SubmissionNumber, Is.Zero);
            Assert.That(profile.SubmissionNumber, Is.Zero);
        });
    }

    [TestCaseSource(nameof(Replies))]
    public async Task The_first_failing_test_case_decides_the_verdict(string reply, int expected)
    {
        var scene = await SceneAsync();
        Judge.Reply = _ => reply;
        await Client.LoginAsync(scene.Student);

        var submission = await JudgeTestData.WaitForVerdictAsync(await SubmitAsync(Client, scene.Problem));

        var key = expected.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = TestEnvironment.CreateDbContext();
        var problem = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == scene.Problem.Id);
        var profile = await db.UserProfiles.AsNoTracking().SingleAsync(p => p.UserId == scene.Student.Id);
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(expected));
            Assert.That(submission.StatisticInfo.TimeCost, Is.Not.Null);
            Assert.That(submission.Info.GetProperty("data").GetArrayLength(), Is.Positive);
            Assert.That(problem.SubmissionNumber, Is.EqualTo(1));
            Assert.That(problem.AcceptedNumber, Is.Zero);
            Assert.That(problem.StatisticInfo, Is.EqualTo(new Dictionary<string, int> { [key] = 1 }));
            Assert.That(profile.SubmissionNumber, Is.EqualTo(1));
            Assert.That(profile.AcceptedNumber, Is.Zero);
            Assert.That(profile.AcmProblemsStatus.Problems!.Single().Value.Status, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task A_compile_error_keeps_info_empty_and_shows_the_compiler_output()
    {
        var scene = await SceneAsync();
        Judge.Reply = _ => FakeJudgeServer.Error("CompileError", "main.c:1:1: error: expected ';'");
        await Client.LoginAsync(scene.Student);

        var id = await SubmitAsync(Client, scene.Problem);
        var submission = await JudgeTestData.WaitForVerdictAsync(id);

        var detail = (await Client.GetAsync($"/api/submission?id={id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.CompileError));
            Assert.That(submission.Info.GetRawText(), Is.EqualTo("{}"));
            Assert.That(detail.GetProperty("result").GetInt32(), Is.EqualTo(-2));
            Assert.That(detail.GetProperty("statistic_info").GetProperty("err_info").GetString(), Is.EqualTo("main.c:1:1: error: expected ';'"));
            Assert.That(detail.GetProperty("statistic_info").GetProperty("score").GetInt32(), Is.Zero);
            Assert.That(detail.GetProperty("statistic_info").TryGetProperty("time_cost", out _), Is.False);
        });
    }

    [TestCase("this is not json", TestName = "A non-JSON reply is a system error")]
    [TestCase("{\"err\": null, \"data\": [{\"test_case\": \"x\", \"result\": 0, \"cpu_time\": 1, \"memory\": 1}]}", TestName = "An unknown test case is a system error")]
    [TestCase("{\"err\": null, \"data\": [{\"test_case\": \"1\", \"result\": \"0\", \"cpu_time\": 1, \"memory\": 1}]}", TestName = "A wrongly typed result is a system error")]
    [TestCase("{\"err\": null, \"data\": []}", TestName = "An empty case list is a system error")]
    [TestCase("[1, 2]", TestName = "A reply that is not an object is a system error")]
    public async Task Malformed_replies_become_system_errors_and_count_nothing(string reply)
    {
        var scene = await SceneAsync();
        Judge.Reply = _ => reply;
        await Client.LoginAsync(scene.Student);

        var submission = await JudgeTestData.WaitForVerdictAsync(await SubmitAsync(Client, scene.Problem));

        await using var db = TestEnvironment.CreateDbContext();
        var problem = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == scene.Problem.Id);
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.SystemError));
            Assert.That(submission.StatisticInfo.ErrInfo, Does.StartWith("Judge server sent an invalid reply"));
            Assert.That(problem.SubmissionNumber, Is.Zero);
            Assert.That(Judge.Calls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_second_accepted_submission_counts_the_submission_but_not_the_problem_again()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Student);
        Judge.Reply = _ => FakeJudgeServer.Cases((-1, 5, 100));
        await JudgeTestData.WaitForVerdictAsync(await SubmitAsync(Client, scene.Problem));
        Judge.Reply = _ => FakeJudgeServer.Cases((0, 5, 100));
        await JudgeTestData.WaitForVerdictAsync(await SubmitAsync(Client, scene.Problem));
        await JudgeTestData.WaitForVerdictAsync(await SubmitAsync(Client, scene.Problem));
        Judge.Reply = _ => FakeJudgeServer.Cases((-1, 5, 100));
        await JudgeTestData.WaitForVerdictAsync(await SubmitAsync(Client, scene.Problem));

        await using var db = TestEnvironment.CreateDbContext();
        var problem = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == scene.Problem.Id);
        var profile = await db.UserProfiles.AsNoTracking().SingleAsync(p => p.UserId == scene.Student.Id);
        Assert.Multiple(() =>
        {
            Assert.That(problem.SubmissionNumber, Is.EqualTo(4));
            Assert.That(problem.AcceptedNumber, Is.EqualTo(2));
            Assert.That(problem.StatisticInfo, Is.EqualTo(new Dictionary<string, int> { ["-1"] = 2, ["0"] = 2 }));
            Assert.That(profile.SubmissionNumber, Is.EqualTo(4));
            Assert.That(profile.AcceptedNumber, Is.EqualTo(1));
            Assert.That(profile.AcmProblemsStatus.Problems!.Single().Value.Status, Is.EqualTo(0));
        });

        // The problem list shows the caller's status.
        var list = (await Client.GetAsync("/api/problem?limit=10&offset=0")).Ok();
        Assert.That(list.GetProperty("results")[0].GetProperty("my_status").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task A_disabled_user_s_submission_is_left_pending()
    {
        var scene = await SceneAsync();
        await JudgeTestData.SetServerDisabledAsync(JudgeServerRow.Id, true);
        await Client.LoginAsync(scene.Student);
        var id = await SubmitAsync(Client, scene.Problem);
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == scene.Student.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        }

        await JudgeTestData.SetServerDisabledAsync(JudgeServerRow.Id, false);
        await JudgeTestData.WaitForEmptyQueueAsync();

        await using var check = TestEnvironment.CreateDbContext();
        var submission = await check.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.Pending));
            Assert.That(Judge.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task The_caller_s_own_list_shows_a_new_submission_and_its_verdict_at_once()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Student);
        Assert.That((await Client.GetAsync("/api/submissions?limit=10&myself=1")).Ok().GetProperty("total").GetInt32(), Is.Zero);

        await JudgeTestData.SetServerDisabledAsync(JudgeServerRow.Id, true);
        var id = await SubmitAsync(Client, scene.Problem);
        var pending = (await Client.GetAsync("/api/submissions?limit=10&myself=1")).Ok().GetProperty("results");
        Assert.Multiple(() =>
        {
            Assert.That(pending.GetArrayLength(), Is.EqualTo(1));
            Assert.That(pending[0].GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(pending[0].GetProperty("result").GetInt32(), Is.EqualTo(JudgeStatus.Pending));
        });

        await JudgeTestData.SetServerDisabledAsync(JudgeServerRow.Id, false);
        await JudgeTestData.WaitForVerdictAsync(id);
        var judged = (await Client.GetAsync("/api/submissions?limit=10&myself=1")).Ok().GetProperty("results");
        Assert.That(judged[0].GetProperty("result").GetInt32(), Is.EqualTo(JudgeStatus.Accepted));

        (await Client.SendAsync(HttpMethod.Put, "/api/submission", System.Net.Http.Json.JsonContent.Create(new { id, shared = true }))).Ok();
        Assert.That((await Client.GetAsync("/api/submissions?limit=10&myself=1")).Ok().GetProperty("results")[0].GetProperty("shared").GetBoolean(),
            Is.True);
    }
}

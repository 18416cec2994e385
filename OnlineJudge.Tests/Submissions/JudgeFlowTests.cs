using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>judge.md §2–4, §6: submit through HTTP, a fake JudgeServer answers, the verdict and statistics are stored.</summary>
public class JudgeFlowTests : IntegrationTest
{
    private FakeJudgeServer judge = null!;

    [SetUp]
    public async Task StartJudgeAsync()
    {
        judge = await FakeJudgeServer.StartAsync();
        await JudgeTestData.RegisterServerAsync(judge.ServiceUrl, cpuCore: 2);
    }

    [TearDown]
    public async Task StopJudgeAsync() => await judge.DisposeAsync();

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

    private async Task<string> SubmitAsync(Problem problem, string language = "C", string code = "int add(int a, int b) { return a + b; }")
    {
        var data = (await Client.PostJsonAsync("/api/submission", new { problem_id = problem.Id, language, code })).Ok();
        return JudgeTestData.SubmissionIdOf(data);
    }

    [Test]
    public async Task An_accepted_submission_is_judged_stored_and_counted()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Student);

        var id = await SubmitAsync(scene.Problem);
        Assert.That(id, Does.Match("^[1-9a-f][0-9a-f]{31}$"));
        var submission = await JudgeTestData.WaitForVerdictAsync(id);

        Assert.That(submission.Result, Is.EqualTo(JudgeStatus.Accepted));
        var call = judge.Calls.Single();
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
}

using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;
using OnlineJudge.Tests.Submissions;

namespace OnlineJudge.Tests.Judge;

/// <summary>Submit through the web API → our judge server compiles and runs the code in its sandbox → verdict, detail and rank.</summary>
public class EndToEndJudgeTests : IntegrationTest
{
    private JudgeServerHarness judge = null!;

    [SetUp]
    public async Task StartJudgeAsync()
    {
        judge = await JudgeServerHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Judge:Token"] = OnlineJudgeWebFactory.JudgeToken,
        });
        judge.CreateTestCase("e2eaplusb", ("1 2\n", "3\n"), ("10 20\n", "30\n"), ("-5 5\n", "0\n"));
        await JudgeTestData.RegisterServerAsync(judge.Http.BaseAddress!.ToString().TrimEnd('/'), cpuCore: 2);
    }

    [TearDown]
    public async Task StopJudgeAsync() => await judge.DisposeAsync();

    [Test]
    public async Task A_cpp_submission_is_judged_by_our_judge_server_and_reaches_the_detail_and_the_rank()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        var problem = await new ProblemBuilder(teacher).InContest(contest).WithTestCaseId("e2eaplusb").WithLanguages("C++", "C").BuildAsync();
        await Client.LoginAsync(student);

        var right = "#include <iostream>\nint main() { long a, b; std::cin >> a >> b; std::cout << a + b << std::endl; }\n";
        (await Client.PostJsonAsync("/api/submission", new { problem_id = problem.Id, language = "C++", code = right, contest_id = contest.Id })).Ok();
        await JudgeTestData.WaitForEmptyQueueAsync(TimeSpan.FromSeconds(120));
        var wrong = "#include <stdio.h>\nint main() { int a, b; scanf(\"%d %d\", &a, &b); printf(\"%d\\n\", a - b); return 0; }\n";
        (await Client.PostJsonAsync("/api/submission", new { problem_id = problem.Id, language = "C", code = wrong, contest_id = contest.Id })).Ok();
        (await Client.PostJsonAsync("/api/submission", new { problem_id = problem.Id, language = "C", code = "int main( {", contest_id = contest.Id })).Ok();
        await JudgeTestData.WaitForEmptyQueueAsync(TimeSpan.FromSeconds(120));

        await using var db = TestEnvironment.CreateDbContext();
        var results = db.Submissions.Where(s => s.UserId == student.Id).OrderBy(s => s.CreateTime)
            .Select(s => new { s.Id, s.Result, s.StatisticInfo }).ToList();
        var page = (await Client.GetAsync($"/api/contest_submissions?contest_id={contest.Id}&limit=10")).Ok();
        var rank = (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}&limit=10")).Ok().GetProperty("results")[0];
        var detail = (await Client.GetAsync($"/api/submission?id={results[0].Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Result), Is.EqualTo(new[] { JudgeStatus.Accepted, JudgeStatus.WrongAnswer, JudgeStatus.CompileError }),
                string.Join(" / ", results.Select(r => r.StatisticInfo.ErrInfo)));
            Assert.That(results[2].StatisticInfo.ErrInfo, Does.Contain("error"), "the compiler's message");
            Assert.That(detail.GetProperty("statistic_info").GetProperty("time_cost").GetInt32(), Is.GreaterThanOrEqualTo(0));
            Assert.That(detail.GetProperty("statistic_info").GetProperty("memory_cost").GetInt64(), Is.Positive);
            Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(rank.GetProperty("accepted_number").GetInt32(), Is.EqualTo(1));
            Assert.That(rank.GetProperty("submission_number").GetInt32(), Is.EqualTo(1), "later submissions after the accepted one are not counted");
        });
    }
}

namespace OnlineJudge.Tests.Problems;

/// <summary>Stuck problems and the AC trend for teachers (problem.md §2.18–§2.19).</summary>
public class ProblemStatisticsTests : ProblemAdminTestBase
{
    [Test]
    public async Task Stuck_lists_problems_with_failing_users()
    {
        var p1 = await new ProblemBuilder(Teacher).WithDisplayId("hard").WithTitle("Hard").BuildAsync();
        var p2 = await new ProblemBuilder(Teacher).WithDisplayId("easy").BuildAsync();
        var a = await new UserBuilder().BuildAsync();
        var b = await new UserBuilder().BuildAsync();
        await ProblemTestData.AddSubmissionAsync(p1, a, JudgeStatus.WrongAnswer);
        await ProblemTestData.AddSubmissionAsync(p1, a, JudgeStatus.RuntimeError);
        await ProblemTestData.AddSubmissionAsync(p1, b, JudgeStatus.CompileError);
        await ProblemTestData.AddSubmissionAsync(p1, b, JudgeStatus.Accepted);
        await ProblemTestData.AddSubmissionAsync(p2, a, JudgeStatus.Accepted);

        var student = await new UserBuilder().AsStudentAdmin().BuildAsync();
        (await (await LoggedInAsync(student)).GetAsync("/api/admin/problem/stuck")).AssertError("permission-denied", "Please login first");
        var data = (await (await LoggedInAsync(Teacher)).GetAsync("/api/admin/problem/stuck")).Ok();
        Assert.That(data.GetArrayLength(), Is.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(data[0].GetProperty("problem_id").GetString(), Is.EqualTo("hard"));
            Assert.That(data[0].GetProperty("problem_title").GetString(), Is.EqualTo("Hard"));
            Assert.That(data[0].GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(data[0].GetProperty("failed").GetInt32(), Is.EqualTo(3));
            Assert.That(data[0].GetProperty("failed_users").GetInt32(), Is.EqualTo(2));
            Assert.That(data[0].GetProperty("ac_rate").GetDouble(), Is.EqualTo(25.0));
        });
    }

    [Test]
    public async Task Top_ac_trend_keeps_problems_busy_every_year()
    {
        var busy = await new ProblemBuilder(Teacher).WithDisplayId("busy").BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        foreach (var year in new[] { 2023, 2024 })
        {
            for (var i = 0; i < 51; i++)
            {
                await new SubmissionBuilder(student, busy).WithLanguage("C").WithCode("x").CreatedAt(new DateTime(year, 3, 1, 0, 0, 0, DateTimeKind.Utc))
                    .WithResult(i < 17 ? JudgeStatus.Accepted : JudgeStatus.WrongAnswer).BuildAsync();
            }
        }

        var client = await LoggedInAsync(Teacher);
        var data = (await client.GetAsync("/api/admin/problem/top_ac_trend?since_year=2023&until_year=2024&min_per_year=50")).Ok();
        Assert.That(data.GetArrayLength(), Is.EqualTo(1));
        Assert.That(data[0].GetProperty("problem_id").GetString(), Is.EqualTo("busy"));
        var yearly = data[0].GetProperty("yearly");
        Assert.That(yearly.GetArrayLength(), Is.EqualTo(2));
        Assert.That(yearly[0].GetProperty("year").GetInt32(), Is.EqualTo(2023));
        Assert.That(yearly[0].GetProperty("accepted").GetInt32(), Is.EqualTo(17));
        Assert.That(yearly[0].GetProperty("ac_rate").GetDouble(), Is.EqualTo(33.3));

        Assert.That((await client.GetAsync("/api/admin/problem/top_ac_trend?since_year=2023&until_year=2024&min_per_year=100")).Ok().GetArrayLength(), Is.Zero);
    }
}

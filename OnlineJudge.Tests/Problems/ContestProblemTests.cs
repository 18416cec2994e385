namespace OnlineJudge.Tests.Problems;

/// <summary>The problems of a contest as students see them (problem.md §1.9), behind the contest gate.</summary>
public class ContestProblemTests : IntegrationTest
{
    private User teacher = null!;

    [SetUp]
    public async Task CreateTeacherAsync() => teacher = await new UserBuilder().WithUsername("teacher").AsTeacherAdmin().BuildAsync();

    private static List<string> Strings(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];

    [Test]
    public async Task Contest_problems_show_statistics_and_my_status_to_students_while_the_contest_runs()
    {
        // The client's contest problem table reads submission_number, accepted_number (the rate) and my_status (the
        // status column); without them it shows NaN% and never a solved mark (docs/decisions.md).
        var contest = await new ContestBuilder(teacher).BuildAsync();
        var problem = await new ProblemBuilder(teacher).WithDisplayId("A").InContest(contest).WithCounts(3, 1).CreatedAt(DateTime.UtcNow.AddMinutes(-5)).BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("B").InContest(contest).BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("C").InContest(contest).Hidden().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        await ProblemTestData.SetStatusAsync(student, problem, -1, contest: true);

        (await Client.GetAsync($"/api/contest/problem?contest_id={contest.Id}")).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(student);

        var list = (await Client.GetAsync($"/api/contest/problem?contest_id={contest.Id}")).Ok();
        Assert.That(Strings(list, "_id"), Is.EqualTo(new[] { "A", "B" }));
        Assert.Multiple(() =>
        {
            Assert.That(list[0].GetProperty("submission_number").GetInt64(), Is.EqualTo(3));
            Assert.That(list[0].GetProperty("accepted_number").GetInt64(), Is.EqualTo(1));
            Assert.That(list[0].GetProperty("difficulty").GetString(), Is.EqualTo("Low"));
            Assert.That(list[0].GetProperty("my_status").GetInt32(), Is.EqualTo(-1));
            Assert.That(list[0].GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("teacher"));
            Assert.That(list[1].GetProperty("my_status").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        var one = (await Client.GetAsync($"/api/contest/problem?contest_id={contest.Id}&problem_id=a")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(one.GetProperty("id").GetInt32(), Is.EqualTo(problem.Id));
            Assert.That(one.GetProperty("accepted_number").GetInt64(), Is.EqualTo(1));
            Assert.That(one.GetProperty("submission_number").GetInt64(), Is.EqualTo(3));
            Assert.That(one.GetProperty("statistic_info").ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(one.GetProperty("my_status").GetInt32(), Is.EqualTo(-1));
            Assert.That(one.GetProperty("contest").GetInt32(), Is.EqualTo(contest.Id));
        });
        (await Client.GetAsync($"/api/contest/problem?contest_id={contest.Id}&problem_id=C")).AssertError("error", "Problem does not exist.");
    }

    [Test]
    public async Task Contest_problems_show_details_to_contest_admins_and_after_the_end()
    {
        var contest = await new ContestBuilder(teacher).BuildAsync();
        var problem = await new ProblemBuilder(teacher).WithDisplayId("A").InContest(contest).WithCounts(3, 1).BuildAsync();
        await ProblemTestData.SetStatusAsync(teacher, problem, 0, contest: true);
        await Client.LoginAsync(teacher);

        var list = (await Client.GetAsync($"/api/contest/problem?contest_id={contest.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(list[0].GetProperty("submission_number").GetInt64(), Is.EqualTo(3));
            Assert.That(list[0].GetProperty("my_status").GetInt32(), Is.EqualTo(0));
            Assert.That(list[0].GetProperty("contest").GetInt32(), Is.EqualTo(contest.Id));
        });
        var one = (await Client.GetAsync($"/api/contest/problem?contest_id={contest.Id}&problem_id=A")).Ok();
        Assert.That(one.GetProperty("my_status").GetInt32(), Is.EqualTo(0));
        Assert.That(one.GetProperty("accepted_number").GetInt64(), Is.EqualTo(1));
        Assert.That(one.TryGetProperty("my_failed_count", out _), Is.False);

        var ended = await new ContestBuilder(teacher).Ended().BuildAsync();
        await new ProblemBuilder(teacher).WithDisplayId("E").InContest(ended).BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var studentClient = NewClient();
        await studentClient.LoginAsync(student);
        var endedList = (await studentClient.GetAsync($"/api/contest/problem?contest_id={ended.Id}")).Ok();
        Assert.That(endedList[0].GetProperty("my_status").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(endedList[0].GetProperty("difficulty").GetString(), Is.EqualTo("Low"));
    }

    [Test]
    public async Task Contest_problems_follow_the_contest_gate()
    {
        var contest = await new ContestBuilder(teacher).NotStarted().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(student);
        (await Client.GetAsync("/api/contest/problem")).AssertError("error", "Parameter error, contest_id is required");
        (await Client.GetAsync($"/api/contest/problem?contest_id={contest.Id}")).AssertError("error", "Contest has not started yet.");
    }
}

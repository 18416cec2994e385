namespace OnlineJudge.Tests.Problems;

/// <summary>Contest problems for admins, and copies between a contest and the public bank (problem.md §2.20–§2.25).</summary>
public class ContestProblemAdminTests : ProblemAdminTestBase
{
    [Test]
    public async Task Contest_problem_crud()
    {
        var contest = await new ContestBuilder(Teacher).BuildAsync();
        var client = await LoggedInAsync(Teacher);
        var body = Body("A");
        body["contest_id"] = contest.Id;
        var created = (await client.PostJsonAsync("/api/admin/contest/problem", body)).Ok();
        Assert.That(created.GetProperty("contest").GetInt32(), Is.EqualTo(contest.Id));
        var id = created.GetProperty("id").GetInt32();
        (await client.PostJsonAsync("/api/admin/contest/problem", body)).AssertError("error", "Duplicate Display id");

        var list = (await client.GetAsync($"/api/admin/contest/problem?contest_id={contest.Id}&limit=10&keyword=A%20%2B")).Ok();
        Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That(list.GetProperty("results")[0].TryGetProperty("top_reaction", out _), Is.False);
        Assert.That((await client.GetAsync($"/api/admin/contest/problem?contest_id={contest.Id}&limit=10&keyword=a%20%2B")).Ok().GetProperty("total").GetInt32(), Is.Zero);
        (await client.GetAsync("/api/admin/contest/problem")).AssertError("error", "Contest id is required");
        Assert.That((await client.GetAsync($"/api/admin/contest/problem?id={id}")).Ok().GetProperty("_id").GetString(), Is.EqualTo("A"));

        body["id"] = id;
        body["title"] = "Renamed";
        (await Put(client, "/api/admin/contest/problem", body)).Ok();
        Assert.That((await ProblemTestData.ReloadAsync(id)).Title, Is.EqualTo("Renamed"));

        var other = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var otherClient = await LoggedInAsync(other);
        (await otherClient.GetAsync($"/api/admin/contest/problem?contest_id={contest.Id}")).AssertError("error", "Contest does not exist");
        (await otherClient.GetAsync($"/api/admin/contest/problem?id={id}")).AssertError("error", "Contest does not exist");
        (await otherClient.PostJsonAsync("/api/admin/contest/problem", body)).AssertError("error", "Contest does not exist");
        (await Put(otherClient, "/api/admin/contest/problem", body)).AssertError("error", "Contest does not exist");
        (await Delete(otherClient, $"/api/admin/contest/problem?id={id}")).AssertError("error", "Contest does not exist");

        var student = await new UserBuilder().BuildAsync();
        await ProblemTestData.AddSubmissionAsync(await ProblemTestData.ReloadAsync(id), student, JudgeStatus.Accepted, contestId: contest.Id);
        (await Delete(client, $"/api/admin/contest/problem?id={id}")).AssertError("error", "Can't delete the problem as it has submissions");

        var fresh = await new ProblemBuilder(Teacher).InContest(contest).BuildAsync();
        (await Delete(client, $"/api/admin/contest/problem?id={fresh.Id}")).Ok();
        var publicProblem = await new ProblemBuilder(Teacher).BuildAsync();
        (await Delete(client, $"/api/admin/contest/problem?id={publicProblem.Id}")).AssertError("error", "Problem does not exists");
        (await Delete(client, "/api/admin/contest/problem")).AssertError("error", "Invalid parameter, id is required");
    }

    [Test]
    public async Task Make_public_copies_a_contest_problem()
    {
        var contest = await new ContestBuilder(Teacher).BuildAsync();
        var problem = await new ProblemBuilder(Teacher).WithDisplayId("A").InContest(contest).WithTags("Loop").WithCounts(5, 2).BuildAsync();
        await new ProblemBuilder(Teacher).WithDisplayId("used").BuildAsync();
        var client = await LoggedInAsync(Teacher);

        (await client.PostJsonAsync("/api/admin/contest_problem/make_public", new { id = problem.Id, display_id = "used" })).AssertError("error", "Duplicate display ID");
        (await client.PostJsonAsync("/api/admin/contest_problem/make_public", new { id = 999999, display_id = "x" })).AssertError("error", "Problem does not exist");
        (await client.PostJsonAsync("/api/admin/contest_problem/make_public", new { id = problem.Id, display_id = "P100" })).Ok();
        (await client.PostJsonAsync("/api/admin/contest_problem/make_public", new { id = problem.Id, display_id = "P101" })).AssertError("error", "Already be a public problem");

        await using var db = TestEnvironment.CreateDbContext();
        var copy = await db.Problems.Include(p => p.Tags).SingleAsync(p => p.DisplayId == "P100");
        Assert.Multiple(async () =>
        {
            Assert.That(copy.ContestId, Is.Null);
            Assert.That(copy.Visible, Is.False);
            Assert.That(copy.SubmissionNumber, Is.Zero);
            Assert.That(copy.Tags.Select(t => t.Name), Is.EqualTo(new[] { "Loop" }));
            Assert.That(copy.CreatedById, Is.EqualTo(Teacher.Id));
            Assert.That(copy.TestCaseId, Is.EqualTo(problem.TestCaseId));
            Assert.That((await ProblemTestData.ReloadAsync(problem.Id)).IsPublic, Is.True);
        });

        var noPermission = await new UserBuilder().AsStudentAdmin().BuildAsync();
        var denied = await LoggedInAsync(noPermission);
        (await denied.PostJsonAsync("/api/admin/contest_problem/make_public", new { id = problem.Id })).Error.Should("invalid-display_id");
        (await denied.PostJsonAsync("/api/admin/contest_problem/make_public", new { id = problem.Id, display_id = "z" })).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Add_problem_from_public_copies_into_a_contest()
    {
        var contest = await new ContestBuilder(Teacher).BuildAsync();
        var ended = await new ContestBuilder(Teacher).Ended().BuildAsync();
        var problem = await new ProblemBuilder(Teacher).WithDisplayId("1001").Hidden().WithTags("Math").WithCounts(9, 9).BuildAsync();
        var client = await LoggedInAsync(Teacher);

        (await client.PostJsonAsync("/api/admin/contest/add_problem_from_public", new { contest_id = 999999, problem_id = problem.Id, display_id = "A" }))
            .AssertError("error", "Contest or Problem does not exist");
        (await client.PostJsonAsync("/api/admin/contest/add_problem_from_public", new { contest_id = ended.Id, problem_id = problem.Id, display_id = "A" }))
            .AssertError("error", "Contest has ended");
        (await client.PostJsonAsync("/api/admin/contest/add_problem_from_public", new { contest_id = contest.Id, problem_id = problem.Id, display_id = "A" })).Ok();
        (await client.PostJsonAsync("/api/admin/contest/add_problem_from_public", new { contest_id = contest.Id, problem_id = problem.Id, display_id = "A" }))
            .AssertError("error", "Duplicate display id in this contest");

        await using var db = TestEnvironment.CreateDbContext();
        var copy = await db.Problems.Include(p => p.Tags).SingleAsync(p => p.ContestId == contest.Id);
        Assert.Multiple(() =>
        {
            Assert.That(copy.DisplayId, Is.EqualTo("A"));
            Assert.That(copy.Visible, Is.True);
            Assert.That(copy.IsPublic, Is.True);
            Assert.That(copy.AcceptedNumber, Is.Zero);
            Assert.That(copy.Tags.Select(t => t.Name), Is.EqualTo(new[] { "Math" }));
        });
    }
}

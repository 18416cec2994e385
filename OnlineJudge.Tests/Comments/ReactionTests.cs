namespace OnlineJudge.Tests.Comments;

/// <summary>comment.md Part A: problem reactions.</summary>
public class ReactionTests : IntegrationTest
{
    private static readonly string[] Keys = ["too_easy", "too_hard", "confusing", "buggy", "learned", "interesting", "want_explain"];

    private static async Task<(User Owner, Problem Problem)> ProblemAsync(bool visible = true)
    {
        var owner = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var builder = new ProblemBuilder(owner);
        return (owner, await (visible ? builder : builder.Hidden()).BuildAsync());
    }

    private static async Task<User> SolverAsync(Problem problem, int result = JudgeStatus.Accepted)
    {
        var user = await new UserBuilder().BuildAsync();
        await new SubmissionBuilder(user, problem).WithResult(result).BuildAsync();
        return user;
    }

    private static Task<Reaction> ReactAsync(User user, Problem problem, string type) => new ReactionBuilder(user, problem, type).BuildAsync();

    [Test]
    public async Task Without_a_verdict_the_caller_sees_neither_mine_nor_counts()
    {
        var (_, problem) = await ProblemAsync();
        await ReactAsync(await SolverAsync(problem), problem, "too_hard");
        await Client.LoginAsync(await new UserBuilder().BuildAsync());

        var data = (await Client.GetAsync($"/api/reaction?problem_id={problem.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("mine").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(data.GetProperty("counts").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task With_a_verdict_the_caller_sees_all_seven_counts()
    {
        var (_, problem) = await ProblemAsync();
        var me = await SolverAsync(problem);
        await ReactAsync(me, problem, "learned");
        await ReactAsync(await SolverAsync(problem), problem, "learned");
        await ReactAsync(await SolverAsync(problem), problem, "buggy");
        await Client.LoginAsync(me);

        var data = (await Client.GetAsync($"/api/reaction?problem_id={problem.Id}")).Ok();
        var counts = data.GetProperty("counts");
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("mine").GetString(), Is.EqualTo("learned"));
            Assert.That(counts.EnumerateObject().Select(p => p.Name), Is.EqualTo(Keys));
            Assert.That(counts.GetProperty("learned").GetInt32(), Is.EqualTo(2));
            Assert.That(counts.GetProperty("buggy").GetInt32(), Is.EqualTo(1));
            Assert.That(counts.GetProperty("too_easy").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task Reading_checks_login_and_the_problem_id()
    {
        (await Client.GetAsync("/api/reaction?problem_id=1")).AssertError("permission-denied", "Please login first");
        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().Disabled().BuildAsync());
        (await disabled.GetAsync("/api/reaction?problem_id=1")).AssertError("permission-denied", "Your account is disabled");

        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.GetAsync("/api/reaction")).AssertError("error", "problem_id is required");
        (await Client.GetAsync("/api/reaction?problem_id=")).AssertError("error", "problem_id is required");
        (await Client.GetAsync("/api/reaction?problem_id=abc")).AssertError("invalid-problem_id", "problem_id: A valid integer is required.");
        var unknown = (await Client.GetAsync("/api/reaction?problem_id=999999")).Ok();
        Assert.That(unknown.GetProperty("mine").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task A_solver_gives_a_verdict_once_and_cannot_change_it()
    {
        var (_, problem) = await ProblemAsync();
        var me = await SolverAsync(problem);
        await ReactAsync(await SolverAsync(problem), problem, "too_easy");
        await Client.LoginAsync(me);

        var data = (await Client.PostJsonAsync("/api/reaction", new { problem_id = problem.Id, type = "interesting" })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("mine").GetString(), Is.EqualTo("interesting"));
            Assert.That(data.GetProperty("counts").GetProperty("interesting").GetInt32(), Is.EqualTo(1));
            Assert.That(data.GetProperty("counts").GetProperty("too_easy").GetInt32(), Is.EqualTo(1));
        });

        var again = (await Client.PostJsonAsync("/api/reaction", new { problem_id = problem.Id, type = "too_hard" })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(again.GetProperty("mine").GetString(), Is.EqualTo("interesting"));
            Assert.That(again.GetProperty("counts").GetProperty("too_hard").GetInt32(), Is.Zero);
        });

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Reactions.CountAsync(r => r.UserId == me.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_verdicts_converge_on_one_row()
    {
        var (_, problem) = await ProblemAsync();
        var me = await SolverAsync(problem);
        await Client.LoginAsync(me);

        var responses = await Task.WhenAll(Keys.Select(key => Client.PostJsonAsync("/api/reaction", new { problem_id = problem.Id, type = key })));
        var mines = responses.Select(r => r.Ok().GetProperty("mine").GetString()).Distinct().ToList();
        Assert.That(mines, Has.Count.EqualTo(1));

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Reactions.Where(r => r.UserId == me.Id).Select(r => r.Type).SingleAsync(), Is.EqualTo(mines[0]));
    }

    [Test]
    public async Task The_legacy_types_list_and_ast_failed_acceptance_work()
    {
        var (_, problem) = await ProblemAsync();
        var me = await SolverAsync(problem, JudgeStatus.AstCheckFailed);
        await Client.LoginAsync(me);

        var data = (await Client.PostJsonAsync("/api/reaction", new { problem_id = problem.Id, types = new[] { "confusing", "confusing" } })).Ok();
        Assert.That(data.GetProperty("mine").GetString(), Is.EqualTo("confusing"));
    }

    [Test]
    public async Task Verdicts_need_a_visible_problem_and_an_accepted_submission()
    {
        var (_, hidden) = await ProblemAsync(visible: false);
        var (_, problem) = await ProblemAsync();
        var me = await new UserBuilder().BuildAsync();
        await new SubmissionBuilder(me, problem).WithResult(JudgeStatus.WrongAnswer).BuildAsync();
        await new SubmissionBuilder(me, hidden).BuildAsync();
        await Client.LoginAsync(me);

        (await Client.PostJsonAsync("/api/reaction", new { problem_id = hidden.Id, type = "learned" })).AssertError("error", "problem is not exists");
        (await Client.PostJsonAsync("/api/reaction", new { problem_id = 999999, type = "learned" })).AssertError("error", "problem is not exists");
        (await Client.PostJsonAsync("/api/reaction", new { problem_id = problem.Id, type = "learned" }))
            .AssertError("error", "submission is not exists or not accepted");
    }

    [Test]
    public async Task The_body_is_validated_after_login()
    {
        (await Client.PostJsonAsync("/api/reaction", new { })).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(await new UserBuilder().BuildAsync());

        (await Client.PostJsonAsync("/api/reaction", new { type = "learned" })).AssertError("invalid-problem_id", "problem_id: This field is required.");
        (await Client.PostJsonAsync("/api/reaction", new { problem_id = 1 })).AssertError("invalid-type", "type: This field is required.");
        (await Client.PostJsonAsync("/api/reaction", new { problem_id = 1, type = "meh" })).AssertError("invalid-type", "type: \"meh\" is not a valid choice.");
        (await Client.PostJsonAsync("/api/reaction", new { problem_id = 1, types = new[] { "meh" } })).AssertError("invalid-0", "0: \"meh\" is not a valid choice.");
        (await Client.PostJsonAsync("/api/reaction", new { problem_id = 1, types = Array.Empty<string>() })).AssertError("invalid-types", "types: This list may not be empty.");
        (await Client.PostJsonAsync("/api/reaction", new { problem_id = 1, types = new[] { "learned", "buggy" } })).AssertError("invalid-types", "types: 只能选择一个评价");
        (await Client.PostJsonAsync("/api/reaction", new { problem_id = 1, type = "learned", types = new[] { "buggy" } })).AssertError("invalid-types", "types: 新旧评价字段不一致");
    }

    [Test]
    public async Task Super_admins_see_reaction_statistics_per_problem()
    {
        var (owner, first) = await ProblemAsync();
        var second = await new ProblemBuilder(owner).WithDisplayId("Hello").WithTitle("Second").BuildAsync();
        var contest = await new ContestBuilder(owner).BuildAsync();
        var inContest = await new ProblemBuilder(owner).InContest(contest).BuildAsync();
        await ReactAsync(await SolverAsync(first), first, "learned");
        await ReactAsync(await SolverAsync(second), second, "buggy");
        await ReactAsync(await SolverAsync(second), second, "buggy");
        await ReactAsync(await SolverAsync(second), second, "too_easy");
        await ReactAsync(await SolverAsync(inContest), inContest, "learned");
        await Client.LoginAsync(owner);

        var data = (await Client.GetAsync("/api/admin/reaction")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(results[0].GetProperty("pid").GetString(), Is.EqualTo("Hello"));
            Assert.That(results[0].GetProperty("title").GetString(), Is.EqualTo("Second"));
            Assert.That(results[0].GetProperty("users").GetInt32(), Is.EqualTo(3));
            Assert.That(results[0].GetProperty("buggy").GetInt32(), Is.EqualTo(2));
            Assert.That(results[0].GetProperty("too_easy").GetInt32(), Is.EqualTo(1));
            Assert.That(results[0].GetProperty("learned").GetInt32(), Is.Zero);
            Assert.That(results[0].GetProperty("last_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(results[1].GetProperty("pid").GetString(), Is.EqualTo(first.DisplayId));
        });

        var filtered = (await Client.GetAsync("/api/admin/reaction?problem=hello")).Ok();
        Assert.That(filtered.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("pid").GetString()), Is.EqualTo(new[] { "Hello" }));

        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.GetAsync("/api/admin/reaction")).AssertError("permission-denied", "Please login first");
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>POST /api/submission (submission.md §1.1): every check in order, and what is stored.</summary>
public class SubmitTests : IntegrationTest
{
    private sealed record Scene(User Admin, User Student, Problem Problem);

    private async Task<Scene> SceneAsync()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(admin).WithLanguages("C", "Python3").BuildAsync();
        await Client.LoginAsync(student);
        return new Scene(admin, student, problem);
    }

    private Task<ApiResponse> PostAsync(object body) => Client.PostJsonAsync("/api/submission", body);

    [Test]
    public async Task A_submission_is_stored_pending_with_its_judge_task()
    {
        var scene = await SceneAsync();
        var code = "  print(input())\n\n";

        var data = (await Client.SendAsync(HttpMethod.Post, "/api/submission",
            System.Net.Http.Json.JsonContent.Create(new { problem_id = scene.Problem.Id, language = "Python3", code }),
            configure: r => r.Headers.Add("X-Real-IP", "10.1.2.3"))).Ok();

        var id = JudgeTestData.SubmissionIdOf(data);
        await using var db = TestEnvironment.CreateDbContext();
        var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        var task = await db.JudgeTasks.AsNoTracking().SingleAsync(t => t.SubmissionId == id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Result, Is.EqualTo(JudgeStatus.Pending), "no judge server is registered");
            Assert.That(stored.Code, Is.EqualTo(code), "code is stored verbatim");
            Assert.That(stored.Username, Is.EqualTo(scene.Student.Username));
            Assert.That(stored.UserId, Is.EqualTo(scene.Student.Id));
            Assert.That(stored.Language, Is.EqualTo("Python3"));
            Assert.That(stored.ContestId, Is.Null);
            Assert.That(stored.Ip, Is.EqualTo("10.1.2.3"));
            Assert.That(stored.Info.GetRawText(), Is.EqualTo("{}"));
            Assert.That(task.Priority, Is.EqualTo(JudgePriority.Practice));
            Assert.That(task.InProcess, Is.False);
        });
    }

    [Test]
    public async Task Submitting_needs_an_enabled_login()
    {
        var anonymous = NewClient();
        (await anonymous.PostJsonAsync("/api/submission", new { problem_id = 1, language = "C", code = "x" }))
            .AssertError("permission-denied", "Please login first");

        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().Disabled().BuildAsync());
        (await disabled.PostJsonAsync("/api/submission", new { problem_id = 1, language = "C", code = "x" }))
            .AssertError("permission-denied", "Your account is disabled");
    }

    [Test]
    public async Task Writes_need_the_csrf_token()
    {
        var scene = await SceneAsync();
        var response = await Client.SendAsync(HttpMethod.Post, "/api/submission",
            System.Net.Http.Json.JsonContent.Create(new { problem_id = scene.Problem.Id, language = "C", code = "x" }), csrf: false);
        Assert.That(response.Status, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Bad_bodies_answer_the_field_errors()
    {
        var scene = await SceneAsync();
        (await PostAsync(new { language = "C", code = "x" })).AssertError("invalid-problem_id", "problem_id: This field is required.");
        (await PostAsync(new { problem_id = "abc", language = "C", code = "x" })).AssertError("invalid-problem_id", "problem_id: A valid integer is required.");
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "Cobol", code = "x" })).AssertError("invalid-language", "language: Cobol is not a valid language");
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = "   " })).AssertError("invalid-code", "code: This field may not be blank.");
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "C" })).AssertError("invalid-code", "code: This field is required.");
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = new string('x', 1024 * 1024 + 1) }))
            .AssertError("invalid-code", "code: Ensure this field has no more than 1048576 characters.");
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = "x", contest_id = "nope" }))
            .AssertError("invalid-contest_id", "contest_id: A valid integer is required.");
    }

    [Test]
    public async Task A_code_of_exactly_one_mebibyte_is_accepted()
    {
        var scene = await SceneAsync();
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = new string('x', 1024 * 1024) })).Ok();
    }

    [Test]
    public async Task The_problem_must_be_visible_and_allow_the_language()
    {
        var scene = await SceneAsync();
        var hidden = await new ProblemBuilder(scene.Admin).Hidden().BuildAsync();
        var contest = await new ContestBuilder(scene.Admin).BuildAsync();
        var contestProblem = await new ProblemBuilder(scene.Admin).InContest(contest).BuildAsync();

        (await PostAsync(new { problem_id = 999999, language = "C", code = "x" })).AssertError("error", "Problem not exist");
        (await PostAsync(new { problem_id = hidden.Id, language = "C", code = "x" })).AssertError("error", "Problem not exist");
        (await PostAsync(new { problem_id = contestProblem.Id, language = "C", code = "x" })).AssertError("error", "Problem not exist");
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "Java", code = "x" })).AssertError("error", "Java is not allowed in the problem");
    }

    [Test]
    public async Task The_eleventh_quick_submission_is_asked_to_wait()
    {
        var scene = await SceneAsync();
        for (var i = 0; i < 10; i++)
        {
            (await PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = "x" })).Ok();
        }

        var denied = await PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = "x" });
        Assert.Multiple(() =>
        {
            Assert.That(denied.Error, Is.EqualTo("error"));
            Assert.That(denied.Data.GetString(), Does.Match(@"^Please wait (2[0-9]|3[0-3]) seconds$"));
        });

        // Another user has a bucket of their own.
        var other = NewClient();
        await other.LoginAsync(await new UserBuilder().BuildAsync());
        (await other.PostJsonAsync("/api/submission", new { problem_id = scene.Problem.Id, language = "C", code = "x" })).Ok();
    }

    [Test]
    public async Task Concurrent_submissions_never_take_more_than_the_bucket_holds()
    {
        var scene = await SceneAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = "x" })));
        Assert.That(responses.Count(r => r.Error is null), Is.EqualTo(10));
    }

    [Test]
    public async Task A_wrong_captcha_is_refused_before_anything_is_stored()
    {
        var scene = await SceneAsync();
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = "x", captcha = "abcd" })).AssertError("error", "Invalid captcha");
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Submissions.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Contest_submissions_go_through_the_contest_checks()
    {
        var scene = await SceneAsync();
        var ended = await new ContestBuilder(scene.Admin).Ended().BuildAsync();
        var endedProblem = await new ProblemBuilder(scene.Admin).InContest(ended).BuildAsync();
        var future = await new ContestBuilder(scene.Admin).NotStarted().BuildAsync();
        var futureProblem = await new ProblemBuilder(scene.Admin).InContest(future).BuildAsync();
        var locked = await new ContestBuilder(scene.Admin).WithIpRanges("192.168.0.0/16").BuildAsync();
        var lockedProblem = await new ProblemBuilder(scene.Admin).InContest(locked).BuildAsync();
        var secret = await new ContestBuilder(scene.Admin).WithPassword("pw").BuildAsync();

        (await PostAsync(new { problem_id = 1, language = "C", code = "x", contest_id = 99999 })).AssertError("error", "Contest 99999 doesn't exist");
        (await PostAsync(new { problem_id = endedProblem.Id, language = "C", code = "x", contest_id = ended.Id })).AssertError("error", "The contest have ended");
        (await PostAsync(new { problem_id = futureProblem.Id, language = "C", code = "x", contest_id = future.Id })).AssertError("error", "Contest has not started yet.");
        (await PostAsync(new { problem_id = 1, language = "C", code = "x", contest_id = secret.Id })).AssertError("error", "Wrong password or password expired");

        var outside = await Client.SendAsync(HttpMethod.Post, "/api/submission",
            System.Net.Http.Json.JsonContent.Create(new { problem_id = lockedProblem.Id, language = "C", code = "x", contest_id = locked.Id }),
            configure: r => r.Headers.Add("X-Real-IP", "10.0.0.1"));
        outside.AssertError("error", "Your IP is not allowed in this contest");
        var inside = await Client.SendAsync(HttpMethod.Post, "/api/submission",
            System.Net.Http.Json.JsonContent.Create(new { problem_id = lockedProblem.Id, language = "C", code = "x", contest_id = locked.Id }),
            configure: r => r.Headers.Add("X-Real-IP", "192.168.3.4"));
        Assert.That(JudgeTestData.SubmissionIdOf(inside.Ok()), Has.Length.EqualTo(32), "contestants get the id the client reads");

        // A practice problem sent with a contest id is not found in that contest; contest_id 0 means practice.
        var running = await new ContestBuilder(scene.Admin).BuildAsync();
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = "x", contest_id = running.Id })).AssertError("error", "Problem not exist");
        (await PostAsync(new { problem_id = scene.Problem.Id, language = "C", code = "x", contest_id = 0 })).Ok();
    }

    [Test]
    public async Task A_contestant_gets_the_id_of_a_contest_submission_and_can_follow_it()
    {
        // The client reads data.submission_id unconditionally after a submit (null made it throw and show no result),
        // then reads the submission and finds it in the contest's submission list (docs/decisions.md).
        var scene = await SceneAsync();
        var contest = await new ContestBuilder(scene.Admin).WithPassword("pw").BuildAsync();
        var problem = await new ProblemBuilder(scene.Admin).InContest(contest).WithLanguages("C", "Python3").BuildAsync();
        (await Client.PostJsonAsync("/api/contest/password", new { contest_id = contest.Id, password = "pw" })).Ok();

        var data = (await PostAsync(new { problem_id = problem.Id, language = "Python3", code = "print(1)", contest_id = contest.Id })).Ok();

        var id = JudgeTestData.SubmissionIdOf(data);
        Assert.That(id, Has.Length.EqualTo(32));
        var read = (await Client.GetAsync($"/api/submission?id={id}")).Ok();
        Assert.That(read.GetProperty("result").GetInt32(), Is.EqualTo(JudgeStatus.Pending));
        var list = (await Client.GetAsync($"/api/contest_submissions?contest_id={contest.Id}&limit=10&offset=0&myself=1")).Ok();
        Assert.That(list.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { id }));
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That((await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id)).ContestId, Is.EqualTo(contest.Id));
    }

    [Test]
    public async Task Contest_admins_may_submit_before_the_start_and_see_the_id()
    {
        var scene = await SceneAsync();
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var future = await new ContestBuilder(teacher).NotStarted().WithIpRanges("192.168.0.0/16").BuildAsync();
        var problem = await new ProblemBuilder(teacher).InContest(future).BuildAsync();
        var client = NewClient();
        await client.LoginAsync(teacher);

        var data = (await client.PostJsonAsync("/api/submission", new { problem_id = problem.Id, language = "C", code = "x", contest_id = future.Id })).Ok();

        Assert.That(JudgeTestData.SubmissionIdOf(data), Has.Length.EqualTo(32));
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That((await db.JudgeTasks.AsNoTracking().SingleAsync()).Priority, Is.EqualTo(JudgePriority.Contest));
    }

    [Test]
    public async Task Sql_submissions_are_judged_in_process_without_a_judge_server()
    {
        var scene = await SceneAsync();
        var sqlProblem = await new ProblemBuilder(scene.Admin).WithLanguages("SQL").BuildAsync();
        var data = (await PostAsync(new { problem_id = sqlProblem.Id, language = "SQL", code = "SELECT 1;" })).Ok();

        var judged = await JudgeTestData.WaitForVerdictAsync(JudgeTestData.SubmissionIdOf(data));

        Assert.Multiple(() =>
        {
            Assert.That(judged.Result, Is.EqualTo(JudgeStatus.SystemError), "the problem has no SQL configuration");
            Assert.That(judged.StatisticInfo.ErrInfo, Is.EqualTo("题目缺少 SQL 配置（题型）"));
        });
    }
}

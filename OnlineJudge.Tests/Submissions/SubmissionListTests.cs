using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>GET /api/submissions, /api/contest_submissions and today_count (submission.md §0.3, §1.4–1.6).</summary>
public class SubmissionListTests : IntegrationTest
{
    private sealed record Scene(User Teacher, User Alice, User Bob, Problem P1, Problem P2);

    private static async Task<Scene> SceneAsync()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var alice = await new UserBuilder().WithUsername("ks231alice").BuildAsync();
        var bob = await new UserBuilder().WithUsername("ks232bob").BuildAsync();
        var p1 = await new ProblemBuilder(teacher).WithDisplayId("L1").WithTitle("First").BuildAsync();
        var p2 = await new ProblemBuilder(teacher).WithDisplayId("L2").WithTitle("Second").BuildAsync();
        var now = DateTime.UtcNow;
        await new SubmissionBuilder(alice, p1).WithResult(JudgeStatus.Accepted).CreatedAt(now.AddMinutes(-3)).BuildAsync();
        await new SubmissionBuilder(alice, p2).WithResult(JudgeStatus.WrongAnswer).WithLanguage("C").CreatedAt(now.AddMinutes(-2)).BuildAsync();
        await new SubmissionBuilder(bob, p1).WithResult(JudgeStatus.WrongAnswer).CreatedAt(now.AddMinutes(-1)).BuildAsync();
        await new SubmissionBuilder(bob, p1).WithResult(JudgeStatus.Accepted).Shared().CreatedAt(now.AddDays(-2)).BuildAsync();
        return new Scene(teacher, alice, bob, p1, p2);
    }

    [Test]
    public async Task The_list_is_newest_first_with_the_fields_the_client_reads()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Alice);

        var data = (await Client.GetAsync("/api/submissions?limit=10&offset=0&page=1")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        var first = results[0];
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(results.Select(r => r.GetProperty("username").GetString()), Is.EqualTo(new[] { "ks232bob", "ks231alice", "ks231alice", "ks232bob" }));
            Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "id", "problem", "problem_title", "show_link", "create_time", "user_id", "username", "result", "language", "shared", "statistic_info",
            }));
            Assert.That(first.GetProperty("problem").GetString(), Is.EqualTo("L1"));
            Assert.That(first.GetProperty("problem_title").GetString(), Is.EqualTo("First"));
            Assert.That(results.Select(r => r.GetProperty("show_link").GetBoolean()), Is.EqualTo(new[] { false, true, true, true }),
                "others' private submissions have no link; shared ones do");
            Assert.That(results[1].GetProperty("statistic_info").GetProperty("time_cost").GetInt32(), Is.EqualTo(12));
        });
    }

    [Test]
    public async Task Filters_narrow_the_list()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Alice);
        async Task<int> TotalAsync(string query) => (await Client.GetAsync("/api/submissions?limit=10&" + query)).Ok().GetProperty("total").GetInt32();

        Assert.Multiple(async () =>
        {
            Assert.That(await TotalAsync("myself=1"), Is.EqualTo(2));
            Assert.That(await TotalAsync("myself=0&username=BOB"), Is.EqualTo(2));
            Assert.That(await TotalAsync("myself=1&username=bob"), Is.EqualTo(2), "username is ignored with myself=1");
            Assert.That(await TotalAsync("result=0"), Is.EqualTo(2));
            Assert.That(await TotalAsync("result=-1&problem_id=l1"), Is.EqualTo(1));
            Assert.That(await TotalAsync("language=C"), Is.EqualTo(1));
            Assert.That(await TotalAsync("today=1"), Is.LessThanOrEqualTo(3));
            Assert.That(await TotalAsync("username=%25"), Is.Zero, "LIKE wildcards are matched literally");
        });
    }

    [Test]
    public async Task Bad_list_queries_answer_errors()
    {
        await SceneAsync();
        (await Client.GetAsync("/api/submissions")).AssertError("error", "Limit is needed");
        (await Client.GetAsync("/api/submissions?limit=10&contest_id=1")).AssertError("error", "Parameter error");
        (await Client.GetAsync("/api/submissions?limit=10&problem_id=nope")).AssertError("error", "Problem doesn't exist");
        (await Client.GetAsync("/api/submissions?limit=10&result=abc")).AssertError("invalid-result", "result: A valid integer is required.");
    }

    [Test]
    public async Task Anonymous_callers_see_the_list_without_links()
    {
        await SceneAsync();
        var data = (await Client.GetAsync("/api/submissions?limit=2&offset=1")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(data.GetProperty("results").GetArrayLength(), Is.EqualTo(2));
            Assert.That(data.GetProperty("results").EnumerateArray().Any(r => r.GetProperty("show_link").GetBoolean()), Is.False);
        });
    }

    [Test]
    public async Task Without_submission_list_show_all_regular_users_see_nothing_and_admins_everything()
    {
        var scene = await SceneAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            db.SysOptions.Add(new SysOption { Key = "submission_list_show_all", Value = System.Text.Json.JsonElement.Parse("false") });
            await db.SaveChangesAsync();
        }

        await Client.LoginAsync(scene.Alice);
        var hidden = (await Client.GetAsync("/api/submissions?limit=10")).Ok();
        Assert.That(hidden.GetProperty("total").GetInt32(), Is.Zero);
        Assert.That((await NewClient().GetAsync("/api/submissions?limit=10")).Ok().GetProperty("total").GetInt32(), Is.Zero);

        var teacher = NewClient();
        await teacher.LoginAsync(scene.Teacher);
        var all = (await teacher.GetAsync("/api/submissions?limit=10")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(all.GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(all.GetProperty("results").EnumerateArray().All(r => r.GetProperty("show_link").GetBoolean()), Is.True);
        });
    }

    [Test]
    public async Task Own_submissions_made_before_joining_an_active_problem_set_lose_their_link_until_solved_in_it()
    {
        var scene = await SceneAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            var set = new ProblemSet
            {
                Title = "Set", Description = "", CreateTime = DateTime.UtcNow, LastUpdateTime = DateTime.UtcNow, Status = ProblemSetStatus.Active,
                CreatedById = scene.Teacher.Id,
            };
            set.Problems.Add(new ProblemSetProblem { ProblemId = scene.P1.Id, Order = 1 });
            set.Progresses.Add(new ProblemSetProgress { UserId = scene.Alice.Id, JoinTime = DateTime.UtcNow.AddMinutes(-10) });
            set.Progresses.Add(new ProblemSetProgress { UserId = scene.Bob.Id, JoinTime = DateTime.UtcNow });
            db.ProblemSets.Add(set);
            await db.SaveChangesAsync();
        }

        await Client.LoginAsync(scene.Bob);
        var mine = (await Client.GetAsync("/api/submissions?limit=10&myself=1")).Ok().GetProperty("results").EnumerateArray().ToList();
        Assert.That(mine.Select(r => r.GetProperty("show_link").GetBoolean()), Is.EqualTo(new[] { false, false }));

        var alice = NewClient();
        await alice.LoginAsync(scene.Alice);
        var hers = (await alice.GetAsync("/api/submissions?limit=10&myself=1")).Ok().GetProperty("results").EnumerateArray().ToList();
        Assert.That(hers.Select(r => r.GetProperty("show_link").GetBoolean()), Is.EqualTo(new[] { true, true }), "made after joining");
    }

    [Test]
    public async Task Contest_lists_show_the_contest_s_submissions_since_its_start()
    {
        var scene = await SceneAsync();
        var contest = await new ContestBuilder(scene.Teacher).Between(DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1)).BuildAsync();
        var problem = await new ProblemBuilder(scene.Teacher).InContest(contest).WithDisplayId("CA").BuildAsync();
        await new SubmissionBuilder(scene.Teacher, problem).CreatedAt(DateTime.UtcNow.AddHours(-2)).BuildAsync();
        await new SubmissionBuilder(scene.Alice, problem).WithResult(JudgeStatus.WrongAnswer).BuildAsync();
        await new SubmissionBuilder(scene.Bob, problem).BuildAsync();

        await Client.LoginAsync(scene.Alice);
        var data = (await Client.GetAsync($"/api/contest_submissions?contest_id={contest.Id}&limit=10&offset=0")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(2), "the admin's test submission before the start is hidden");
            Assert.That(results.Select(r => r.GetProperty("username").GetString()), Is.EqualTo(new[] { "ks232bob", "ks231alice" }));
            Assert.That(results.Select(r => r.GetProperty("show_link").GetBoolean()), Is.EqualTo(new[] { false, true }));
        });

        Assert.That((await Client.GetAsync($"/api/contest_submissions?contest_id={contest.Id}&limit=1&result=0")).Ok().GetProperty("total").GetInt32(),
            Is.EqualTo(1));
        (await Client.GetAsync($"/api/contest_submissions?contest_id={contest.Id}")).AssertError("error", "Limit is needed");
        (await Client.GetAsync($"/api/contest_submissions?contest_id={contest.Id}&limit=10&problem_id=L1")).AssertError("error", "Problem doesn't exist");
        (await Client.GetAsync("/api/contest_submissions?limit=10")).AssertError("error", "Parameter error, contest_id is required");
        (await NewClient().GetAsync($"/api/contest_submissions?contest_id={contest.Id}&limit=10")).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Today_counts_practice_and_flowchart_submissions_since_midnight_utc()
    {
        var scene = await SceneAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            db.FlowchartSubmissions.Add(new FlowchartSubmission
            {
                Id = OnlineJudge.Services.Common.RandomStrings.LowerHex(32), UserId = scene.Alice.Id, ProblemId = scene.P1.Id, CreateTime = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var expected = new[] { -3, -2, -1 }.Count(m => DateTime.UtcNow.AddMinutes(m) >= DateTime.UtcNow.Date);
        Assert.Multiple(async () =>
        {
            Assert.That((await Client.GetAsync("/api/submissions/today_count")).Ok().GetInt32(), Is.EqualTo(expected));
            Assert.That((await Client.GetAsync("/api/submissions/today_count?language=Flowchart")).Ok().GetInt32(), Is.EqualTo(1));
        });
    }
}

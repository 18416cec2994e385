using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>judge.md §6.3–6.5: contest submissions through the judge, the contest status, counters and the ACM rank.</summary>
public class ContestJudgeTests : JudgeTest
{
    private sealed record Scene(User Owner, User Student, Contest Contest, Problem Problem);

    private static async Task<Scene> SceneAsync(Func<ContestBuilder, ContestBuilder>? configure = null)
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().WithUsername("contestant").BuildAsync();
        var contest = await (configure?.Invoke(new ContestBuilder(owner)) ?? new ContestBuilder(owner)).BuildAsync();
        var problem = await new ProblemBuilder(owner).InContest(contest).WithDisplayId("C1").BuildAsync();
        return new Scene(owner, student, contest, problem);
    }

    private static async Task<Submission> LatestSubmissionAsync(int userId)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.Submissions.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.CreateTime).FirstAsync();
    }

    [Test]
    public async Task Contestants_get_the_submission_id_and_their_verdicts_build_the_rank()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Student);

        Judge.Reply = _ => FakeJudgeServer.Cases((-1, 5, 100));
        var wrong = await SubmitAsync(Client, scene.Problem, code: "wrong", contestId: scene.Contest.Id);
        Assert.That(wrong, Is.EqualTo((await LatestSubmissionAsync(scene.Student.Id)).Id), "the client follows the id it gets");
        await JudgeTestData.WaitForVerdictAsync(wrong);

        Judge.Reply = _ => FakeJudgeServer.Cases((0, 5, 100));
        await SubmitAsync(Client, scene.Problem, code: "right", contestId: scene.Contest.Id);
        var accepted = await JudgeTestData.WaitForVerdictAsync((await LatestSubmissionAsync(scene.Student.Id)).Id);
        Assert.That(accepted.Result, Is.EqualTo(JudgeStatus.Accepted));

        var rank = (await Client.GetAsync($"/api/contest_rank?contest_id={scene.Contest.Id}&limit=10&offset=0")).Ok();
        var row = rank.GetProperty("results")[0];
        var info = row.GetProperty("submission_info").GetProperty(scene.Problem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var acTime = (int)Math.Floor((accepted.CreateTime - scene.Contest.StartTime).TotalSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(rank.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(row.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("contestant"));
            Assert.That(row.GetProperty("submission_number").GetInt32(), Is.EqualTo(2));
            Assert.That(row.GetProperty("accepted_number").GetInt32(), Is.EqualTo(1));
            Assert.That(row.GetProperty("total_time").GetInt32(), Is.EqualTo(acTime + 1200));
            Assert.That(info.GetProperty("is_ac").GetBoolean(), Is.True);
            Assert.That(info.GetProperty("ac_time").GetInt32(), Is.EqualTo(acTime));
            Assert.That(info.GetProperty("error_number").GetInt32(), Is.EqualTo(1));
            Assert.That(info.GetProperty("is_first_ac").GetBoolean(), Is.True);
        });

        // Later submissions after the accepted one change nothing.
        Judge.Reply = _ => FakeJudgeServer.Cases((-1, 5, 100));
        await SubmitAsync(Client, scene.Problem, code: "again", contestId: scene.Contest.Id);
        await JudgeTestData.WaitForVerdictAsync((await LatestSubmissionAsync(scene.Student.Id)).Id);

        await using var db = TestEnvironment.CreateDbContext();
        var problem = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == scene.Problem.Id);
        var profile = await db.UserProfiles.AsNoTracking().SingleAsync(p => p.UserId == scene.Student.Id);
        var stored = await db.AcmContestRanks.AsNoTracking().SingleAsync(r => r.ContestId == scene.Contest.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.SubmissionNumber, Is.EqualTo(2));
            Assert.That(problem.SubmissionNumber, Is.EqualTo(2));
            Assert.That(problem.AcceptedNumber, Is.EqualTo(1));
            Assert.That(profile.SubmissionNumber, Is.Zero, "contest submissions leave the profile counters alone");
            Assert.That(profile.AcmProblemsStatus.ContestProblems!.Single().Value.Status, Is.Zero);
            Assert.That(profile.AcmProblemsStatus.Problems, Is.Null);
        });

        // The contest's submission list shows all three, the caller's with links.
        var list = (await Client.GetAsync($"/api/contest_submissions?contest_id={scene.Contest.Id}&limit=10&offset=0")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(list.GetProperty("results")[0].GetProperty("problem").GetString(), Is.EqualTo("C1"));
            Assert.That(list.GetProperty("results").EnumerateArray().All(r => r.GetProperty("show_link").GetBoolean()), Is.True);
        });
    }

    [Test]
    public async Task Compile_errors_are_not_penalised_and_a_second_solver_is_not_first_blood()
    {
        var scene = await SceneAsync();
        var first = NewClient();
        var firstUser = await new UserBuilder().BuildAsync();
        await first.LoginAsync(firstUser);
        await Client.LoginAsync(scene.Student);

        Judge.Reply = _ => FakeJudgeServer.Cases((0, 5, 100));
        await SubmitAsync(first, scene.Problem, contestId: scene.Contest.Id);
        await JudgeTestData.WaitForEmptyQueueAsync();

        Judge.Reply = _ => FakeJudgeServer.Error("CompileError", "error");
        await SubmitAsync(Client, scene.Problem, contestId: scene.Contest.Id);
        await JudgeTestData.WaitForEmptyQueueAsync();
        Judge.Reply = _ => FakeJudgeServer.Cases((0, 5, 100));
        await SubmitAsync(Client, scene.Problem, contestId: scene.Contest.Id);
        await JudgeTestData.WaitForEmptyQueueAsync();

        await using var db = TestEnvironment.CreateDbContext();
        var rank = await db.AcmContestRanks.AsNoTracking().SingleAsync(r => r.UserId == scene.Student.Id);
        var entry = rank.SubmissionInfo.Single().Value;
        Assert.Multiple(() =>
        {
            Assert.That(rank.SubmissionNumber, Is.EqualTo(2));
            Assert.That(entry.ErrorNumber, Is.Zero);
            Assert.That(entry.IsFirstAc, Is.False);
            Assert.That(rank.TotalTime, Is.EqualTo(entry.AcTime));
        });
    }

    [Test]
    public async Task Contest_admins_submissions_are_judged_but_not_ranked()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Owner);

        var id = await SubmitAsync(Client, scene.Problem, contestId: scene.Contest.Id);
        Assert.That(id, Is.Not.Empty, "contest admins see the id");
        var submission = await JudgeTestData.WaitForVerdictAsync(id);

        await using var db = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.Accepted));
            Assert.That(await db.AcmContestRanks.CountAsync(), Is.Zero);
            Assert.That((await db.Problems.AsNoTracking().SingleAsync(p => p.Id == scene.Problem.Id)).SubmissionNumber, Is.Zero);
        });
    }

    [Test]
    public async Task Many_verdicts_of_one_contestant_at_once_keep_the_rank_exact()
    {
        var scene = await SceneAsync();
        var problems = new List<Problem> { scene.Problem };
        for (var i = 2; i <= 5; i++)
        {
            problems.Add(await new ProblemBuilder(scene.Owner).InContest(scene.Contest).WithDisplayId("C" + i).BuildAsync());
        }

        Judge.Reply = _ => FakeJudgeServer.Cases((-1, 5, 100));
        Judge.Delay = TimeSpan.FromMilliseconds(100);
        await JudgeTestData.SetServerDisabledAsync(JudgeServerRow.Id, true);
        await JudgeTestData.SetServerCoresAsync(JudgeServerRow.Id, 50);
        for (var i = 0; i < 100; i++)
        {
            await JudgeTestData.QueueSubmissionAsync(scene.Student, problems[i % 5], scene.Contest.Id);
        }

        await JudgeTestData.SetServerDisabledAsync(JudgeServerRow.Id, false);
        await JudgeTestData.WaitForEmptyQueueAsync(TimeSpan.FromSeconds(60));

        await using var db = TestEnvironment.CreateDbContext();
        var rank = await db.AcmContestRanks.AsNoTracking().SingleAsync(r => r.UserId == scene.Student.Id);
        var counted = await db.Problems.AsNoTracking().Where(p => p.ContestId == scene.Contest.Id).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Judge.MaxConcurrent, Is.GreaterThan(1), "verdicts were processed concurrently");
            Assert.That(rank.SubmissionNumber, Is.EqualTo(100));
            Assert.That(rank.AcceptedNumber, Is.Zero);
            Assert.That(rank.SubmissionInfo.Values.Select(e => e.ErrorNumber), Is.EqualTo(Enumerable.Repeat(20, 5)));
            Assert.That(counted.Select(p => p.SubmissionNumber), Is.All.EqualTo(20));
            Assert.That(counted.Select(p => p.StatisticInfo["-1"]), Is.All.EqualTo(20));
        });
    }
}

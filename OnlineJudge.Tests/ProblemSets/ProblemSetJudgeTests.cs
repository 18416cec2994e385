using OnlineJudge.Tests.Submissions;

namespace OnlineJudge.Tests.ProblemSets;

/// <summary>
/// Progress and badges after verdicts of the real judge path (submit, fake JudgeServer, verdict, observer): counted
/// without the client's report, once per badge under concurrent verdicts, never taken back by a rejudge.
/// </summary>
public class ProblemSetJudgeTests : JudgeTest
{
    private sealed record Scene(User Teacher, User Student, Problem[] Problems, ProblemSet Set);

    private static async Task<Scene> SceneAsync(int problemCount = 2)
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problems = new Problem[problemCount];
        var builder = new ProblemSetBuilder(teacher).WithBadge("First", "problem_count", 1).WithBadge("All", "all_problems");
        for (var i = 0; i < problemCount; i++)
        {
            problems[i] = await new ProblemBuilder(teacher).BuildAsync();
            builder.WithProblem(problems[i], score: 10);
        }

        return new Scene(teacher, student, problems, await builder.BuildAsync());
    }

    /// <summary>Polls the member's progress until <paramref name="done"/> holds (observers run after the verdict's commit).</summary>
    private static Task<ProblemSetProgress> WaitForProgressAsync(ProblemSet set, User user, Func<ProblemSetProgress, bool> done)
    {
        ProblemSetProgress? row = null;
        return Polling.UntilAsync(async db =>
        {
            row = await db.ProblemSetProgresses.AsNoTracking().SingleOrDefaultAsync(p => p.ProblemSetId == set.Id && p.UserId == user.Id);
            return row is not null && done(row) ? row : null;
        }, TimeSpan.FromSeconds(15), () => $"Progress not reached in time: {JsonSerializer.Serialize(row?.ProgressDetail)}");
    }

    private static IEnumerable<string?> BadgeNames(IEnumerable<JsonElement> frames) =>
        SocketFrames.UnlockedItems(frames).Select(a => a.GetProperty("name").GetString());

    [Test]
    public async Task An_accepted_verdict_counts_in_the_member_s_sets_and_pushes_the_badge_once()
    {
        var scene = await SceneAsync();
        var key = await Client.LoginAsync(scene.Student);
        await ProblemSetTestData.JoinAsync(Client, scene.Set);
        await using var socket = await SocketFrames.OpenAsync(key);

        var id = await SubmitAsync(Client, scene.Problems[0]);
        Assert.That((await JudgeTestData.WaitForVerdictAsync(id)).Result, Is.EqualTo(JudgeStatus.Accepted));
        var row = await WaitForProgressAsync(scene.Set, scene.Student, p => p.CompletedProblemsCount == 1);
        var frame = await socket.NextAsync("achievement_unlocked");
        Assert.Multiple(() =>
        {
            Assert.That(row.TotalScore, Is.EqualTo(10));
            Assert.That(row.ProgressPercentage, Is.EqualTo(50));
            Assert.That(BadgeNames([frame]), Is.EqualTo(new[] { "First" }));
            Assert.That(frame.GetProperty("achievements")[0].GetProperty("kind").GetString(), Is.EqualTo("badge"));
            Assert.That(frame.GetProperty("achievements")[0].GetProperty("rarity").GetString(), Is.EqualTo("bronze"));
        });
        await using (var db = TestEnvironment.CreateDbContext())
        {
            Assert.That(await db.ProblemSetSubmissions.Select(s => s.SubmissionId).ToListAsync(), Is.EqualTo(new[] { id }));
        }

        // The client reports the same submission afterwards, as it does: nothing is awarded or pushed twice.
        (await ProblemSetTestData.ReportAsync(Client, scene.Set, scene.Problems[0], id)).Ok();
        Assert.That(await socket.CollectAsync("achievement_unlocked", TimeSpan.FromMilliseconds(500)), Is.Empty);
        var detail = (await Client.GetAsync($"/api/problemset/{scene.Set.Id}/problems")).Ok();
        Assert.That(detail.EnumerateArray().Select(p => p.GetProperty("is_completed").GetBoolean()), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public async Task Wrong_answers_non_members_and_submissions_from_before_joining_count_nothing()
    {
        var scene = await SceneAsync();
        var outsider = await new UserBuilder().BuildAsync();
        var draft = await new ProblemSetBuilder(scene.Teacher).WithStatus("draft").WithProblem(scene.Problems[0]).BuildAsync();
        await Client.LoginAsync(scene.Student);
        var early = await JudgeTestData.QueueSubmissionAsync(scene.Student, scene.Problems[1], createTime: DateTime.UtcNow.AddMinutes(-5));
        await ProblemSetTestData.JoinAsync(Client, scene.Set);
        await ProblemSetTestData.SeedProgressAsync(draft, scene.Student);

        Judge.Reply = call => call.Body.GetProperty("src").GetString()!.Contains("wrong", StringComparison.Ordinal)
            ? FakeJudgeServer.Cases((-1, 5, 100))
            : FakeJudgeServer.Cases((0, 5, 100));
        var wrong = await JudgeTestData.QueueSubmissionAsync(scene.Student, scene.Problems[0], code: "int main() { return 0; } // wrong");
        var stranger = await JudgeTestData.QueueSubmissionAsync(outsider, scene.Problems[0]);
        await JudgeTestData.WakeAsync();
        Assert.That((await JudgeTestData.WaitForVerdictAsync(wrong)).Result, Is.EqualTo(JudgeStatus.WrongAnswer));
        Assert.That((await JudgeTestData.WaitForVerdictAsync(stranger)).Result, Is.EqualTo(JudgeStatus.Accepted));
        Assert.That((await JudgeTestData.WaitForVerdictAsync(early)).Result, Is.EqualTo(JudgeStatus.Accepted));

        // A later accepted submission of the member is counted; by then the earlier verdicts have been handled too.
        var later = await JudgeTestData.QueueSubmissionAsync(scene.Student, scene.Problems[0]);
        await JudgeTestData.WakeAsync();
        await JudgeTestData.WaitForVerdictAsync(later);
        var row = await WaitForProgressAsync(scene.Set, scene.Student, p => p.CompletedProblemsCount == 1);
        await Task.Delay(300);
        Assert.Multiple(async () =>
        {
            Assert.That(row.ProgressDetail.Keys, Is.EqualTo(new[] { scene.Problems[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                "the accepted submission made before joining is not counted");
            Assert.That((await ProblemSetTestData.ProgressOfAsync(draft, scene.Student))!.ProgressDetail, Is.Empty, "drafts are not open");
            Assert.That(await ProblemSetTestData.ProgressOfAsync(scene.Set, outsider), Is.Null, "a verdict never joins anyone");
            Assert.That((await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Student))!.CompletedProblemsCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_rejudge_that_turns_an_accepted_submission_into_a_wrong_answer_keeps_progress_and_badges()
    {
        var scene = await SceneAsync(problemCount: 1);
        var key = await Client.LoginAsync(scene.Student);
        await ProblemSetTestData.JoinAsync(Client, scene.Set);
        await using var socket = await SocketFrames.OpenAsync(key);
        var id = await SubmitAsync(Client, scene.Problems[0]);
        await JudgeTestData.WaitForVerdictAsync(id);
        var counted = await WaitForProgressAsync(scene.Set, scene.Student, p => p.IsCompleted);
        Assert.That(BadgeNames([await socket.NextAsync("achievement_unlocked")]), Is.EqualTo(new[] { "First", "All" }));

        Judge.Reply = _ => FakeJudgeServer.Cases((-1, 5, 100));
        var teacher = NewClient();
        await teacher.LoginAsync(scene.Teacher);
        (await teacher.GetAsync($"/api/admin/submission/rejudge?id={id}")).Ok();
        Assert.That((await JudgeTestData.WaitForVerdictAsync(id)).Result, Is.EqualTo(JudgeStatus.WrongAnswer));
        await Task.Delay(300);

        var after = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Student))!;
        Assert.Multiple(async () =>
        {
            Assert.That(after.ProgressDetail.Keys, Is.EqualTo(counted.ProgressDetail.Keys), "problemset.md: the progress path never takes a problem back");
            Assert.That(after.IsCompleted, Is.True);
            Assert.That(after.CompleteTime, Is.EqualTo(counted.CompleteTime));
            Assert.That((await ProblemSetTestData.BadgesOfAsync(scene.Student)).Count, Is.EqualTo(2), "badges are never revoked on this path");
        });

        // Accepted again: counted again (submit_time moves), no badge is given or pushed a second time.
        Judge.Reply = _ => FakeJudgeServer.Cases((0, 5, 100));
        (await teacher.GetAsync($"/api/admin/submission/rejudge?id={id}")).Ok();
        await JudgeTestData.WaitForVerdictAsync(id);
        await WaitForProgressAsync(scene.Set, scene.Student,
            p => string.CompareOrdinal(p.ProgressDetail.Values.Single().SubmitTime, after.ProgressDetail.Values.Single().SubmitTime) > 0);
        Assert.That(await socket.CollectAsync("achievement_unlocked", TimeSpan.FromMilliseconds(500)), Is.Empty);
    }

    [Test]
    public async Task Concurrent_accepted_verdicts_of_one_member_are_all_counted_and_award_each_badge_once()
    {
        const int count = 5;
        var scene = await SceneAsync(problemCount: count);
        var key = await Client.LoginAsync(scene.Student);
        await ProblemSetTestData.JoinAsync(Client, scene.Set);
        await using var socket = await SocketFrames.OpenAsync(key);
        Judge.Delay = TimeSpan.FromMilliseconds(400);
        var ids = new List<string>();
        foreach (var problem in scene.Problems)
        {
            ids.Add(await JudgeTestData.QueueSubmissionAsync(scene.Student, problem));
            ids.Add(await JudgeTestData.QueueSubmissionAsync(scene.Student, problem));
        }

        await JudgeTestData.WakeAsync();
        foreach (var id in ids)
        {
            Assert.That((await JudgeTestData.WaitForVerdictAsync(id, TimeSpan.FromSeconds(30))).Result, Is.EqualTo(JudgeStatus.Accepted));
        }

        var row = await WaitForProgressAsync(scene.Set, scene.Student, p => p.CompletedProblemsCount == count);
        var frames = await socket.CollectAsync("achievement_unlocked", TimeSpan.FromSeconds(1));
        await using var db = TestEnvironment.CreateDbContext();
        var links = await db.ProblemSetSubmissions.Where(s => s.UserId == scene.Student.Id).Select(s => s.ProblemId).ToListAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(Judge.MaxConcurrent, Is.GreaterThan(1), "verdicts were judged side by side");
            Assert.That(row.IsCompleted, Is.True);
            Assert.That(row.TotalScore, Is.EqualTo(10 * count));
            Assert.That(BadgeNames(frames).Order(), Is.EqualTo(new[] { "All", "First" }), "each badge pushed once");
            Assert.That((await ProblemSetTestData.BadgesOfAsync(scene.Student)).Select(b => b.BadgeId), Is.EqualTo(scene.Set.Badges.Select(b => b.Id)));
            Assert.That(links.Order(), Is.EqualTo(scene.Problems.Select(p => p.Id).Order()), "one submission link per problem");
        });
    }
}

using OnlineJudge.Tests.Submissions;

namespace OnlineJudge.Tests.Achievements;

/// <summary>achievement.md §3.1–§3.4 and §4 through the real judge path: verdicts update user_stat and unlock.</summary>
public class AchievementJudgeTests : JudgeTest
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    /// <summary>Code containing "WA" gets a wrong answer, "CE" a compile error, anything else is accepted.</summary>
    private void ReplyByCode() => Judge.Reply = call =>
    {
        var src = call.Body.GetProperty("src").GetString()!;
        return src.Contains("CE", StringComparison.Ordinal) ? FakeJudgeServer.Error("CompileError", "boom")
            : src.Contains("WA", StringComparison.Ordinal) ? FakeJudgeServer.Cases((-1, 5, 100))
            : FakeJudgeServer.Cases((0, 5, 100));
    };

    [Test]
    public async Task An_accepted_verdict_unlocks_pushes_once_and_stays_pending_until_shown()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(teacher).BuildAsync();
        var first = await new AchievementBuilder().Named("First AC", "Solve one").WithIcon("noto:party-popper").On("accepted_count", "gte", 1)
            .BuildAsync();
        var two = await new AchievementBuilder().Named("Two").On("accepted_count", "gte", 2).BuildAsync();
        var key = await Client.LoginAsync(student);
        await using var socket = await SocketFrames.OpenAsync(key);
        ReplyByCode();

        var id = await SubmitAsync(Client, problem, code: "int main() { return 0; }");
        await JudgeTestData.WaitForVerdictAsync(id);
        var frames = await socket.CollectAsync(SocketFrames.AchievementUnlocked, Quiet);

        Assert.That(frames, Has.Count.EqualTo(1));
        Assert.That(frames[0].GetRawText(), Is.EqualTo(
            $$"""{"type":"achievement_unlocked","achievements":[{"id":{{first.Id}},"name":"First AC","description":"Solve one","icon":"noto:party-popper","rarity":"bronze","kind":"achievement"}]}"""));
        var unlocks = await AchievementTestData.UnlocksOfAsync(student);
        Assert.Multiple(async () =>
        {
            Assert.That(unlocks.Select(u => (u.AchievementId, u.Backfilled, u.Notified)), Is.EqualTo(new[] { (first.Id, false, false) }));
            Assert.That(await AchievementTestData.UnlockCountOfAsync(first), Is.EqualTo(1));
            Assert.That(await AchievementTestData.UnlockCountOfAsync(two), Is.Zero);
        });

        var pending = (await Client.GetAsync("/api/achievements/pending")).Ok();
        Assert.That(pending.EnumerateArray().Select(p => p.GetProperty("id").GetInt64()), Is.EqualTo(new[] { first.Id }));
        Assert.That((await Client.GetAsync("/api/achievements/pending")).Ok().GetArrayLength(), Is.EqualTo(1));
        (await Client.PostJsonAsync("/api/achievements/pending", new { ids = new[] { first.Id } })).Ok();
        Assert.That((await Client.GetAsync("/api/achievements/pending")).Ok().GetArrayLength(), Is.Zero);

        // Another accepted submission of the same problem: counted, but nothing new to unlock.
        var again = await SubmitAsync(Client, problem, code: "int main() { return 1; }");
        await JudgeTestData.WaitForVerdictAsync(again);
        await Task.Delay(300);
        var metrics = await AchievementTestData.MetricsOfAsync(student);
        Assert.Multiple(async () =>
        {
            Assert.That(metrics.GetProperty("accepted_count").GetInt32(), Is.EqualTo(1));
            Assert.That(metrics.GetProperty("submission_count").GetInt32(), Is.EqualTo(2));
            Assert.That(await AchievementTestData.UnlocksOfAsync(student), Has.Count.EqualTo(1));
            Assert.That(await AchievementTestData.UnlockCountOfAsync(first), Is.EqualTo(1));
            Assert.That((await Client.GetAsync("/api/achievements/pending")).Ok().GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Unlocks_of_round_one_feed_the_meta_metric_of_round_two()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(teacher).BuildAsync();
        var ac = await new AchievementBuilder().Named("AC").On("accepted_count", "gte", 1).WithOrder(1).BuildAsync();
        var submitted = await new AchievementBuilder().Named("Submitted").On("submission_count", "gte", 1).WithOrder(2).BuildAsync();
        var platinum = await new AchievementBuilder().Named("Collector").WithRarity(AchievementRarity.Platinum)
            .On("achievement_unlocked_count", "gte", 2).WithOrder(3).BuildAsync();
        var tooMany = await new AchievementBuilder().Named("Hoarder").On("achievement_unlocked_count", "gte", 3).WithOrder(4).BuildAsync();
        var key = await Client.LoginAsync(student);
        await using var socket = await SocketFrames.OpenAsync(key);

        var id = await SubmitAsync(Client, problem);
        await JudgeTestData.WaitForVerdictAsync(id);
        var frames = await socket.CollectAsync(SocketFrames.AchievementUnlocked, Quiet);

        var pushed = SocketFrames.UnlockedItems(frames).Select(a => a.GetProperty("id").GetInt64()).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(frames, Has.Count.EqualTo(1));
            Assert.That(pushed, Is.EqualTo(new[] { ac.Id, submitted.Id, platinum.Id }));
            // Platinum unlocks do not count: two, not three, so no third round and no "Hoarder".
            Assert.That((await AchievementTestData.MetricsOfAsync(student)).GetProperty("achievement_unlocked_count").GetInt32(), Is.EqualTo(2));
            Assert.That((await AchievementTestData.UnlocksOfAsync(student)).Select(u => u.AchievementId), Does.Not.Contain(tooMany.Id));
        });
    }

    [Test]
    public async Task Contest_verdicts_and_system_errors_change_no_metric()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        var contestProblem = await new ProblemBuilder(teacher).InContest(contest).BuildAsync();
        var problem = await new ProblemBuilder(teacher).BuildAsync();
        await new AchievementBuilder().On("submission_count", "gte", 1).BuildAsync();

        var inContest = await JudgeTestData.QueueSubmissionAsync(student, contestProblem, contest.Id);
        await JudgeTestData.WakeAsync();
        await JudgeTestData.WaitForVerdictAsync(inContest);
        Judge.Reply = _ => "not json";
        var failed = await JudgeTestData.QueueSubmissionAsync(student, problem);
        await JudgeTestData.WakeAsync();
        Assert.That((await JudgeTestData.WaitForVerdictAsync(failed)).Result, Is.EqualTo(JudgeStatus.SystemError));
        await Task.Delay(300);

        Assert.Multiple(async () =>
        {
            Assert.That((await AchievementTestData.MetricsOfAsync(student)).EnumerateObject().Count(), Is.Zero);
            Assert.That(await AchievementTestData.UnlocksOfAsync(student), Is.Empty);
        });
    }

    [Test]
    public async Task Concurrent_verdicts_of_one_user_unlock_each_achievement_once()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problems = new List<Problem>();
        for (var i = 0; i < 5; i++)
        {
            problems.Add(await new ProblemBuilder(teacher).BuildAsync());
        }

        var one = await new AchievementBuilder().Named("One").On("accepted_count", "gte", 1).BuildAsync();
        var three = await new AchievementBuilder().Named("Three").On("submission_count", "gte", 3).BuildAsync();
        var key = await Client.LoginAsync(student);
        await using var socket = await SocketFrames.OpenAsync(key);
        Judge.Delay = TimeSpan.FromMilliseconds(300);

        var ids = new List<string>();
        var start = DateTime.UtcNow;
        for (var i = 0; i < problems.Count; i++)
        {
            ids.Add(await JudgeTestData.QueueSubmissionAsync(student, problems[i], createTime: start.AddMilliseconds(i)));
        }

        await JudgeTestData.WakeAsync();
        foreach (var id in ids)
        {
            await JudgeTestData.WaitForVerdictAsync(id);
        }

        var frames = await socket.CollectAsync(SocketFrames.AchievementUnlocked, Quiet);
        var pushed = SocketFrames.UnlockedItems(frames).Select(a => a.GetProperty("id").GetInt64()).ToList();
        var metrics = await AchievementTestData.MetricsOfAsync(student);
        Assert.Multiple(async () =>
        {
            Assert.That(Judge.MaxConcurrent, Is.GreaterThan(1), "the verdicts were meant to overlap");
            Assert.That(pushed, Is.EquivalentTo(new[] { one.Id, three.Id }));
            Assert.That((await AchievementTestData.UnlocksOfAsync(student)).Select(u => u.AchievementId), Is.EqualTo(new[] { one.Id, three.Id }));
            Assert.That(await AchievementTestData.UnlockCountOfAsync(one), Is.EqualTo(1));
            Assert.That(await AchievementTestData.UnlockCountOfAsync(three), Is.EqualTo(1));
            Assert.That(metrics.GetProperty("accepted_count").GetInt32(), Is.EqualTo(5));
            Assert.That(metrics.GetProperty("submission_count").GetInt32(), Is.EqualTo(5));
            Assert.That(metrics.GetProperty("first_try_ac_count").GetInt32(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task A_rejudge_from_accepted_to_wrong_answer_replaces_the_counted_verdict()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(teacher).BuildAsync();
        var unlocked = await new AchievementBuilder().On("accepted_count", "gte", 1).BuildAsync();
        await Client.LoginAsync(student);
        var id = await SubmitAsync(Client, problem);
        await JudgeTestData.WaitForVerdictAsync(id);
        var before = await AchievementTestData.MetricsOfAsync(student);
        Assert.That(before.GetProperty("accepted_count").GetInt32(), Is.EqualTo(1));

        Judge.Reply = _ => FakeJudgeServer.Cases((-1, 5, 100));
        var admin = NewClient();
        await admin.LoginAsync(teacher);
        (await admin.GetAsync($"/api/admin/submission/rejudge?id={id}")).Ok();
        await JudgeTestData.WaitForVerdictAsync(id);

        var after = await AchievementTestData.MetricsOfAsync(student);
        Assert.Multiple(async () =>
        {
            Assert.That(after.GetProperty("accepted_count").GetInt32(), Is.Zero);
            Assert.That(after.GetProperty("submission_count").GetInt32(), Is.EqualTo(1));
            Assert.That(after.GetProperty("first_try_ac_count").GetInt32(), Is.Zero);
            Assert.That(after.TryGetProperty("min_ac_code_chars", out _), Is.False);
            Assert.That(after.TryGetProperty("_last_ac_date", out _), Is.False);
            // Unlocks are never revoked.
            Assert.That((await AchievementTestData.UnlocksOfAsync(student)).Select(u => u.AchievementId), Is.EqualTo(new[] { unlocked.Id }));
        });
    }
}

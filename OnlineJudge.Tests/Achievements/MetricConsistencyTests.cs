using System.Net.Http.Json;
using OnlineJudge.Tests.Submissions;
using OnlineJudge.Web.Commands;

namespace OnlineJudge.Tests.Achievements;

/// <summary>
/// achievement.md §3.2, §3.5–§3.6: on a seeded history judged through the real judge path, the incremental user_stat equals
/// the full recomputation's, and a rescan grants what the incremental checks granted.
/// </summary>
public class MetricConsistencyTests : JudgeTest
{
    private static readonly string[] RecomputeOnly = ["contest_joined", "badge_count", "problemset_completed"];

    /// <summary>Local midnight of 2026-03-01 in Asia/Shanghai, in UTC.</summary>
    private static readonly DateTime Day1 = new(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc);

    private sealed record Scene(User Alice, User Bob, Contest Contest, Problem[] Problems, Problem ContestProblem);

    /// <summary>Code containing "WA" gets a wrong answer, "CE" a compile error, "SLOW" waits a second; the rest is accepted.</summary>
    private void ReplyByCode() => Judge.Reply = call =>
    {
        var src = call.Body.GetProperty("src").GetString()!;
        if (src.Contains("SLOW", StringComparison.Ordinal))
        {
            Thread.Sleep(1000);
        }

        return src.Contains("CE", StringComparison.Ordinal) ? FakeJudgeServer.Error("CompileError", "boom")
            : src.Contains("WA", StringComparison.Ordinal) ? FakeJudgeServer.Cases((-1, 5, 100))
            : FakeJudgeServer.Cases((0, 5, 100));
    };

    private static async Task<Scene> SceneAsync()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var alice = await new UserBuilder().WithUsername("alice").BuildAsync();
        var bob = await new UserBuilder().WithUsername("bob").BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        var problems = new List<Problem>();
        foreach (var difficulty in new[] { Difficulty.Low, Difficulty.Mid, Difficulty.High, Difficulty.Mid, Difficulty.Low, Difficulty.High })
        {
            problems.Add(await new ProblemBuilder(teacher).WithDifficulty(difficulty).WithLanguages("C", "C++", "Java", "Python3").BuildAsync());
        }

        var contestProblem = await new ProblemBuilder(teacher).InContest(contest).BuildAsync();
        return new Scene(alice, bob, contest, [.. problems], contestProblem);
    }

    private static async Task JudgeInOrderAsync(User user, Problem problem, DateTime createTime, string language, string code, int? contestId = null)
    {
        var id = await JudgeTestData.QueueSubmissionAsync(user, problem, contestId, language, code, createTime);
        await JudgeTestData.WakeAsync();
        await JudgeTestData.WaitForVerdictAsync(id);
    }

    /// <summary>
    /// Days 1–3 and 5 of Alice's practice (compile error, failures before an accepted one, first tries, several languages,
    /// midnight submissions, code with every kind of line break and characters outside the BMP), a contest submission, and
    /// a pair judged out of order; Bob has a short history of his own.
    /// </summary>
    private async Task RunHistoryAsync(Scene s)
    {
        var p = s.Problems;
        await JudgeInOrderAsync(s.Alice, p[0], Day1.AddMinutes(30), "C", "int main() { CE }");
        await JudgeInOrderAsync(s.Alice, p[0], Day1.AddHours(9), "C", "int main() {\n  return WA;\n}\n");
        await JudgeInOrderAsync(s.Alice, p[0], Day1.AddHours(10), "C", "int main() {\r\n  return 0;\r\n}\r\n");
        await JudgeInOrderAsync(s.Alice, p[1], Day1.AddHours(11), "Python3", "print('😀')\u2028print(1)\x0bx = 1\x1c");
        await JudgeInOrderAsync(s.Alice, p[2], Day1.AddDays(1).AddHours(8), "C++", "int main() { WA }");
        await JudgeInOrderAsync(s.Alice, p[1], Day1.AddDays(1).AddHours(9), "Python3", "print(2)\n\n\n");
        await JudgeInOrderAsync(s.Alice, p[2], Day1.AddDays(2).AddHours(8), "C++", "int main(){}");
        await JudgeInOrderAsync(s.Alice, p[3], Day1.AddDays(2).AddHours(23), "Java", "class A{}");
        await JudgeInOrderAsync(s.Alice, p[4], Day1.AddDays(4).AddHours(3), "Python3", "\r\rprint(3)\r");
        await JudgeInOrderAsync(s.Alice, s.ContestProblem, Day1.AddDays(4).AddHours(5), "C", "int main(){}", s.Contest.Id);
        await JudgeInOrderAsync(s.Bob, p[0], Day1.AddHours(1), "C", "int main() { WA }");
        await JudgeInOrderAsync(s.Bob, p[0], Day1.AddDays(1).AddHours(1), "C", "int main() { return 0; }");

        // Judged out of order: the older submission answers last and is counted by a rebuild.
        var older = await JudgeTestData.QueueSubmissionAsync(s.Alice, p[5], null, "C", "int main() { SLOW }", Day1.AddDays(4).AddHours(6));
        var newer = await JudgeTestData.QueueSubmissionAsync(s.Alice, p[0], null, "C", "int main() { WA }", Day1.AddDays(4).AddHours(7));
        await JudgeTestData.WakeAsync();
        await JudgeTestData.WaitForVerdictAsync(newer);
        await JudgeTestData.WaitForVerdictAsync(older);
        await Task.Delay(300);
    }

    /// <summary>A JSON document with object keys sorted at every level, for comparing documents.</summary>
    private static string Canonical(JsonElement element, params string[] skip) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Where(p => !skip.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(e => Canonical(e))) + "]",
        _ => element.GetRawText(),
    };

    private static Task<int> RecomputeAsync(params string[] options) =>
        CommandRunner.RunAsync(TestEnvironment.Factory.Services, ["recompute_achievements", .. options]);

    [Test]
    public async Task The_incremental_metrics_are_what_the_full_recomputation_gives()
    {
        var scene = await SceneAsync();
        ReplyByCode();
        await RunHistoryAsync(scene);
        var alice = await AchievementTestData.MetricsOfAsync(scene.Alice);
        var bob = await AchievementTestData.MetricsOfAsync(scene.Bob);

        // The values the spec's definitions give for Alice's history, checked by hand.
        Assert.That(Canonical(alice), Is.EqualTo(Canonical(JsonDocument.Parse("""
            {"accepted_count": 6, "submission_count": 11, "active_days": 4, "max_ac_streak_days": 3, "languages_used": 4,
             "first_try_ac_count": 4, "midnight_submissions": 2, "compile_error_count": 1, "max_wa_before_ac": 2, "max_ac_in_one_day": 2,
             "min_ac_code_chars": 9, "max_code_lines": 3, "mid_ac_count": 2, "hard_ac_count": 2,
             "_active_dates": ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-05"], "_languages": ["C", "Python3", "C++", "Java"],
             "_last_ac_date": "2026-03-05", "_current_ac_streak": 1,
             "_ac_per_day": {"2026-03-01": 2, "2026-03-03": 2, "2026-03-05": 2}}
            """).RootElement)));

        Assert.That(await RecomputeAsync(), Is.Zero);
        var recomputedAlice = await AchievementTestData.MetricsOfAsync(scene.Alice);
        var recomputedBob = await AchievementTestData.MetricsOfAsync(scene.Bob);
        Assert.Multiple(() =>
        {
            Assert.That(Canonical(recomputedAlice, [.. RecomputeOnly, "achievement_unlocked_count"]), Is.EqualTo(Canonical(alice)));
            Assert.That(Canonical(recomputedBob, [.. RecomputeOnly, "achievement_unlocked_count"]), Is.EqualTo(Canonical(bob)));
            Assert.That(recomputedAlice.GetProperty("contest_joined").GetInt32(), Is.EqualTo(1));
            Assert.That(recomputedAlice.GetProperty("badge_count").GetInt32(), Is.Zero);
            Assert.That(recomputedAlice.GetProperty("problemset_completed").GetInt32(), Is.Zero);
            Assert.That(recomputedBob.GetProperty("contest_joined").GetInt32(), Is.Zero);
            Assert.That(recomputedAlice.GetProperty("achievement_unlocked_count").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task A_rescan_grants_what_the_incremental_checks_granted()
    {
        var scene = await SceneAsync();
        var conditions = new (string Metric, string Operator, int Threshold)[]
        {
            ("accepted_count", "gte", 6), ("accepted_count", "gte", 7), ("submission_count", "gte", 2), ("active_days", "gte", 4),
            ("max_ac_streak_days", "gte", 3), ("max_ac_streak_days", "gte", 4), ("languages_used", "gte", 4), ("first_try_ac_count", "gte", 1),
            ("midnight_submissions", "gte", 2), ("compile_error_count", "gte", 1), ("max_wa_before_ac", "gte", 1),
            ("max_ac_in_one_day", "gte", 2), ("min_ac_code_chars", "lte", 9), ("min_ac_code_chars", "lte", 8), ("max_code_lines", "gte", 4),
            ("mid_ac_count", "gte", 2), ("hard_ac_count", "gte", 1), ("contest_joined", "gte", 1),
        };
        var incremental = new List<Achievement>();
        foreach (var (metric, op, threshold) in conditions)
        {
            incremental.Add(await new AchievementBuilder().On(metric, op, threshold).BuildAsync());
        }

        ReplyByCode();
        await RunHistoryAsync(scene);

        var admin = NewClient();
        await admin.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        var rescanned = new List<long>();
        foreach (var (metric, op, threshold) in conditions)
        {
            var created = (await admin.PostJsonAsync("/api/admin/achievement", new
            {
                name = "copy", description = "d", icon = "noto:star", rarity = "bronze", metric, @operator = op, threshold,
            })).Ok();
            rescanned.Add(created.GetProperty("id").GetInt64());
        }

        await AchievementTestData.WaitForRescansAsync();
        var alice = (await AchievementTestData.UnlocksOfAsync(scene.Alice)).ToDictionary(u => u.AchievementId);
        var bob = (await AchievementTestData.UnlocksOfAsync(scene.Bob)).ToDictionary(u => u.AchievementId);
        Assert.Multiple(() =>
        {
            for (var i = 0; i < conditions.Length; i++)
            {
                Assert.That(alice.ContainsKey(rescanned[i]), Is.EqualTo(alice.ContainsKey(incremental[i].Id)), $"alice, {conditions[i]}");
                Assert.That(bob.ContainsKey(rescanned[i]), Is.EqualTo(bob.ContainsKey(incremental[i].Id)), $"bob, {conditions[i]}");
            }

            // Spot checks: thresholds just above the values are not reached, contest_joined waits for a recomputation.
            Assert.That(alice.ContainsKey(incremental[0].Id) && !alice.ContainsKey(incremental[1].Id), Is.True);
            Assert.That(alice.ContainsKey(incremental[12].Id) && !alice.ContainsKey(incremental[13].Id), Is.True);
            Assert.That(alice.ContainsKey(incremental[17].Id), Is.False);
            Assert.That(alice.Values.Where(u => rescanned.Contains(u.AchievementId)).All(u => u.Backfilled && !u.Notified), Is.True);
            Assert.That(alice.Values.Where(u => !rescanned.Contains(u.AchievementId)).All(u => !u.Backfilled), Is.True);
        });

        // The recomputation sets contest_joined and grants both copies of that achievement, silently.
        Assert.That(await RecomputeAsync("--user", scene.Alice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent"), Is.Zero);
        var after = (await AchievementTestData.UnlocksOfAsync(scene.Alice)).ToDictionary(u => u.AchievementId);
        Assert.Multiple(() =>
        {
            Assert.That(after[incremental[17].Id].Backfilled && after[incremental[17].Id].Notified, Is.True);
            Assert.That(after[rescanned[17]].Backfilled && after[rescanned[17]].Notified, Is.True);
            Assert.That(after, Has.Count.EqualTo(alice.Count + 2));
        });
    }

    [Test]
    public async Task A_recomputation_from_scratch_rebuilds_the_metrics_and_skips_disabled_users()
    {
        var scene = await SceneAsync();
        ReplyByCode();
        await RunHistoryAsync(scene);
        var incremental = await AchievementTestData.MetricsOfAsync(scene.Alice);
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.UserStats.ExecuteDeleteAsync();
            await db.Users.Where(u => u.Id == scene.Bob.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        }

        var achievement = await new AchievementBuilder().On("accepted_count", "gte", 1).BuildAsync();
        Assert.That(await RecomputeAsync(), Is.Zero);

        var rebuilt = await AchievementTestData.MetricsOfAsync(scene.Alice);
        Assert.Multiple(async () =>
        {
            Assert.That(Canonical(rebuilt, [.. RecomputeOnly, "achievement_unlocked_count"]), Is.EqualTo(Canonical(incremental)));
            Assert.That(rebuilt.GetProperty("achievement_unlocked_count").GetInt32(), Is.EqualTo(1));
            Assert.That((await AchievementTestData.MetricsOfAsync(scene.Bob)).EnumerateObject().Count(), Is.Zero);
            var unlock = (await AchievementTestData.UnlocksOfAsync(scene.Alice)).Single();
            Assert.That((unlock.AchievementId, unlock.Backfilled, unlock.Notified), Is.EqualTo((achievement.Id, true, false)));
        });

        // Not silent: the toast is pending.
        await Client.LoginAsync(scene.Alice);
        Assert.That((await Client.GetAsync("/api/achievements/pending")).Ok().GetArrayLength(), Is.EqualTo(1));
        Assert.That(await RecomputeAsync("--user", "x"), Is.EqualTo(1));
    }
}

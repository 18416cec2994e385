using System.Diagnostics;
using OnlineJudge.Data.Judge;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Achievements;
using OnlineJudge.Services.Judge;

namespace OnlineJudge.Tests.Achievements;

/// <summary>
/// What achievements add to a verdict (issue 11: at most 5 ms with 50 achievements defined): the user_stat update inside
/// the verdict's transaction plus the check and push after it, timed over many accepted practice verdicts of 25 students
/// with 40 earlier submissions each. Explicit: run it on its own (README, Benchmarks) and read the figures it prints.
/// </summary>
[Explicit("benchmark: prints figures")]
[Category("Bench")]
public class AchievementCheckCostBench : IntegrationTest
{
    [Test]
    public async Task Achievement_work_per_verdict_with_fifty_achievements()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var students = new List<User>();
        for (var i = 0; i < 25; i++)
        {
            students.Add(await new UserBuilder().BuildAsync());
        }

        var problems = new List<Problem>();
        for (var i = 0; i < 20; i++)
        {
            problems.Add(await new ProblemBuilder(teacher).BuildAsync());
        }

        var metrics = MetricRegistry.All.Select(m => m.Key).ToArray();
        for (var i = 0; i < 50; i++)
        {
            await new AchievementBuilder().On(metrics[i % metrics.Length], i % 7 == 0 ? "lte" : "gte", 100_000 + i).BuildAsync();
        }

        var start = DateTime.UtcNow.AddDays(-30);
        for (var i = 0; i < 1000; i++)
        {
            await StoreVerdictAsync(students[i % students.Count], problems[i % problems.Count], start.AddMinutes(i),
                i % 3 == 0 ? JudgeStatus.Accepted : JudgeStatus.WrongAnswer);
        }

        const int warmup = 50, measured = 300;
        var without = new List<double>();
        var with = new List<double>();
        for (var i = 0; i < warmup + measured; i++)
        {
            // Interleaved: a verdict transaction alone, then one with the achievement work, so that load changes hit both.
            // A class at work: each verdict is another student's, as in a lesson.
            var student = students[i % students.Count];
            var plain = await TimeVerdictAsync(student, problems[i % problems.Count], start.AddDays(1).AddSeconds(2 * i), achievements: false);
            var full = await TimeVerdictAsync(student, problems[(i + 7) % problems.Count], start.AddDays(1).AddSeconds((2 * i) + 1), achievements: true);
            if (i >= warmup)
            {
                without.Add(plain);
                with.Add(full);
            }
        }

        var added = with.Zip(without, (a, b) => a - b).Order().ToList();
        var load = (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0];
        await TestContext.Out.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"verdict transaction alone: median {Median(without):F2} ms; with achievements (50 defined): median {Median(with):F2} ms; "
            + $"added: median {added[added.Count / 2]:F2} ms, mean {added.Average():F2} ms, p90 {added[(int)(added.Count * 0.9)]:F2} ms "
            + $"({measured} pairs, load average {load}); user_stat update in the transaction: median {Median(contributorTimes):F2} ms, "
            + $"check after the commit: median {Median(observerTimes):F2} ms"));
        Assert.That(Median(with) - Median(without), Is.LessThan(5), "median time achievements add to a verdict");
    }

    private readonly List<double> contributorTimes = [];
    private readonly List<double> observerTimes = [];

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>
    /// One accepted practice verdict as the recorder stores it (a transaction that locks the profile and saves the
    /// submission), with or without the achievement contributor inside and the observer after; returns milliseconds.
    /// </summary>
    private async Task<double> TimeVerdictAsync(User student, Problem problem, DateTime createTime, bool achievements)
    {
        var id = await StoreVerdictAsync(student, problem, createTime, JudgeStatus.Pending);
        await using var scope = CreateScope();
        var job = (await scope.ServiceProvider.GetRequiredService<JudgeJobRepository>().LoadAsync(id, CancellationToken.None))!;
        var verdict = new VerdictEvent(job, new Verdict(JudgeStatus.Accepted, null, new SubmissionStatisticInfo()), null);
        var verdicts = scope.ServiceProvider.GetRequiredService<VerdictRepository>();
        var contributor = scope.ServiceProvider.GetServices<IVerdictContributor>().OfType<UserStatUpdater>().Single();
        var observer = scope.ServiceProvider.GetServices<IVerdictObserver>().OfType<AchievementCheckObserver>().Single();
        var transactions = scope.ServiceProvider.GetRequiredService<TransactionRunner>();

        var clock = Stopwatch.StartNew();
        await transactions.ExecuteAsync(async ct =>
        {
            await verdicts.LockProfileStatusAsync(student.Id, ct);
            await verdicts.SaveSubmissionAsync(id, JudgeStatus.Accepted, null, new SubmissionStatisticInfo(), ct);
            if (achievements)
            {
                var inside = Stopwatch.StartNew();
                await contributor.ApplyAsync(verdict, ct);
                contributorTimes.Add(inside.Elapsed.TotalMilliseconds);
            }
        }, CancellationToken.None);
        if (achievements)
        {
            var after = Stopwatch.StartNew();
            await observer.OnVerdictStoredAsync(verdict, CancellationToken.None);
            observerTimes.Add(after.Elapsed.TotalMilliseconds);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>A judged practice submission, stored as the verdict's transaction leaves it.</summary>
    private static async Task<string> StoreVerdictAsync(User user, Problem problem, DateTime createTime, int result)
    {
        var submission = new Submission
        {
            Id = Services.Common.RandomStrings.LowerHex(32), ProblemId = problem.Id, CreateTime = createTime, UserId = user.Id,
            Username = user.Username, Code = "int main() {\n  return 0;\n}\n", Language = "C", Result = result, Ip = "127.0.0.1",
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission.Id;
    }
}

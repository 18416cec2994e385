using System.Diagnostics;
using System.Globalization;

namespace OnlineJudge.Tests.Achievements;

/// <summary>
/// achievement.md §3.6 as README documents it: <c>OnlineJudge.Web recompute_achievements [--user ID] [--silent]</c> run as
/// its own process (Program → CommandRunner), against the test database, with its exit code and log.
/// </summary>
[NonParallelizable]
public class RecomputeCommandTests : IntegrationTest
{
    private static async Task<(int ExitCode, string Output)> RunWebAsync(params string[] args)
    {
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OnlineJudge.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Default"] = TestEnvironment.DatabaseConnectionString;
        start.Environment["ConnectionStrings__Redis"] = TestEnvironment.RedisConnectionString;
        start.Environment["Storage__DataDir"] = OnlineJudgeWebFactory.DataDir;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Test]
    public async Task The_command_rebuilds_metrics_and_grants_for_one_user_or_everyone_and_refuses_bad_arguments()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var alice = await new UserBuilder().BuildAsync();
        var bob = await new UserBuilder().BuildAsync();
        foreach (var student in new[] { alice, bob })
        {
            await new SubmissionBuilder(student, await new ProblemBuilder(teacher).BuildAsync()).BuildAsync();
            await new SubmissionBuilder(student, await new ProblemBuilder(teacher).BuildAsync()).BuildAsync();
        }

        var two = await new AchievementBuilder().Named("Two").On("accepted_count", "gte", 2).BuildAsync();

        var (exitCode, output) = await RunWebAsync("recompute_achievements", "--user", alice.Id.ToString(CultureInfo.InvariantCulture));
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Recomputed the achievements of 1 users: 1 new unlocks"));
        Assert.Multiple(async () =>
        {
            Assert.That((await AchievementTestData.MetricsOfAsync(alice)).GetProperty("accepted_count").GetInt32(), Is.EqualTo(2));
            Assert.That((await AchievementTestData.UnlocksOfAsync(alice)).Select(u => (u.AchievementId, u.Backfilled, u.Notified)),
                Is.EqualTo(new[] { (two.Id, true, false) }), "not silent: toasted through the pending list");
            Assert.That(await AchievementTestData.UnlocksOfAsync(bob), Is.Empty, "only the given user");
        });
        var client = NewClient();
        await client.LoginAsync(alice);
        Assert.That((await client.GetAsync("/api/achievements/pending")).Ok().EnumerateArray().Select(p => p.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "Two" }));

        (exitCode, output) = await RunWebAsync("recompute_achievements", "--silent");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("new unlocks"));
        Assert.Multiple(async () =>
        {
            Assert.That((await AchievementTestData.UnlocksOfAsync(bob)).Select(u => (u.AchievementId, u.Backfilled, u.Notified)),
                Is.EqualTo(new[] { (two.Id, true, true) }), "silent: marked as shown");
            Assert.That(await AchievementTestData.UnlockCountOfAsync(two), Is.EqualTo(2));
        });

        (exitCode, output) = await RunWebAsync("recompute_achievements", "--user", "abc");
        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("Invalid args: recompute_achievements [--user ID] [--silent]"));
    }
}

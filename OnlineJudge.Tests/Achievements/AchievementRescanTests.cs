using System.Net.Http.Json;
using Npgsql;

namespace OnlineJudge.Tests.Achievements;

/// <summary>achievement.md §3.5: rescans grant a new or loosened achievement to users who already satisfy it.</summary>
public class AchievementRescanTests : IntegrationTest
{
    private async Task<ApiClient> SuperAdminAsync()
    {
        var client = NewClient();
        await client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        return client;
    }

    private static Dictionary<string, object?> Body(string metric, string op, int threshold, bool visible = true, long? id = null) => new Dictionary<string, object?>
    {
        ["id"] = id, ["name"] = "Fifty", ["description"] = "d", ["icon"] = "noto:star", ["rarity"] = "silver", ["metric"] = metric,
        ["operator"] = op, ["threshold"] = threshold, ["visible"] = visible,
    };

    [Test]
    public async Task A_new_achievement_is_granted_backfilled_to_users_whose_metric_satisfies_it_numerically()
    {
        var admin = await SuperAdminAsync();
        var nine = await new UserBuilder().BuildAsync();
        var sixty = await new UserBuilder().BuildAsync();
        var disabled = await new UserBuilder().Disabled().BuildAsync();
        var none = await new UserBuilder().BuildAsync();
        await AchievementTestData.SetMetricsAsync(nine, """{"accepted_count": 9}""");
        await AchievementTestData.SetMetricsAsync(sixty, """{"accepted_count": 60}""");
        await AchievementTestData.SetMetricsAsync(disabled, """{"accepted_count": 50}""");
        await AchievementTestData.SetMetricsAsync(none, """{"submission_count": 80}""");

        var created = (await admin.PostJsonAsync("/api/admin/achievement", Body("accepted_count", "gte", 50))).Ok();
        await AchievementTestData.WaitForRescansAsync();

        var id = created.GetProperty("id").GetInt64();
        Assert.Multiple(async () =>
        {
            Assert.That(await AchievementTestData.UnlocksOfAsync(nine), Is.Empty);
            Assert.That(await AchievementTestData.UnlocksOfAsync(none), Is.Empty);
            var granted = await AchievementTestData.UnlocksOfAsync(sixty);
            Assert.That(granted.Select(u => (u.AchievementId, u.Backfilled, u.Notified)), Is.EqualTo(new[] { (id, true, false) }));
            Assert.That(await AchievementTestData.UnlocksOfAsync(disabled), Has.Count.EqualTo(1));
        });
        var admins = (await admin.GetAsync($"/api/admin/achievement?id={id}")).Ok();
        Assert.That(admins.GetProperty("unlock_count").GetInt32(), Is.EqualTo(2));

        var student = NewClient();
        await student.LoginAsync(sixty);
        var pending = (await student.GetAsync("/api/achievements/pending")).Ok();
        Assert.That(pending.EnumerateArray().Select(p => p.GetProperty("name").GetString()), Is.EqualTo(new[] { "Fifty" }));
        var hall = (await student.GetAsync("/api/achievements")).Ok().GetProperty("achievements")[0];
        Assert.That(hall.GetProperty("backfilled").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Lte_rescans_skip_users_without_the_metric_and_invisible_achievements_grant_nothing()
    {
        var admin = await SuperAdminAsync();
        var shortCode = await new UserBuilder().BuildAsync();
        var newcomer = await new UserBuilder().BuildAsync();
        await AchievementTestData.SetMetricsAsync(shortCode, """{"min_ac_code_chars": 40}""");
        await AchievementTestData.SetMetricsAsync(newcomer, "{}");

        var hiddenCreated = (await admin.PostJsonAsync("/api/admin/achievement", Body("min_ac_code_chars", "lte", 50, visible: false))).Ok();
        await AchievementTestData.WaitForRescansAsync();
        Assert.That(await AchievementTestData.UnlocksOfAsync(shortCode), Is.Empty);

        // Making it visible queues a rescan.
        var id = hiddenCreated.GetProperty("id").GetInt64();
        (await admin.SendAsync(HttpMethod.Put, "/api/admin/achievement", JsonContent.Create(Body("min_ac_code_chars", "lte", 50, id: id)))).Ok();
        await AchievementTestData.WaitForRescansAsync();
        Assert.Multiple(async () =>
        {
            Assert.That((await AchievementTestData.UnlocksOfAsync(shortCode)).Select(u => u.AchievementId), Is.EqualTo(new[] { id }));
            Assert.That(await AchievementTestData.UnlocksOfAsync(newcomer), Is.Empty);
        });
    }

    [Test]
    public async Task Only_a_changed_condition_or_visibility_queues_a_rescan()
    {
        var admin = await SuperAdminAsync();
        var student = await new UserBuilder().BuildAsync();
        var achievement = await new AchievementBuilder().Named("Fifty").On("accepted_count", "gte", 50).BuildAsync();
        await AchievementTestData.SetMetricsAsync(student, """{"accepted_count": 30}""");

        // The same condition (only texts and order may differ): nothing to scan.
        (await admin.SendAsync(HttpMethod.Put, "/api/admin/achievement", JsonContent.Create(Body("accepted_count", "gte", 50, id: achievement.Id)))).Ok();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            Assert.That(await db.AchievementRescanJobs.CountAsync(), Is.Zero);
        }

        // A lower threshold is scanned.
        (await admin.SendAsync(HttpMethod.Put, "/api/admin/achievement", JsonContent.Create(Body("accepted_count", "gte", 20, id: achievement.Id)))).Ok();
        await AchievementTestData.WaitForRescansAsync();
        Assert.That(await AchievementTestData.UnlocksOfAsync(student), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_job_left_by_a_stopped_worker_is_run_when_its_lease_lapses()
    {
        var student = await new UserBuilder().BuildAsync();
        var achievement = await new AchievementBuilder().On("submission_count", "gte", 3).BuildAsync();
        await AchievementTestData.SetMetricsAsync(student, """{"submission_count": 3}""");
        await using (var db = TestEnvironment.CreateDbContext())
        {
            db.AchievementRescanJobs.Add(new AchievementRescanJob
            {
                AchievementId = achievement.Id, EnqueuedAt = DateTime.UtcNow.AddMinutes(-5), Attempts = 1, LeaseId = Guid.NewGuid(),
                LeaseExpiresAt = DateTime.UtcNow.AddMinutes(-1),
            });
            await db.SaveChangesAsync();
        }

        await TestEnvironment.Factory.Services.GetRequiredService<OnlineJudge.Services.Achievements.AchievementRescanWakeups>().WakeAllAsync(CancellationToken.None);
        await AchievementTestData.WaitForRescansAsync();
        Assert.That(await AchievementTestData.UnlocksOfAsync(student), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_rescan_pushes_the_unlock_to_the_users_submission_sockets()
    {
        var admin = await SuperAdminAsync();
        var student = await new UserBuilder().BuildAsync();
        var other = await new UserBuilder().BuildAsync();
        await AchievementTestData.SetMetricsAsync(student, """{"accepted_count": 60}""");
        await AchievementTestData.SetMetricsAsync(other, """{"accepted_count": 1}""");
        await using var socket = await SocketFrames.OpenAsync(await NewClient().LoginAsync(student));
        await using var otherSocket = await SocketFrames.OpenAsync(await NewClient().LoginAsync(other));

        var id = (await admin.PostJsonAsync("/api/admin/achievement", Body("accepted_count", "gte", 50))).Ok().GetProperty("id").GetInt64();
        await AchievementTestData.WaitForRescansAsync();

        var frame = await socket.NextAsync(SocketFrames.AchievementUnlocked);
        Assert.That(frame.GetRawText(), Is.EqualTo(
            $$"""{"type":"achievement_unlocked","achievements":[{"id":{{id}},"name":"Fifty","description":"d","icon":"noto:star","rarity":"silver","kind":"achievement"}]}"""));
        Assert.That(await otherSocket.CollectAsync(SocketFrames.AchievementUnlocked, TimeSpan.FromMilliseconds(500)), Is.Empty);
        Assert.That(await socket.CollectAsync(SocketFrames.AchievementUnlocked, TimeSpan.FromMilliseconds(500)), Is.Empty, "pushed once");
    }

    [Test]
    public async Task A_long_rescan_renews_its_lease_so_no_other_worker_takes_it()
    {
        var student = await new UserBuilder().BuildAsync();
        var achievement = await new AchievementBuilder().On("submission_count", "gte", 3).BuildAsync();
        await AchievementTestData.SetMetricsAsync(student, """{"submission_count": 3}""");

        // The rescan waits for this row lock (it counts its unlocks in the row), so it runs longer than the test host's lease (3 s).
        await using var blocker = new NpgsqlConnection(TestEnvironment.DatabaseConnectionString);
        await blocker.OpenAsync();
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM achievement WHERE id = @id FOR NO KEY UPDATE", blocker, blocking))
        {
            lockRow.Parameters.AddWithValue("id", achievement.Id);
            await lockRow.ExecuteScalarAsync();
        }

        await using (var db = TestEnvironment.CreateDbContext())
        {
            db.AchievementRescanJobs.Add(new AchievementRescanJob { AchievementId = achievement.Id, EnqueuedAt = DateTime.UtcNow, Attempts = 0 });
            await db.SaveChangesAsync();
        }

        await TestEnvironment.Factory.Services.GetRequiredService<OnlineJudge.Services.Achievements.AchievementRescanWakeups>()
            .WakeAllAsync(CancellationToken.None);
        var claimed = await Polling.UntilAsync(db => db.AchievementRescanJobs.AsNoTracking().FirstOrDefaultAsync(j => j.LeaseId != null),
            TimeSpan.FromSeconds(15), () => "The rescan job was not claimed");
        await Task.Delay(TimeSpan.FromSeconds(5));

        await using (var db = TestEnvironment.CreateDbContext())
        {
            var running = await db.AchievementRescanJobs.AsNoTracking().SingleAsync();
            Assert.Multiple(() =>
            {
                Assert.That(running.LeaseId, Is.EqualTo(claimed.LeaseId), "still the first worker's lease");
                Assert.That(running.Attempts, Is.EqualTo(1));
                Assert.That(running.LeaseExpiresAt, Is.GreaterThan(DateTime.UtcNow), "renewed past the first lease of 3 s");
            });
        }

        await blocking.RollbackAsync();
        await AchievementTestData.WaitForRescansAsync();
        Assert.Multiple(async () =>
        {
            Assert.That((await AchievementTestData.UnlocksOfAsync(student)).Select(u => u.AchievementId), Is.EqualTo(new[] { achievement.Id }));
            Assert.That(await AchievementTestData.UnlockCountOfAsync(achievement), Is.EqualTo(1));
        });
    }
}

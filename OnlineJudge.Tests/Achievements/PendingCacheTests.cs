using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Net.Http.Json;
using OnlineJudge.Services.Achievements;
using OnlineJudge.Services.Telemetry;

namespace OnlineJudge.Tests.Achievements;

/// <summary>
/// The per-user cache of <c>GET /api/achievements/pending</c>: a hit is one Redis round trip, and an admin achievement
/// write makes every user's cached list stale at once (without knowing the users).
/// </summary>
public class PendingCacheTests : IntegrationTest
{
    private static Dictionary<string, object?> Body(Achievement achievement, string name, bool visible = true) => new()
    {
        ["id"] = achievement.Id, ["name"] = name, ["description"] = achievement.Description, ["icon"] = achievement.Icon,
        ["rarity"] = achievement.Rarity, ["metric"] = achievement.Metric, ["operator"] = achievement.Operator,
        ["threshold"] = achievement.Threshold, ["visible"] = visible,
    };

    private static async Task<List<string?>> PendingNamesAsync(ApiClient client) =>
        [.. (await client.GetAsync("/api/achievements/pending")).Ok().EnumerateArray().Select(i => i.GetProperty("name").GetString())];

    [Test]
    public async Task Admin_writes_make_every_users_cached_toasts_stale()
    {
        var first = await new AchievementBuilder().Named("First").WithOrder(1).BuildAsync();
        var second = await new AchievementBuilder().Named("Second").WithOrder(2).BuildAsync();
        var alice = NewClient();
        var bob = NewClient();
        var aliceUser = await new UserBuilder().BuildAsync();
        var bobUser = await new UserBuilder().BuildAsync();
        await new UnlockBuilder(aliceUser, first).At(DateTime.UtcNow.AddMinutes(-2)).BuildAsync();
        await new UnlockBuilder(aliceUser, second).At(DateTime.UtcNow.AddMinutes(-1)).BuildAsync();
        await new UnlockBuilder(bobUser, first).BuildAsync();
        await alice.LoginAsync(aliceUser);
        await bob.LoginAsync(bobUser);
        Assert.That(await PendingNamesAsync(alice), Is.EqualTo(new[] { "First", "Second" }));
        Assert.That(await PendingNamesAsync(bob), Is.EqualTo(new[] { "First" }));

        // A change behind the application's back is not seen: the lists are cached.
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Achievements.Where(a => a.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Name, "Sneaky"));
        }

        Assert.That(await PendingNamesAsync(bob), Is.EqualTo(new[] { "First" }));

        var admin = NewClient();
        await admin.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        (await admin.SendAsync(HttpMethod.Put, "/api/admin/achievement", JsonContent.Create(Body(first, "Renamed")))).Ok();
        Assert.That(await PendingNamesAsync(alice), Is.EqualTo(new[] { "Renamed", "Second" }));
        Assert.That(await PendingNamesAsync(bob), Is.EqualTo(new[] { "Renamed" }));

        (await admin.SendAsync(HttpMethod.Put, "/api/admin/achievement", JsonContent.Create(Body(first, "Renamed", visible: false)))).Ok();
        Assert.That(await PendingNamesAsync(alice), Is.EqualTo(new[] { "Second" }));
        Assert.That(await PendingNamesAsync(bob), Is.Empty);

        (await admin.SendAsync(HttpMethod.Delete, $"/api/admin/achievement?id={second.Id}", null)).Ok();
        Assert.That(await PendingNamesAsync(alice), Is.Empty);
    }

    [Test]
    public async Task A_cached_read_is_one_redis_round_trip()
    {
        var student = await new UserBuilder().BuildAsync();
        await new UnlockBuilder(student, await new AchievementBuilder().BuildAsync()).BuildAsync();
        using var calls = new RedisCallCounter();
        await using var scope = CreateScope();
        var pending = scope.ServiceProvider.GetRequiredService<PendingAchievementService>();

        var miss = await calls.CountAsync(() => pending.ListAsync(student.Id, CancellationToken.None));
        var hit = await calls.CountAsync(() => pending.ListAsync(student.Id, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(miss, Is.EqualTo(2), "read, then store");
            Assert.That(hit, Is.EqualTo(1));
        });
    }

    /// <summary>Counts the Redis calls (RedisGuard's <c>oj.redis.operation.duration</c>) made by one piece of work.</summary>
    private sealed class RedisCallCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly AsyncLocal<StrongBox<int>?> current = new();

        public RedisCallCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SiteMetrics.MeterName && instrument.Name == "oj.redis.operation.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, _, _, _) =>
            {
                if (current.Value is { } box)
                {
                    Interlocked.Increment(ref box.Value);
                }
            });
            listener.Start();
        }

        public async Task<int> CountAsync(Func<Task> work)
        {
            var box = new StrongBox<int>();
            current.Value = box;
            try
            {
                await work();
            }
            finally
            {
                current.Value = null;
            }

            return box.Value;
        }

        public void Dispose() => listener.Dispose();
    }
}

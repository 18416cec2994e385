using OnlineJudge.Services.Caching;

namespace OnlineJudge.Tests.Platform;

public class CacheTests : IntegrationTest
{
    private sealed record Entry(string Name, List<int> Values);

    [Test]
    public async Task Round_trip_and_delete()
    {
        var cache = TestEnvironment.Factory.Services.GetRequiredService<CacheService>();
        await cache.SetAsync("problem_tags:", new Entry("a", [1, 2]), TimeSpan.FromMinutes(1));
        var (found, value) = await cache.TryGetAsync<Entry>("problem_tags:");
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.True);
            Assert.That(value!.Name, Is.EqualTo("a"));
            Assert.That(value.Values, Is.EqualTo(new[] { 1, 2 }));
        });

        await cache.DeleteAsync("problem_tags:");
        Assert.That((await cache.TryGetAsync<Entry>("problem_tags:")).Found, Is.False);
    }

    [Test]
    public async Task Delete_by_prefix_removes_only_matching_keys()
    {
        var cache = TestEnvironment.Factory.Services.GetRequiredService<CacheService>();
        await cache.SetAsync("problem_tags:", 1, TimeSpan.FromMinutes(1));
        await cache.SetAsync("problem_tags:dp", 2, TimeSpan.FromMinutes(1));
        await cache.SetAsync("problem_authors_all", 3, TimeSpan.FromMinutes(1));
        await cache.DeleteByPrefixAsync("problem_tags:");
        Assert.Multiple(async () =>
        {
            Assert.That((await cache.TryGetAsync<int>("problem_tags:")).Found, Is.False);
            Assert.That((await cache.TryGetAsync<int>("problem_tags:dp")).Found, Is.False);
            Assert.That((await cache.TryGetAsync<int>("problem_authors_all")).Found, Is.True);
        });
    }

    [Test]
    public async Task Website_config_is_cached_and_read_from_the_cache()
    {
        (await Client.GetAsync("/api/website")).Ok();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.SysOptions.Where(o => o.Key == "website_name")
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Value, System.Text.Json.JsonSerializer.SerializeToElement("Changed behind the cache")));
        }

        Assert.That((await Client.GetAsync("/api/website")).Ok().GetProperty("website_name").GetString(), Is.EqualTo("Online Judge"));

        await TestEnvironment.Factory.Services.GetRequiredService<CacheService>().DeleteAsync("website_config");
        Assert.That((await Client.GetAsync("/api/website")).Ok().GetProperty("website_name").GetString(), Is.EqualTo("Changed behind the cache"));
    }

    [Test]
    public async Task Cached_reads_succeed_while_redis_is_down()
    {
        await using var factory = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, "127.0.0.1:1,connectTimeout=200");
        using var client = new ApiClient(factory);

        var data = (await client.GetAsync("/api/website")).Ok();
        Assert.That(data.GetProperty("website_name").GetString(), Is.EqualTo("Online Judge"));

        var health = await client.GetAsync("/healthz");
        Assert.Multiple(() =>
        {
            Assert.That(health.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(health.Json.GetProperty("redis").GetString(), Is.EqualTo("down"));
            Assert.That(health.Json.GetProperty("postgres").GetString(), Is.EqualTo("up"));
        });
    }
}

public class VersionedCacheTests : IntegrationTest
{
    [Test]
    public async Task Values_are_cached_until_the_family_version_is_bumped()
    {
        var cache = TestEnvironment.Factory.Services.GetRequiredService<CacheService>();
        var calls = 0;
        Task<List<int>> Load(CancellationToken _) => Task.FromResult(new List<int> { ++calls });

        var first = await cache.GetOrCreateVersionedAsync("announcement", "list:10:0", TimeSpan.FromMinutes(1), Load, CancellationToken.None);
        var second = await cache.GetOrCreateVersionedAsync("announcement", "list:10:0", TimeSpan.FromMinutes(1), Load, CancellationToken.None);
        var otherKey = await cache.GetOrCreateVersionedAsync("announcement", "list:10:10", TimeSpan.FromMinutes(1), Load, CancellationToken.None);
        await cache.BumpVersionAsync("announcement");
        var afterBump = await cache.GetOrCreateVersionedAsync("announcement", "list:10:0", TimeSpan.FromMinutes(1), Load, CancellationToken.None);
        await cache.BumpVersionAsync("problem");
        var otherFamily = await cache.GetOrCreateVersionedAsync("announcement", "list:10:0", TimeSpan.FromMinutes(1), Load, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { 1 }));
            Assert.That(second, Is.EqualTo(new[] { 1 }));
            Assert.That(otherKey, Is.EqualTo(new[] { 2 }));
            Assert.That(afterBump, Is.EqualTo(new[] { 3 }));
            Assert.That(otherFamily, Is.EqualTo(new[] { 3 }));
        });
    }

    [Test]
    public async Task Redis_down_falls_through_to_the_source()
    {
        await using var factory = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, "127.0.0.1:1,connectTimeout=200");
        var cache = factory.Services.GetRequiredService<CacheService>();
        var value = await cache.GetOrCreateVersionedAsync("announcement", "k", TimeSpan.FromMinutes(1), _ => Task.FromResult(42), CancellationToken.None);
        await cache.BumpVersionAsync("announcement");
        Assert.That(value, Is.EqualTo(42));
    }

    [Test]
    public async Task A_refreshing_read_serves_the_stale_value_to_everyone_but_the_one_caller_who_recomputes()
    {
        var cache = TestEnvironment.Factory.Services.GetRequiredService<CacheService>();
        var fresh = TimeSpan.FromMilliseconds(300);
        var keep = TimeSpan.FromMinutes(1);
        var computed = 0;
        Task<int> Compute(int value, TimeSpan delay) => Task.Run(async () =>
        {
            Interlocked.Increment(ref computed);
            await Task.Delay(delay);
            return value;
        });

        Assert.That(await cache.GetOrRefreshAsync("{test}:page", fresh, keep, _ => Compute(1, TimeSpan.Zero), CancellationToken.None), Is.EqualTo(1));
        Assert.That(await cache.GetOrRefreshAsync("{test}:page", fresh, keep, _ => Compute(2, TimeSpan.Zero), CancellationToken.None), Is.EqualTo(1),
            "fresh: served from the cache");

        await Task.Delay(fresh + TimeSpan.FromMilliseconds(200));
        var refreshing = cache.GetOrRefreshAsync("{test}:page", fresh, keep, _ => Compute(3, TimeSpan.FromMilliseconds(500)), CancellationToken.None);
        await Task.Delay(100);
        var others = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => cache.GetOrRefreshAsync("{test}:page", fresh, keep, _ => Compute(4, TimeSpan.Zero), CancellationToken.None)));

        Assert.Multiple(async () =>
        {
            Assert.That(others, Is.All.EqualTo(1), "stale value while one caller refreshes");
            Assert.That(await refreshing, Is.EqualTo(3));
            Assert.That(computed, Is.EqualTo(2), "the first value and one refresh");
            Assert.That(await cache.GetOrRefreshAsync("{test}:page", fresh, keep, _ => Compute(5, TimeSpan.Zero), CancellationToken.None), Is.EqualTo(3));
        });
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Resilience;
using StackExchange.Redis;

namespace OnlineJudge.Services.Caching;

/// <summary>
/// The Redis cache (platform.md §16): JSON values under the reference's literal keys. Redis being away never fails a
/// request: reads miss and writes are skipped (quickly: calls go through <see cref="RedisGuard"/>), with a warning at
/// most once a minute; while its circuit breaker is open, values computed from PostgreSQL are kept a few seconds in
/// the <see cref="OutageMemo"/>.
/// </summary>
public class CacheService(RedisGuard redis, OutageMemo memo, ILogger<CacheService> logger, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static long nextWarningTicks;

    public async Task<(bool Found, T? Value)> TryGetAsync<T>(string key)
    {
        if (redis.IsRefusing)
        {
            return memo.TryGet(key, out var json) ? (true, JsonSerializer.Deserialize<T>(json, Json)) : (false, default);
        }

        try
        {
            var value = await redis.RunAsync(db => db.StringGetAsync(key));
            return value.IsNullOrEmpty ? (false, default) : (true, JsonSerializer.Deserialize<T>(value.ToString(), Json));
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            WarnUnavailable(exception, key);
            return (false, default);
        }
    }

    public async Task SetAsync<T>(string key, T value, TimeSpan ttl)
    {
        if (redis.IsRefusing)
        {
            memo.Set(key, JsonSerializer.SerializeToUtf8Bytes(value, Json), ttl);
            return;
        }

        try
        {
            var json = JsonSerializer.Serialize(value, Json);
            await redis.RunAsync(db => db.StringSetAsync(key, json, ttl));
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            WarnUnavailable(exception, key);
        }
    }

    /// <summary>Returns the cached value, or computes, stores and returns it.</summary>
    public async Task<T> GetOrCreateAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CancellationToken cancellationToken)
    {
        var (found, cached) = await TryGetAsync<T>(key);
        if (found)
        {
            return cached!;
        }

        var value = await factory(cancellationToken);
        await SetAsync(key, value, ttl);
        return value;
    }

    // KEYS[1] = version key; ARGV[1] = value key prefix; ARGV[2] = value key suffix. Returns {version, value or false}.
    private const string VersionedReadScript = """
        local v = redis.call('GET', KEYS[1]) or '0'
        return {v, redis.call('GET', ARGV[1] .. v .. ':' .. ARGV[2])}
        """;

    /// <summary>
    /// A cached read of a family whose every write bumps one version (<see cref="BumpVersionAsync"/>): lists and
    /// details of announcements, problems, contests. One Redis round trip on a hit; a miss stores the fresh value
    /// under the version read before computing it, so a write that lands meanwhile is never hidden.
    /// </summary>
    public async Task<T> GetOrCreateVersionedAsync<T>(string family, string key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory,
        CancellationToken cancellationToken)
    {
        if (redis.IsRefusing)
        {
            return await GetOrCreateAsync(VersionKey(family) + ":" + key, ttl, factory, cancellationToken);
        }

        string? version = null;
        try
        {
            var result = (RedisResult[])(await redis.RunAsync(db => db.ScriptEvaluateAsync(VersionedReadScript, [VersionKey(family)],
                [ValuePrefix(family), key]), cancellationToken))!;
            version = result[0].ToString();
            if (!result[1].IsNull)
            {
                return JsonSerializer.Deserialize<T>(result[1].ToString(), Json)!;
            }
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            WarnUnavailable(exception, VersionKey(family));
        }

        var value = await factory(cancellationToken);
        if (version is not null)
        {
            await SetAsync(ValuePrefix(family) + version + ":" + key, value, ttl);
        }

        return value;
    }

    // KEYS[1] = value, KEYS[2] = freshness marker; ARGV[1] = how long one caller may take to refresh (ms).
    // Returns {value or false, 1 when this caller must compute}: fresh → {v, 0}; stale → the first caller gets {v, 1}
    // (and refreshes), the others {v, 0}; missing → {false, 1}.
    private const string RefreshingReadScript = """
        local v = redis.call('GET', KEYS[1])
        if not v then return {false, 1} end
        if redis.call('EXISTS', KEYS[2]) == 1 then return {v, 0} end
        if redis.call('SET', KEYS[2], '1', 'PX', ARGV[1], 'NX') then return {v, 1} end
        return {v, 0}
        """;

    /// <summary>
    /// A read that is never slowed by its own expiry (for values that go stale by time alone, such as list pages whose
    /// rows keep arriving): a value younger than <paramref name="fresh"/> is served; an older one is still served to
    /// everyone while the first caller after <paramref name="fresh"/> recomputes it; a value unread for
    /// <paramref name="keep"/> is dropped. One Redis round trip on a hit.
    /// </summary>
    public async Task<T> GetOrRefreshAsync<T>(string key, TimeSpan fresh, TimeSpan keep, Func<CancellationToken, Task<T>> factory,
        CancellationToken cancellationToken)
    {
        if (redis.IsRefusing)
        {
            return await GetOrCreateAsync(key, fresh, factory, cancellationToken);
        }

        var marker = key + ":fresh";
        try
        {
            var result = (RedisResult[])(await redis.RunAsync(db => db.ScriptEvaluateAsync(RefreshingReadScript, [key, marker],
                [(long)RefreshWindow.TotalMilliseconds]), cancellationToken))!;
            if (!result[0].IsNull && (int)result[1] == 0)
            {
                return JsonSerializer.Deserialize<T>(result[0].ToString(), Json)!;
            }
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            WarnUnavailable(exception, key);
            return await factory(cancellationToken);
        }

        var value = await factory(cancellationToken);
        try
        {
            var json = JsonSerializer.Serialize(value, Json);
            await redis.RunAsync(db => Task.WhenAll(db.StringSetAsync(key, json, keep), db.StringSetAsync(marker, "1", fresh)), CancellationToken.None);
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            WarnUnavailable(exception, key);
        }

        return value;
    }

    /// <summary>How long the caller refreshing a stale value may take before another caller tries.</summary>
    private static readonly TimeSpan RefreshWindow = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Makes every cached value of <paramref name="family"/> stale, and of every family nested in it
    /// (<see cref="GetOrCreateNestedVersionedAsync"/>); call after the write committed.
    /// </summary>
    public async Task BumpVersionAsync(string family, CancellationToken cancellationToken = default)
    {
        memo.RemoveByPrefix(VersionKey(family) + ":");
        memo.RemoveByPrefix("{" + NestedFamily(family, ""));
        try
        {
            await redis.RunAsync(db => db.StringIncrementAsync(VersionKey(family)), cancellationToken);
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            WarnUnavailable(exception, VersionKey(family));
        }
    }

    /// <summary>The name of a family nested in <paramref name="parent"/> (e.g. one user's within all users').</summary>
    public static string NestedFamily(string parent, string child) => parent + ":" + child;

    /// <summary>
    /// A cached read of a family nested in a parent family (one user's pending toasts within every user's): stale when its
    /// own version or the parent's is bumped, so one increment of the parent makes every nested family stale without
    /// knowing or scanning them. One Redis round trip on a hit: the nested family's read script and a GET of the parent's
    /// version go out in one batch (in a cluster they may live on two nodes, asked in parallel). The value is stored with
    /// the parent version read before computing it, so a parent write that lands meanwhile is never hidden.
    /// </summary>
    public async Task<T> GetOrCreateNestedVersionedAsync<T>(string parent, string child, string key, TimeSpan ttl,
        Func<CancellationToken, Task<T>> factory, CancellationToken cancellationToken)
    {
        var family = NestedFamily(parent, child);
        if (redis.IsRefusing)
        {
            return await GetOrCreateAsync(VersionKey(family) + ":" + key, ttl, factory, cancellationToken);
        }

        string? version = null;
        var parentVersion = "0";
        try
        {
            var (read, parentRead) = await redis.RunAsync(async db =>
            {
                var batch = db.CreateBatch();
                var nested = batch.ScriptEvaluateAsync(VersionedReadScript, [VersionKey(family)], [ValuePrefix(family), key]);
                var parentVersionRead = batch.StringGetAsync(VersionKey(parent));
                batch.Execute();
                return ((RedisResult[])(await nested)!, await parentVersionRead);
            }, cancellationToken);
            version = read[0].ToString();
            parentVersion = parentRead.IsNullOrEmpty ? "0" : parentRead.ToString();
            if (!read[1].IsNull && read[1].ToString() is var stored && stored.StartsWith(parentVersion + ":", StringComparison.Ordinal))
            {
                return JsonSerializer.Deserialize<T>(stored.AsSpan(parentVersion.Length + 1), Json)!;
            }
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            WarnUnavailable(exception, VersionKey(family));
        }

        var value = await factory(cancellationToken);
        if (version is not null)
        {
            try
            {
                var stored = parentVersion + ":" + JsonSerializer.Serialize(value, Json);
                await redis.RunAsync(db => db.StringSetAsync(ValuePrefix(family) + version + ":" + key, stored, ttl), cancellationToken);
            }
            catch (Exception exception) when (IsUnavailable(exception))
            {
                WarnUnavailable(exception, VersionKey(family));
            }
        }

        return value;
    }

    /// <summary>A cache key from request values; long ones (free-text keywords) are hashed.</summary>
    public static string KeyOf(params object?[] parts)
    {
        var key = string.Join(':', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        return key.Length <= 200 ? key : "h:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
    }

    // Braces keep a family's keys in one Redis Cluster slot, which the read script needs.
    private static string VersionKey(string family) => "{" + family + "}:version";

    private static string ValuePrefix(string family) => "{" + family + "}:v";

    public async Task DeleteAsync(string key)
    {
        memo.Remove(key);
        try
        {
            await redis.RunAsync(db => db.KeyDeleteAsync(key));
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            WarnUnavailable(exception, key);
        }
    }

    /// <summary>Deletes every key starting with <paramref name="prefix"/> (e.g. all <c>problem_tags:*</c>), scanning incrementally.</summary>
    public async Task DeleteByPrefixAsync(string prefix)
    {
        memo.RemoveByPrefix(prefix);
        try
        {
            // A scan may take longer than one call's timeout: it talks to the connection directly (admin writes only).
            var multiplexer = redis.Multiplexer;
            var database = multiplexer.GetDatabase();
            foreach (var endpoint in multiplexer.GetEndPoints())
            {
                var server = multiplexer.GetServer(endpoint);
                if (!server.IsConnected || server.IsReplica)
                {
                    continue;
                }

                var batch = new List<RedisKey>();
                await foreach (var key in server.KeysAsync(database.Database, EscapePattern(prefix) + "*", pageSize: 500))
                {
                    batch.Add(key);
                    if (batch.Count == 500)
                    {
                        await database.KeyDeleteAsync([.. batch]);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    await database.KeyDeleteAsync([.. batch]);
                }
            }
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            WarnUnavailable(exception, prefix + "*");
        }
    }

    private static string EscapePattern(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("?", "\\?", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);

    private static bool IsUnavailable(Exception exception) => exception is RedisException or TimeoutException;

    private void WarnUnavailable(Exception exception, string key)
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref nextWarningTicks);
        if (now >= next && Interlocked.CompareExchange(ref nextWarningTicks, now + TimeSpan.TicksPerMinute, next) == next)
        {
            logger.LogWarning(exception, "Redis cache unavailable (key {Key}); serving from the database", key);
        }
    }
}

using OnlineJudge.Services.Caching;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Resilience;
using OnlineJudge.Services.Sessions;
using StackExchange.Redis;

namespace OnlineJudge.Services.Account;

/// <summary>
/// A per-user <see cref="AuthSnapshot"/> in Redis, so that an authenticated request costs one Redis round trip instead of
/// a PostgreSQL lookup. Keys:
/// <list type="bullet">
/// <item><c>auth_user:{&lt;id&gt;}</c> — a hash: <c>g</c>, the generation (a random token, replaced by every write that
/// changes the user), and <c>s</c>, the snapshot JSON, stored only if <c>g</c> is still the one read before the
/// database read, so a request racing a write never stores the old state.</item>
/// <item><c>auth_appkey:&lt;sha256 of the key&gt;</c> — the user id an API key named when last seen; only a hint: the
/// snapshot's key hash decides.</item>
/// </list>
/// A session and its user's snapshot are read by one script (the session names the user). The script reads a key it
/// did not declare, which a single Redis allows; on a Redis Cluster the session read would need two round trips.
/// </summary>
public sealed class UserAuthCache(RedisGuard redis, ILogger<UserAuthCache> logger)
{
    /// <summary>Bounds how long a snapshot can outlive a write whose invalidation was lost (Redis failing right after a commit).</summary>
    public static readonly TimeSpan SnapshotTtl = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string TtlSeconds = ((int)SnapshotTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    // Shared tail of the read scripts: `id` names the user; returns {first, generation, snapshot or nothing}. A missing
    // generation is created (ARGV[1], fresh), so a later write always changes what a reader saw.
    private const string ReadUserTail = """
        local key = 'auth_user:{' .. id .. '}'
        local h = redis.call('HMGET', key, 'g', 's')
        local g = h[1]
        if not g then
          g = ARGV[1]
          redis.call('HSET', key, 'g', g)
          redis.call('EXPIRE', key, ARGV[2])
        end
        return {first, g, h[2]}
        """;

    // KEYS[1] session key. The session JSON starts with its user id (SessionData declares UserId first).
    private const string ReadSessionScript = """
        local first = redis.call('GET', KEYS[1])
        if not first then return false end
        local id = string.match(first, '^{"userId":(%d+)')
        if not id then return {first} end
        """ + "\n" + ReadUserTail;

    // KEYS[1] API key mapping.
    private const string ReadAppKeyScript = """
        local first = redis.call('GET', KEYS[1])
        if not first then return false end
        local id = first
        """ + "\n" + ReadUserTail;

    // KEYS[1] user key; ARGV[1] generation read before the database read, ARGV[2] snapshot, ARGV[3] TTL.
    private const string StoreScript = """
        if redis.call('HGET', KEYS[1], 'g') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 's', ARGV[2])
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    // KEYS[1] user key; ARGV[1] new generation, ARGV[2] TTL.
    private const string InvalidateScript = """
        redis.call('HSET', KEYS[1], 'g', ARGV[1])
        redis.call('HDEL', KEYS[1], 's')
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>True while Redis calls are refused (the circuit breaker is open): callers go to PostgreSQL at once.</summary>
    public bool IsUnreachable => redis.IsRefusing;

    public static string AppKeyHash(string appKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appKey)));

    /// <summary>The session and, when cached, its user's snapshot, in one round trip. Throws <see cref="RedisException"/>.</summary>
    public async Task<SessionRead> ReadSessionAsync(string sessionKey)
    {
        var result = await redis.RunAsync(db => db.ScriptEvaluateAsync(ReadSessionScript, [SessionStore.SessionKey(sessionKey)],
            [NewGeneration(), TtlSeconds]));
        if (result.IsNull)
        {
            return new SessionRead(null, null, null);
        }

        var parts = (RedisResult[])result!;
        return new SessionRead(SessionStore.Deserialize((RedisValue)parts[0]), GenerationOf(parts), SnapshotOf(parts));
    }

    /// <summary>The user an API key named when last seen, with that user's snapshot. Throws <see cref="RedisException"/>.</summary>
    public async Task<AppKeyRead?> ReadAppKeyAsync(string appKeyHash)
    {
        var result = await redis.RunAsync(db => db.ScriptEvaluateAsync(ReadAppKeyScript, [AppKeyMappingKey(appKeyHash)],
            [NewGeneration(), TtlSeconds]));
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        return int.TryParse(parts[0].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            ? new AppKeyRead(userId, GenerationOf(parts)!, SnapshotOf(parts))
            : null;
    }

    /// <summary>Caches a snapshot read from the database, unless a write changed the generation since. Best effort.</summary>
    public async Task StoreAsync(AuthSnapshot snapshot, string generation)
    {
        var json = JsonSerializer.Serialize(snapshot, Json);
        try
        {
            await redis.RunAsync(db => db.ScriptEvaluateAsync(StoreScript, [UserKey(snapshot.Id)], [generation, json, TtlSeconds]));
        }
        catch (RedisException exception)
        {
            logger.LogDebug(exception, "Auth snapshot of user {UserId} not cached", snapshot.Id);
        }
    }

    /// <summary>Remembers which user an API key named (or forgets a key that no longer names anyone). Best effort.</summary>
    public async Task MapAppKeyAsync(string appKeyHash, int? userId)
    {
        try
        {
            await redis.RunAsync(db => userId is { } id
                ? db.StringSetAsync(AppKeyMappingKey(appKeyHash), id.ToString(CultureInfo.InvariantCulture), SnapshotTtl)
                : db.KeyDeleteAsync(AppKeyMappingKey(appKeyHash)));
        }
        catch (RedisException exception)
        {
            logger.LogDebug(exception, "API key mapping not cached");
        }
    }

    /// <summary>
    /// Runs a write that changes what the snapshots of <paramref name="userIds"/> hold (password, role, problem
    /// permission, disabled flag, username, e-mail, API key, deletion). Their snapshots are invalidated before the write
    /// — when Redis cannot be reached, the write is refused (a <see cref="RedisException"/> is thrown and nothing
    /// changes), so a committed change never hides behind a snapshot that could not be dropped — and again after it,
    /// because a request may have cached the old state between the first invalidation and the commit.
    /// </summary>
    public async Task<T> ChangeAsync<T>(IReadOnlyCollection<int> userIds, Func<Task<T>> write)
    {
        await InvalidateAsync(userIds);
        var result = await write();
        try
        {
            await InvalidateAsync(userIds);
        }
        catch (RedisException exception)
        {
            logger.LogError(exception, "Auth snapshots of users {UserIds} not invalidated after a write; they expire within {Ttl}",
                string.Join(',', userIds), SnapshotTtl);
        }

        return result;
    }

    public Task ChangeAsync(int userId, Func<Task> write) =>
        ChangeAsync([userId], async () =>
        {
            await write();
            return true;
        });

    public Task<T> ChangeAsync<T>(int userId, Func<Task<T>> write) => ChangeAsync([userId], write);

    /// <summary>Drops the snapshots of these users; the next request reads PostgreSQL. Throws <see cref="RedisException"/>.</summary>
    public Task InvalidateAsync(IReadOnlyCollection<int> userIds)
    {
        if (userIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        return redis.RunAsync(db =>
        {
            var batch = db.CreateBatch();
            var calls = userIds.Distinct()
                .Select(id => batch.ScriptEvaluateAsync(InvalidateScript, [UserKey(id)], [NewGeneration(), TtlSeconds]))
                .ToList();
            batch.Execute();
            return Task.WhenAll(calls);
        });
    }

    private static string NewGeneration() => Random.Shared.NextInt64().ToString("x", CultureInfo.InvariantCulture);

    private static RedisKey UserKey(int userId) => CacheKeys.AuthUser(userId);

    private static RedisKey AppKeyMappingKey(string appKeyHash) => CacheKeys.AuthAppKey(appKeyHash);

    private static string? GenerationOf(RedisResult[] parts) => parts.Length > 1 ? parts[1].ToString() : null;

    private static AuthSnapshot? SnapshotOf(RedisResult[] parts) =>
        parts.Length > 2 && !parts[2].IsNull ? JsonSerializer.Deserialize<AuthSnapshot>(parts[2].ToString(), Json) : null;
}

/// <summary>A session (null when none) and its user's cached snapshot and generation.</summary>
public sealed record SessionRead(SessionData? Session, string? Generation, AuthSnapshot? Snapshot);

/// <summary>The user an API key named, with that user's cached snapshot and generation.</summary>
public sealed record AppKeyRead(int UserId, string Generation, AuthSnapshot? Snapshot);

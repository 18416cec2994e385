using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Resilience;
using StackExchange.Redis;

namespace OnlineJudge.Services.Sessions;

/// <summary>
/// Server-side sessions in Redis, shared by every web instance: <c>session:&lt;key&gt;</c> holds the JSON session with a
/// sliding expiry; <c>user_sessions:&lt;user id&gt;</c> lists a user's session keys (sessions list, logout everywhere).
/// Every call goes through <see cref="RedisGuard"/>: when Redis is unreachable it throws a <see cref="RedisException"/>
/// quickly, and callers treat the request as anonymous.
/// </summary>
public class SessionStore(RedisGuard redis, IOptions<UserSessionOptions> options)
{
    private const string KeyAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TimeSpan IdleTimeout => TimeSpan.FromSeconds(options.Value.IdleTimeoutSeconds);

    public static string AuthHashOf(string passwordHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("oj.session.auth:" + passwordHash)));

    public static bool IsWellFormedKey(string? key) =>
        key is { Length: 32 } && key.All(c => KeyAlphabet.Contains(c, StringComparison.Ordinal));

    public async Task<SessionData?> LoadAsync(string key)
    {
        if (!IsWellFormedKey(key))
        {
            return null;
        }

        var value = await redis.RunAsync(db => db.StringGetAsync(SessionKey(key)));
        return Deserialize(value);
    }

    /// <summary>A stored session value (null or empty: no session).</summary>
    public static SessionData? Deserialize(RedisValue value) =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<SessionData>(value.ToString(), Json);

    /// <summary>Starts a new session for a user and returns its key (login: the key is always new).</summary>
    public async Task<string> CreateAsync(SessionData data)
    {
        var key = RandomNumberGenerator.GetString(KeyAlphabet, 32);
        await SaveAsync(key, data);
        return key;
    }

    /// <summary>Writes the session and renews its idle expiry.</summary>
    public Task SaveAsync(string key, SessionData data) =>
        redis.RunAsync(db =>
        {
            var batch = db.CreateBatch();
            var write = batch.StringSetAsync(SessionKey(key), JsonSerializer.Serialize(data, Json), IdleTimeout);
            var index = batch.SetAddAsync(UserSessionsKey(data.UserId), key);
            var indexExpiry = batch.KeyExpireAsync(UserSessionsKey(data.UserId), IdleTimeout);
            batch.Execute();
            return Task.WhenAll(write, index, indexExpiry);
        });

    public Task DeleteAsync(string key, int? userId = null) =>
        redis.RunAsync(db =>
        {
            var batch = db.CreateBatch();
            var session = batch.KeyDeleteAsync(SessionKey(key));
            var index = userId is { } id ? batch.SetRemoveAsync(UserSessionsKey(id), key) : Task.CompletedTask;
            batch.Execute();
            return Task.WhenAll(session, index);
        });

    /// <summary>Live sessions of a user with their keys; keys whose session expired are dropped from the index.</summary>
    public async Task<IReadOnlyList<(string Key, SessionData Data)>> ListAsync(int userId)
    {
        var keys = await redis.RunAsync(db => db.SetMembersAsync(UserSessionsKey(userId)));
        var sessions = new List<(string, SessionData)>();
        foreach (var member in keys)
        {
            var key = member.ToString();
            var data = await LoadAsync(key);
            if (data is null || data.UserId != userId)
            {
                await redis.RunAsync(db => db.SetRemoveAsync(UserSessionsKey(userId), key));
                continue;
            }

            sessions.Add((key, data));
        }

        return sessions;
    }

    public static RedisKey SessionKey(string key) => "session:" + key;

    private static RedisKey UserSessionsKey(int userId) => "user_sessions:" + userId;
}

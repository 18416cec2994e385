using System.Globalization;
using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Judge;
using StackExchange.Redis;

namespace OnlineJudge.Services.Submissions;

/// <summary>
/// The per-user token bucket of submission.md §1.1.1, as one Lua script: concurrent submits of one user can never both
/// take the last token (the reference's read-then-write could). State: the Redis hash named by the user id, fields
/// <c>last_capacity</c> and <c>last_timestamp</c>, as the reference keeps them. Redis being away lets the submit through.
/// </summary>
public class SubmissionThrottle(IConnectionMultiplexer redis, TimeProvider time, ILogger<SubmissionThrottle> logger)
{
    // KEYS[1] bucket; ARGV capacity, fill_rate, default_capacity, now. Returns {1} or {0, wait seconds as text}.
    private const string ConsumeScript = """
        local capacity = tonumber(ARGV[1])
        local fill = tonumber(ARGV[2])
        local now = tonumber(ARGV[4])
        local last = tonumber(redis.call('HGET', KEYS[1], 'last_capacity'))
        local stamp = tonumber(redis.call('HGET', KEYS[1], 'last_timestamp'))
        if last == nil or stamp == nil then
          last = tonumber(ARGV[3])
          stamp = now
        end
        if last >= 1 then
          redis.call('HSET', KEYS[1], 'last_capacity', tostring(last - 1), 'last_timestamp', tostring(stamp))
          return {1}
        end
        local current = math.min(last + fill * (now - stamp), capacity)
        if current >= 1 then
          redis.call('HSET', KEYS[1], 'last_capacity', tostring(current - 1), 'last_timestamp', tostring(now))
          return {1}
        end
        return {0, tostring((1 - current) / fill)}
        """;

    /// <summary>Takes one token; returns null when allowed, else the reference's message with the whole seconds to wait.</summary>
    public async Task<string?> ConsumeAsync(int userId, BucketSettings settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(ConsumeScript,
                [userId.ToString(CultureInfo.InvariantCulture)],
                [settings.Capacity, settings.FillRate, settings.DefaultCapacity, now]).WaitAsync(cancellationToken))!;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Submission rate limit unavailable for user {UserId}; the submission is let through", userId);
            return null;
        }

        if ((int)result[0] == 1)
        {
            return null;
        }

        var wait = double.Parse(result[1].ToString(), CultureInfo.InvariantCulture);
        return $"Please wait {(long)Math.Floor(wait)} seconds";
    }
}

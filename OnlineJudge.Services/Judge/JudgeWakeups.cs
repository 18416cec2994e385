using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Realtime;
using StackExchange.Redis;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// Wakes the judge dispatchers when work or capacity appears (a submission, a verdict, a heartbeat, a server enabled),
/// on every instance through the Redis channel <c>judge:wake</c>.
/// </summary>
public sealed class JudgeWakeups(IConnectionMultiplexer redis, ILogger<JudgeWakeups> logger) : QueueWakeups(redis, logger, Channel)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal(Caching.CacheKeys.JudgeWakeChannel);
}

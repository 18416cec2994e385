using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Realtime;
using StackExchange.Redis;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// Wakes the rescan workers of every instance (Redis channel <c>achievement:rescan:wake</c>) when a job is queued. The
/// queue itself is the table (<see cref="Data.Achievements.AchievementJobRepository"/>); a lost wake-up costs one poll interval.
/// </summary>
public sealed class AchievementRescanWakeups(IConnectionMultiplexer redis, ILogger<AchievementRescanWakeups> logger)
    : QueueWakeups(redis, logger, Channel)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal(CacheKeys.AchievementRescanWakeChannel);
}

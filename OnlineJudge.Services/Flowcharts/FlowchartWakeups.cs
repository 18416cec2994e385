using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Realtime;
using StackExchange.Redis;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>Wakes the flowchart graders of every instance (Redis channel <c>flowchart:wake</c>) when a submission is queued.</summary>
public sealed class FlowchartWakeups(IConnectionMultiplexer redis, ILogger<FlowchartWakeups> logger) : QueueWakeups(redis, logger, Channel)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal(Caching.CacheKeys.FlowchartWakeChannel);
}

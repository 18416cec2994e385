using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Resilience;
using OnlineJudge.Services.Telemetry;
using StackExchange.Redis;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>A <see cref="RedisGuard"/> with default settings around a connection a test made itself.</summary>
public static class RedisGuards
{
    private static readonly SiteMetrics Metrics = new(new ServiceCollection().AddMetrics().BuildServiceProvider()
        .GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    public static RedisGuard Around(IConnectionMultiplexer redis)
    {
        var options = Options.Create(new RedisResilienceOptions());
        return new RedisGuard(redis, new RedisCircuitBreaker(options, TimeProvider.System, NullLogger<RedisCircuitBreaker>.Instance), options, Metrics);
    }
}

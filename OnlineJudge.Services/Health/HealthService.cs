using OnlineJudge.Data.Health;
using OnlineJudge.Services.Resilience;
using StackExchange.Redis;

namespace OnlineJudge.Services.Health;

public record HealthReport(string Status, string Postgres, string Redis);

public class HealthService(DatabaseProbe database, RedisGuard redis)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var postgresTask = database.IsReachableAsync(cancellationToken);
        var redisUp = await IsRedisReachableAsync();
        var postgresUp = await postgresTask;
        return new HealthReport(postgresUp && redisUp ? "healthy" : "unhealthy", postgresUp ? "up" : "down", redisUp ? "up" : "down");
    }

    private async Task<bool> IsRedisReachableAsync()
    {
        try
        {
            await redis.RunAsync(db => db.PingAsync());
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}

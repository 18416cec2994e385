using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OnlineJudge.Services.Resilience;

/// <summary>
/// The way request paths call Redis: each call is bounded by <see cref="RedisResilienceOptions.OperationTimeout"/> and
/// goes through the <see cref="RedisCircuitBreaker"/>. A call that is refused or fails throws a
/// <see cref="RedisException"/> (<see cref="RedisUnavailableException"/> for a refusal or a timeout), which callers turn
/// into their fallback: a cache miss, an anonymous request, a database read.
/// </summary>
public sealed class RedisGuard(IConnectionMultiplexer redis, RedisCircuitBreaker breaker, IOptions<RedisResilienceOptions> options)
{
    private readonly TimeSpan timeout = options.Value.OperationTimeout;

    public IConnectionMultiplexer Multiplexer => redis;

    /// <summary>
    /// True while the breaker refuses calls (cheap, lock-free): a caller can take its fallback at once instead of
    /// catching the exception <see cref="RunAsync{T}"/> would throw.
    /// </summary>
    public bool IsRefusing => breaker.IsRefusing;

    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call, CancellationToken cancellationToken = default)
    {
        if (!breaker.TryEnter(out var isProbe))
        {
            throw new RedisUnavailableException("Redis is unavailable (circuit breaker open)");
        }

        try
        {
            var result = await call(redis.GetDatabase()).WaitAsync(timeout, cancellationToken);
            breaker.OnSuccess(isProbe);
            return result;
        }
        catch (TimeoutException exception)
        {
            breaker.OnFailure(isProbe, exception);
            throw new RedisUnavailableException($"Redis did not answer within {timeout.TotalMilliseconds} ms", exception);
        }
        catch (RedisException exception)
        {
            breaker.OnFailure(isProbe, exception);
            throw;
        }
        catch
        {
            breaker.OnAbandoned(isProbe);
            throw;
        }
    }

    public Task RunAsync(Func<IDatabase, Task> call, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            await call(db);
            return true;
        }, cancellationToken);
}

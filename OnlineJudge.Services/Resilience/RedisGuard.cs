using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OnlineJudge.Services.Resilience;

/// <summary>
/// The way request paths call Redis: each call is bounded by <see cref="RedisResilienceOptions.OperationTimeout"/> and
/// goes through the <see cref="RedisCircuitBreaker"/>. A call that is refused or fails throws a
/// <see cref="RedisException"/> (<see cref="RedisUnavailableException"/> for a refusal or a timeout), which callers turn
/// into their fallback: a cache miss, an anonymous request, a database read.
/// </summary>
public sealed class RedisGuard(IConnectionMultiplexer redis, RedisCircuitBreaker breaker, IOptions<RedisResilienceOptions> options,
    Telemetry.SiteMetrics metrics)
{
    private readonly TimeSpan timeout = options.Value.OperationTimeout;

    public IConnectionMultiplexer Multiplexer => redis;

    /// <summary>
    /// True while the breaker refuses calls (cheap, lock-free): a caller can take its fallback at once instead of
    /// catching the exception <see cref="RunAsync{T}(Func{IDatabase, Task{T}}, CancellationToken)"/> would throw.
    /// </summary>
    public bool IsRefusing => breaker.IsRefusing;

    public Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call, CancellationToken cancellationToken = default) =>
        RunWithinAsync(call, timeout, cancellationToken);

    public Task RunAsync(Func<IDatabase, Task> call, CancellationToken cancellationToken = default) =>
        RunWithinAsync(call, timeout, cancellationToken);

    /// <summary>
    /// A bulky call (a snapshot rebuild pushing thousands of rows) with a longer <paramref name="limit"/>, so that a slow
    /// but healthy Redis does not open the breaker.
    /// </summary>
    public Task RunWithinAsync(Func<IDatabase, Task> call, TimeSpan limit, CancellationToken cancellationToken = default) =>
        RunWithinAsync(async db =>
        {
            await call(db);
            return true;
        }, limit, cancellationToken);

    /// <summary>
    /// A call that timed out may still be answered: a late answer shows that Redis is alive, only slow (a cold start, a
    /// pause), and closes the breaker, so that a burst of timeouts does not keep Redis skipped for a whole break.
    /// </summary>
    private void WatchLateAnswer(Task pending) =>
        pending.ContinueWith(static (task, state) =>
        {
            if (task.IsCompletedSuccessfully)
            {
                ((RedisCircuitBreaker)state!).OnSuccess(false);
            }
            else
            {
                _ = task.Exception;
            }
        }, breaker, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public async Task<T> RunWithinAsync<T>(Func<IDatabase, Task<T>> call, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            var result = await CallAsync(call, limit, cancellationToken);
            failed = false;
            return result;
        }
        finally
        {
            metrics.RecordRedisCall(System.Diagnostics.Stopwatch.GetElapsedTime(started), failed);
        }
    }

    private async Task<T> CallAsync<T>(Func<IDatabase, Task<T>> call, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (!breaker.TryEnter(out var isProbe))
        {
            throw new RedisUnavailableException("Redis is unavailable (circuit breaker open)");
        }

        Task<T>? pending = null;
        try
        {
            pending = call(redis.GetDatabase());
            var result = await pending.WaitAsync(limit, cancellationToken);
            breaker.OnSuccess(isProbe);
            return result;
        }
        catch (TimeoutException exception)
        {
            breaker.OnFailure(isProbe, exception);
            if (pending is not null)
            {
                WatchLateAnswer(pending);
            }

            throw new RedisUnavailableException($"Redis did not answer within {limit.TotalMilliseconds} ms", exception);
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
}

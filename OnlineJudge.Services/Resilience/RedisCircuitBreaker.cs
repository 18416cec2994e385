using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OnlineJudge.Services.Resilience;

/// <summary>
/// Stops calling Redis for a while after it failed: <see cref="RedisResilienceOptions.FailuresToOpen"/> consecutive
/// failures open the breaker; while open, calls are refused at once (callers fall back to PostgreSQL or treat the
/// request as anonymous); after <see cref="RedisResilienceOptions.BreakMilliseconds"/> one call is let through as a probe,
/// whose success closes the breaker and whose failure opens it again. One breaker per process, shared by every caller.
/// </summary>
public sealed partial class RedisCircuitBreaker(IOptions<RedisResilienceOptions> options, TimeProvider time, ILogger<RedisCircuitBreaker> logger)
{
    private readonly Lock gate = new();
    private int consecutiveFailures;

    // 0 while closed; else the UTC ticks before which no call is let through.
    private long openUntilTicks;
    private bool probeInFlight;

    public bool IsOpen => Volatile.Read(ref openUntilTicks) != 0;

    /// <summary>True while calls are refused: open and within its break, or a probe is out. Lock-free.</summary>
    public bool IsRefusing
    {
        get
        {
            var until = Volatile.Read(ref openUntilTicks);
            return until != 0 && (Volatile.Read(ref probeInFlight) || time.GetUtcNow().UtcTicks < until);
        }
    }

    /// <summary>
    /// Whether a call may go to Redis now. When the breaker is open and its break is over, the first caller is let
    /// through as the probe (<paramref name="isProbe"/>) and must report its outcome.
    /// </summary>
    public bool TryEnter(out bool isProbe)
    {
        isProbe = false;
        if (Volatile.Read(ref openUntilTicks) == 0)
        {
            return true;
        }

        if (IsRefusing)
        {
            return false;
        }

        lock (gate)
        {
            if (openUntilTicks == 0)
            {
                return true;
            }

            if (probeInFlight || time.GetUtcNow().UtcTicks < openUntilTicks)
            {
                return false;
            }

            probeInFlight = true;
            isProbe = true;
            return true;
        }
    }

    public void OnSuccess(bool isProbe)
    {
        if (!isProbe && Volatile.Read(ref consecutiveFailures) == 0 && Volatile.Read(ref openUntilTicks) == 0)
        {
            return;
        }

        lock (gate)
        {
            consecutiveFailures = 0;
            if (isProbe)
            {
                probeInFlight = false;
            }

            if (openUntilTicks != 0)
            {
                openUntilTicks = 0;
                probeInFlight = false;
                LogClosed(logger);
            }
        }
    }

    public void OnFailure(bool isProbe, Exception exception)
    {
        lock (gate)
        {
            consecutiveFailures++;
            if (isProbe)
            {
                probeInFlight = false;
            }

            var open = openUntilTicks != 0;
            if (isProbe || (!open && consecutiveFailures >= options.Value.FailuresToOpen))
            {
                Volatile.Write(ref openUntilTicks, time.GetUtcNow().UtcTicks + options.Value.Break.Ticks);
                if (!open)
                {
                    LogOpened(logger, exception, consecutiveFailures, options.Value.BreakMilliseconds);
                }
            }
        }
    }

    /// <summary>The call ended without telling anything about Redis (the request was cancelled).</summary>
    public void OnAbandoned(bool isProbe)
    {
        if (isProbe)
        {
            lock (gate)
            {
                probeInFlight = false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis failed {Failures} times in a row; not calling it for {BreakMilliseconds} ms at a time until it answers again")]
    private static partial void LogOpened(ILogger logger, Exception exception, int failures, int breakMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis answers again; circuit breaker closed")]
    private static partial void LogClosed(ILogger logger);
}

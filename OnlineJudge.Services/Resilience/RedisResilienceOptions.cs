using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Resilience;

/// <summary>How long a request waits for Redis, and how the circuit breaker reacts to failures (section <c>Redis</c>).</summary>
public sealed class RedisResilienceOptions
{
    public const string Section = "Redis";

    /// <summary>Longest wait for one Redis call on a request path; a slower answer counts as a failure.</summary>
    [Range(10, 10_000)]
    public int OperationTimeoutMilliseconds { get; set; } = 250;

    /// <summary>Consecutive failures that open the breaker.</summary>
    [Range(1, 1_000)]
    public int FailuresToOpen { get; set; } = 2;

    /// <summary>How long an open breaker skips Redis before one call probes it again.</summary>
    [Range(100, 600_000)]
    public int BreakMilliseconds { get; set; } = 5_000;

    public TimeSpan OperationTimeout => TimeSpan.FromMilliseconds(OperationTimeoutMilliseconds);

    public TimeSpan Break => TimeSpan.FromMilliseconds(BreakMilliseconds);
}

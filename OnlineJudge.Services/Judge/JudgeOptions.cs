using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Judge;

/// <summary>Settings of judge dispatch (section <c>Judge</c>); README documents each.</summary>
public sealed class JudgeOptions
{
    public const string Section = "Judge";

    /// <summary>
    /// Plain token shared with the judge servers (they read the same key). When set, it is the <c>judge_server_token</c>
    /// site option (the option is brought in line with it); when empty, the option is, created the first time it is
    /// read from the environment variable <c>JUDGE_SERVER_TOKEN</c>, else at random.
    /// </summary>
    public string Token { get; set; } = "";

    /// <summary>How long a dispatch may go without renewal before another dispatcher takes the task back.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>Longest wait for a judge server's answer; a judge that takes longer is treated as failed.</summary>
    [Range(5, 86400)]
    public int RequestTimeoutSeconds { get; set; } = 600;

    /// <summary>Time to open a connection to a judge server.</summary>
    [Range(1, 300)]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>Dispatches that reached a judge server without a usable answer before the submission gets System Error.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Back-off before a failed dispatch is tried again (multiplied by the attempt number).</summary>
    [Range(0, 3600)]
    public double RetryDelaySeconds { get; set; } = 2;

    /// <summary>How often a dispatcher looks at the queue without being woken (a missed wake-up costs at most this).</summary>
    [Range(50, 60000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How often lapsed leases are handed back.</summary>
    [Range(1, 3600)]
    public int SweepSeconds { get; set; } = 5;

    /// <summary>SQL submissions judged at once in this process.</summary>
    [Range(1, 256)]
    public int InProcessConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Off: this web instance dispatches nothing (another instance, or a dedicated worker, does).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}

using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>Settings of AI flowchart grading (section <c>Flowchart</c>; flowchart.md §0.1, §3); README documents each.</summary>
public sealed class FlowchartOptions
{
    public const string Section = "Flowchart";

    /// <summary>Off: this web instance grades nothing (another instance does); submissions still queue.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Submissions graded at once by this instance.</summary>
    [Range(1, 64, ErrorMessage = "Flowchart:Concurrency must be between 1 and 64")]
    public int Concurrency { get; set; } = 2;

    /// <summary>Automatic retries of a failed grading (flowchart.md §0.1: 3).</summary>
    [Range(0, 10, ErrorMessage = "Flowchart:MaxRetries must be between 0 and 10")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Back-off before the first automatic retry, doubled for each further one (the reference's task queue: about 15 s).</summary>
    [Range(0, 3600, ErrorMessage = "Flowchart:RetryDelaySeconds must be between 0 and 3600")]
    public double RetryDelaySeconds { get; set; } = 15;

    /// <summary>How long a grading may go without renewal before another worker takes the task back.</summary>
    [Range(5, 3600, ErrorMessage = "Flowchart:LeaseSeconds must be between 5 and 3600")]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often a worker looks at the queue without being woken.</summary>
    [Range(50, 60000, ErrorMessage = "Flowchart:PollMilliseconds must be between 50 and 60000")]
    public int PollMilliseconds { get; set; } = 2000;

    /// <summary>How often lapsed leases are handed back.</summary>
    [Range(1, 3600, ErrorMessage = "Flowchart:SweepSeconds must be between 1 and 3600")]
    public int SweepSeconds { get; set; } = 10;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>Back-off after failed attempt <paramref name="attempt"/> (1-based): the delay, doubled per earlier retry.</summary>
    public TimeSpan RetryDelay(int attempt) => TimeSpan.FromSeconds(RetryDelaySeconds * Math.Pow(2, Math.Max(0, attempt - 1)));
}

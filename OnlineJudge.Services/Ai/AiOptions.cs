using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Ai;

/// <summary>
/// The OpenAI-compatible provider of every AI feature (section <c>Ai</c>; flowchart.md §3.1, ai.md §4.1): flowchart
/// grading, the learning analyses, hints and class reports, and the problem editor's helpers. Without an API key (here
/// or in the environment variable <c>AI_KEY</c>) each of them answers <c>缺少 AI_KEY</c> at once.
/// </summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    [Required(ErrorMessage = "Ai:BaseUrl is required")]
    [Url(ErrorMessage = "Ai:BaseUrl must be an http or https URL")]
    public string BaseUrl { get; set; } = "https://api.deepseek.com";

    public string? ApiKey { get; set; }

    [Required(ErrorMessage = "Ai:Model is required")]
    public string Model { get; set; } = "deepseek-v4-flash";

    /// <summary>Stored with every grade and analysis (<c>ai_provider</c>, <c>ai_analysis.provider</c>).</summary>
    [Required(ErrorMessage = "Ai:Provider is required")]
    [StringLength(50, ErrorMessage = "Ai:Provider must be at most 50 characters")]
    public string Provider { get; set; } = "deepseek";

    /// <summary>
    /// Longest wait for one answer: a whole non-streaming attempt; for a stream, its first bytes and then each pause
    /// between two chunks.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Ai:TimeoutSeconds must be between 1 and 3600")]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Longest wait for the login summary's comment (ai.md §1.4), one attempt without retries: the dialog after login
    /// waits for it, and its counters are answered without the comment when the provider is slower.
    /// </summary>
    [Range(1, 600, ErrorMessage = "Ai:SummaryTimeoutSeconds must be between 1 and 600")]
    public int SummaryTimeoutSeconds { get; set; } = 15;

    /// <summary>Retries of a non-streaming call after a connection error, a timeout, HTTP 408, 429 or 5xx.</summary>
    [Range(1, 5, ErrorMessage = "Ai:MaxRetries must be between 1 and 5")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First back-off before a retry (exponential, with jitter).</summary>
    [Range(0, 60000, ErrorMessage = "Ai:RetryDelayMilliseconds must be between 0 and 60000")]
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>Share of failed non-streaming attempts (over the sampling window) that opens the circuit breaker.</summary>
    [Range(0.01, 1.0, ErrorMessage = "Ai:BreakerFailureRatio must be between 0.01 and 1")]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts the sampling window must hold before the breaker may open.</summary>
    [Range(2, 10000, ErrorMessage = "Ai:BreakerMinimumThroughput must be between 2 and 10000")]
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open breaker refuses calls at once (then one call probes).</summary>
    [Range(1, 3600, ErrorMessage = "Ai:BreakerBreakSeconds must be between 1 and 3600")]
    public int BreakerBreakSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrEmpty(ApiKey);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan SummaryTimeout => TimeSpan.FromSeconds(SummaryTimeoutSeconds);
}

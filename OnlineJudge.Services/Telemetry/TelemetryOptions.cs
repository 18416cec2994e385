using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Telemetry;

/// <summary>Metrics and traces (README, Metrics and traces).</summary>
public class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve the Prometheus scrape endpoint at <see cref="MetricsPath"/>; off by default.</summary>
    public bool PrometheusEnabled { get; set; }

    [Required(ErrorMessage = "Telemetry:MetricsPath is required")]
    [RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "Telemetry:MetricsPath must be a path such as /metrics")]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>When set, a scrape must send <c>Authorization: Bearer &lt;token&gt;</c>; others get 404.</summary>
    public string? MetricsToken { get; set; }

    /// <summary>How often the judge gauges (queue depth, pending submissions, judge servers) are read from the database.</summary>
    [Range(1, 3600, ErrorMessage = "Telemetry:SampleSeconds must be between 1 and 3600")]
    public int SampleSeconds { get; set; } = 15;

    /// <summary>OTLP endpoint (e.g. <c>http://collector:4317</c>) receiving traces; empty: no traces are exported.</summary>
    public string? OtlpEndpoint { get; set; }
}

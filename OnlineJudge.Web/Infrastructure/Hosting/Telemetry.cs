using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OnlineJudge.Web.Infrastructure.Hosting;

/// <summary>
/// OpenTelemetry: metrics for a Prometheus scrape (<c>Telemetry:PrometheusEnabled</c>, optionally behind a bearer
/// token) and traces to an OTLP collector (<c>Telemetry:OtlpEndpoint</c>). Metrics: ASP.NET Core requests per route
/// (<c>http_server_request_duration_seconds</c>), Npgsql (connections, commands), outbound HTTP, the .NET runtime, and the
/// site's own meter (<see cref="SiteMetrics"/>: Redis calls, judge queue, verdict latency, judge servers).
/// </summary>
public static class Telemetry
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.PrometheusEnabled && string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("onlinejudge-web", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"));
        if (options.PrometheusEnabled)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("Npgsql", "System.Net.Http", "System.Runtime", SiteMetrics.MeterName)
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments(options.MetricsPath))
                .AddSource("Npgsql", "System.Net.Http")
                .AddOtlpExporter(otlp => otlp.Endpoint = new Uri(options.OtlpEndpoint)));
        }

        return builder;
    }

    /// <summary>The scrape endpoint, when on; without the right bearer token (if one is configured) the path is an ordinary 404.</summary>
    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.PrometheusEnabled)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Request.Path == options.MetricsPath && IsAuthorized(context, options.MetricsToken));
        }

        return app;
    }

    private static bool IsAuthorized(HttpContext context, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
               && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}

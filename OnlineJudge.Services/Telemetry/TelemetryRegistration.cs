using Microsoft.Extensions.DependencyInjection;

namespace OnlineJudge.Services.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>The site's instruments, their gauge sampler (the verdict-latency observer is registered with the judge; the exporters are wired by the web host).</summary>
    public static IServiceCollection AddSiteTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        services.AddSingleton<SiteMetrics>();
        services.AddSingleton<SiteGaugeSampler>();
        services.AddHostedService(provider => provider.GetRequiredService<SiteGaugeSampler>());
        return services;
    }
}

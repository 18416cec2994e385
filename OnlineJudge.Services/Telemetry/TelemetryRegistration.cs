using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Services.Judge;

namespace OnlineJudge.Services.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>The site's instruments, their gauge sampler and the verdict-latency observer (the exporters are wired by the web host).</summary>
    public static IServiceCollection AddSiteTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        services.AddSingleton<SiteMetrics>();
        services.AddSingleton<SiteGaugeSampler>();
        services.AddHostedService(provider => provider.GetRequiredService<SiteGaugeSampler>());
        services.AddScoped<IVerdictObserver, VerdictLatencyObserver>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace OnlineJudge.Services.Flowcharts;

public static class FlowchartRegistration
{
    /// <summary>Flowchart grading: options, wake-ups, pushes, the word counter and the background grader.</summary>
    public static IServiceCollection AddFlowcharts(this IServiceCollection services)
    {
        services.AddValidatedOptions<FlowchartOptions>(FlowchartOptions.Section);
        services.AddSingleton<FlowchartWakeups>();
        services.AddSingleton<FlowchartUpdates>();
        services.AddSingleton<SuggestionWords>();
        services.AddScoped<FlowchartGrader>();
        services.AddSingleton<FlowchartWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<FlowchartWorker>());
        return services;
    }
}

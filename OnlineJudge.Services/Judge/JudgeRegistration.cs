using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.CodeTools;
using OnlineJudge.Services.Submissions;

namespace OnlineJudge.Services.Judge;

public static class JudgeRegistration
{
    /// <summary>Judging: options, the judge-server client, the dispatcher and its collaborators.</summary>
    public static IServiceCollection AddJudging(this IServiceCollection services)
    {
        services.AddOptions<JudgeOptions>().BindConfiguration(JudgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CodeToolsOptions>().BindConfiguration(CodeToolsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CodeToolsProcess>();
        services.AddSingleton<JudgeWakeups>();
        services.AddSingleton<SubmissionUpdates>();
        services.AddSingleton<SubmissionThrottle>();
        services.AddScoped<JudgeSiteOptions>();
        services.AddScoped<JudgeRunner>();
        services.AddScoped<VerdictRecorder>();
        services.AddScoped<IVerdictObserver, VerdictLatencyObserver>();
        services.AddScoped<AstRuleChecker>();
        services.AddScoped<SqlJudge>();
        services.AddHttpClient<JudgeServerClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<JudgeOptions>>().Value.ConnectTimeoutSeconds),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddSingleton<JudgeDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<JudgeDispatcher>());
        return services;
    }
}

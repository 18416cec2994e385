using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Services.Judge;

namespace OnlineJudge.Services.Achievements;

public static class AchievementRegistration
{
    /// <summary>
    /// Achievements: <c>user_stat</c> kept by the verdict's transaction, the check after each verdict, the rescan worker.
    /// </summary>
    public static IServiceCollection AddAchievements(this IServiceCollection services)
    {
        services.AddValidatedOptions<AchievementOptions>(AchievementOptions.Section);
        services.AddSingleton<AchievementRescanWakeups>();
        services.AddSingleton<AchievementNotifier>();
        services.AddScoped<AchievementCheckHints>();
        services.AddScoped<IVerdictContributor, UserStatUpdater>();
        services.AddScoped<IVerdictObserver, AchievementCheckObserver>();
        services.AddHostedService<AchievementRescanWorker>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Data;
using OnlineJudge.Services.Achievements;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Flowcharts;
using OnlineJudge.Services.Health;
using OnlineJudge.Services.Judge;
using OnlineJudge.Services.Resilience;
using OnlineJudge.Services.Sessions;
using OnlineJudge.Services.Storage;
using OnlineJudge.Services.Telemetry;
using OnlineJudge.Services.Users;
using StackExchange.Redis;

namespace OnlineJudge.Services;

public static class DependencyInjection
{
    public static IServiceCollection AddServices(this IServiceCollection services)
    {
        services.AddData(provider => RequiredConnectionString(provider, "Default"));
        services.AddSingleton<IConnectionMultiplexer>(provider => ConnectRedis(RequiredConnectionString(provider, "Redis")));
        services.AddOptions<RedisResilienceOptions>().BindConfiguration(RedisResilienceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RedisCircuitBreaker>();
        services.AddSingleton<RedisGuard>();
        services.AddSiteTelemetry();

        services.AddServiceOptions();
        services.AddOutboundHttp();
        services.AddSingleton(TimeProvider.System);
        services.AddAutoMapper(_ => { }, typeof(DependencyInjection).Assembly);
        services.AddSingleton<CacheService>();
        services.AddSingleton<OutageMemo>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<UserAuthCache>();
        services.AddSingleton<PasswordHasher>();
        // Users: Data Protection for admin-set passwords (README decision 6), bulk hashing, generated-user files.
        services.AddUserPasswordProtection();
        services.AddScoped<Mail.IEmailSender, Mail.MailKitEmailSender>();
        services.AddJudging();
        services.AddHostedService<FirstRunDefaults>();
        services.AddScoped<IVerdictObserver, ProblemSets.ProblemSetVerdictObserver>();
        services.AddScoped<Problems.IProblemDeletions>(provider => provider.GetRequiredService<ProblemSets.ProblemSetCascadeService>());
        services.AddAchievements();
        services.AddFlowcharts();
        // Every other *Service class is scoped; register singletons above this line.
        services.AddScopedByNameSuffix(typeof(DependencyInjection).Assembly, "Service");
        return services;
    }

    private static string RequiredConnectionString(IServiceProvider provider, string name)
    {
        var value = provider.GetRequiredService<IConfiguration>().GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{name} is not set (appsettings.json or the environment variable ConnectionStrings__{name}). "
                + "`dotnet pwsh ./build.ps1 run` sets it when it starts its own PostgreSQL and Redis.");
        }

        return value;
    }

    private static ConnectionMultiplexer ConnectRedis(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // Start and keep serving while Redis is away; cached reads fall through to PostgreSQL meanwhile.
        options.AbortOnConnectFail = false;
        // While disconnected, fail commands at once instead of queueing them until a reconnect or a timeout: request
        // paths fall back (RedisGuard), and a queue of waiting commands is what stalled the site in an outage.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Reconnect within about a second of Redis coming back, however long it was away.
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 1000);
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 1000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        return ConnectionMultiplexer.Connect(options);
    }
}

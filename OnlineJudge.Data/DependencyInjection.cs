using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Conf;
using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Health;

namespace OnlineJudge.Data;

public static class DependencyInjection
{
    /// <summary>
    /// Registers one pooled Npgsql data source (its connection string resolved lazily, so test hosts can override it), a pooled
    /// <see cref="IDbContextFactory{TContext}"/> for concurrent reads (ARCHITECTURE rule 3), a scoped
    /// <see cref="OnlineJudgeDbContext"/> taken from it, and the repositories.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.AddSingleton(provider => new NpgsqlDataSourceBuilder(connectionString(provider)).Build());
        services.AddPooledDbContextFactory<OnlineJudgeDbContext>((provider, options) =>
            Configure(options, provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<OnlineJudgeDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseProbe>();
        services.AddScoped<UserRepository>();
        services.AddScoped<SysOptionRepository>();
        services.AddScoped<ContestRepository>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource)
    {
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(typeof(OnlineJudgeDbContext).Assembly.GetName().Name));
        options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }
}

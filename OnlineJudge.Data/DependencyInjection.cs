using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<Adoption.DatabaseAdopter>();
        services.AddScoped<Transactions.TransactionRunner>();
        services.AddScopedByNameSuffix(typeof(OnlineJudgeDbContext).Assembly, "Repository");
        return services;
    }

    /// <summary>
    /// Registers every concrete class of <paramref name="assembly"/> whose name ends with <paramref name="suffix"/> as a
    /// scoped service of its own type, unless already registered: a new repository or service needs no wiring.
    /// </summary>
    public static IServiceCollection AddScopedByNameSuffix(this IServiceCollection services, System.Reflection.Assembly assembly, string suffix)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true, IsGenericTypeDefinition: false }
                     && t.Name.EndsWith(suffix, StringComparison.Ordinal)))
        {
            if (services.All(d => d.ServiceType != type))
            {
                services.AddScoped(type);
            }
        }

        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource)
    {
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(typeof(OnlineJudgeDbContext).Assembly.GetName().Name));
        options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }
}

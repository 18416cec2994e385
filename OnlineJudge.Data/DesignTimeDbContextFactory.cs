using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace OnlineJudge.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web host.</summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OnlineJudgeDbContext>
{
    public OnlineJudgeDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = "Host=127.0.0.1;Port=5433;Database=onlinejudge;Username=postgres";
        }

        var builder = new DbContextOptionsBuilder<OnlineJudgeDbContext>();
        DependencyInjection.Configure(builder, new NpgsqlDataSourceBuilder(connectionString).Build());
        return new OnlineJudgeDbContext(builder.Options);
    }
}

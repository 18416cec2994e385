using Microsoft.Extensions.Logging;

namespace OnlineJudge.Data.Health;

/// <summary>Applies pending EF Core migrations (the <c>migrate</c> command).</summary>
public class DatabaseMigrator(OnlineJudgeDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} pending migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database is up to date");
    }
}

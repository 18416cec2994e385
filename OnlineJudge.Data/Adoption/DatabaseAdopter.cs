using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OnlineJudge.Data.Adoption;

public enum AdoptionOutcome
{
    /// <summary>The schema was brought to our baseline (or already was) and the baseline is recorded.</summary>
    Adopted,

    /// <summary>A database of this server: nothing to adopt.</summary>
    AlreadyOurs,

    /// <summary>Not a database of a Django OnlineJudge site: nothing was changed.</summary>
    NotAdoptable,
}

/// <summary>What <c>adopt</c> found and did; <see cref="Problem"/> says why nothing was changed when not adopted.</summary>
public sealed record AdoptionResult(string Source, AdoptionOutcome Outcome, string? Problem, IReadOnlyList<string> Changes, IReadOnlyList<string> Failures,
    IReadOnlyList<string> NotCarriedOver, IReadOnlyList<LegacyTestCase> TestCases);

/// <summary>A problem's test-case folder, for the caller to look for on disk.</summary>
public sealed record LegacyTestCase(string Problem, string TestCaseId);

/// <summary>
/// Adopts a database created by the Django reference (yuetsh/OnlineJudge) or its upstream (QingdaoU/OnlineJudge): in one
/// transaction, applies what our baseline migrations add (<see cref="AdoptionPlanner"/>) and records them as applied, so
/// that <c>migrate</c> continues from there. Existing rows are not touched. Running it again changes nothing.
/// </summary>
public sealed partial class DatabaseAdopter(OnlineJudgeDbContext db, ILogger<DatabaseAdopter> logger)
{
    /// <summary>
    /// The migrations whose schema adopt produces. A later migration is applied by <c>migrate</c> after adopt, so this
    /// list grows only when AdoptionPlanner learns the later one's operations.
    /// </summary>
    public static readonly string[] BaselineMigrations =
    [
        "20261126142504_InitialSchema",
        "20261126145128_UserAppKeyIndex",
        "20261126154728_RankIndexes",
        "20261206194543_JudgeTasks",
    ];

    public async Task<AdoptionResult> AdoptAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var catalog = await LegacyCatalog.ReadAsync(connection, null, cancellationToken);
            var source = await DetectAsync(connection, catalog, cancellationToken);
            if (source.Problem is not null)
            {
                return new AdoptionResult(source.Name, source.Outcome, source.Problem, [], [], [], []);
            }

            var operations = BaselineOperations();
            var steps = new AdoptionPlanner(db.GetService<IMigrationsSqlGenerator>(), db.GetService<ISqlGenerationHelper>(),
                db.GetService<IRelationalTypeMappingSource>()).Plan(operations, catalog);
            var (changes, failures) = await ApplyAsync(steps, cancellationToken);
            // Every migration's tables and columns, not only the baseline's: once `migrate` has run, the later ones are ours too.
            var allOperations = AllOperations();
            var ourTables = allOperations.OfType<CreateTableOperation>().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            var ourColumns = allOperations.OfType<CreateTableOperation>().SelectMany(t => t.Columns.Select(c => (t.Name, c.Name)))
                .Concat(allOperations.OfType<AddColumnOperation>().Select(c => (c.Table, c.Name))).ToHashSet();
            var audit = await LegacyDataAudit.ReadAsync(connection, catalog, ourTables, ourColumns, cancellationToken);
            return new AdoptionResult(source.Name, AdoptionOutcome.Adopted, null, changes, failures, audit.Notes, audit.TestCases);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(string Name, AdoptionOutcome Outcome, string? Problem)> DetectAsync(DbConnection connection, LegacyCatalog catalog, CancellationToken cancellationToken)
    {
        if (!catalog.Tables.Contains("user") || !catalog.Tables.Contains("problem") || !catalog.Tables.Contains("submission"))
        {
            return ("an empty or unknown database", AdoptionOutcome.NotAdoptable, "It has no OnlineJudge tables (user, problem, submission). For a new site run `migrate` instead.");
        }

        if (!catalog.Tables.Contains("django_migrations"))
        {
            return catalog.Tables.Contains("__EFMigrationsHistory")
                ? ("a database of this server", AdoptionOutcome.AlreadyOurs, "It was created by this server, not by a Django site: nothing to adopt. Run `migrate` to update it.")
                : ("an unknown database", AdoptionOutcome.NotAdoptable, "It has OnlineJudge-like tables but no django_migrations table, so it is not a Django OnlineJudge site; nothing was changed.");
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FILTER (WHERE app = 'comment'), count(*) FILTER (WHERE app = 'submission') FROM django_migrations";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        // Told by Django's own record (the comment table alone is no sign: adopt creates it for upstream databases).
        var reference = reader.GetInt64(0) > 0;
        if (reader.GetInt64(1) == 0)
        {
            return ("an unknown Django site", AdoptionOutcome.NotAdoptable, "Its django_migrations table names no submission app: it is not an OnlineJudge site; nothing was changed.");
        }

        return (reference ? "the Django reference (yuetsh/OnlineJudge)" : "upstream QingdaoU/OnlineJudge", AdoptionOutcome.Adopted, null);
    }

    private List<MigrationOperation> BaselineOperations() => Operations(BaselineMigrations);

    private List<MigrationOperation> AllOperations() => Operations(db.GetService<IMigrationsAssembly>().Migrations.Keys);

    private List<MigrationOperation> Operations(IEnumerable<string> migrations)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var provider = db.Database.ProviderName!;
        return migrations.SelectMany(id => assembly.CreateMigration(assembly.Migrations[id], provider).UpOperations).ToList();
    }

    /// <summary>Runs the steps and records the baseline in one transaction; a step that may fail runs in a savepoint and is reported.</summary>
    private async Task<(List<string> Changes, List<string> Failures)> ApplyAsync(List<AdoptionStep> steps, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        var failures = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dbTransaction = transaction.GetDbTransaction();
        foreach (var step in steps)
        {
            if (!step.MayFail)
            {
                await ExecuteAsync(step.Sql, dbTransaction, cancellationToken);
                changes.Add(step.Description);
                continue;
            }

            await transaction.CreateSavepointAsync("adopt_step", cancellationToken);
            try
            {
                await ExecuteAsync(step.Sql, dbTransaction, cancellationToken);
                await transaction.ReleaseSavepointAsync("adopt_step", cancellationToken);
                changes.Add(step.Description);
            }
            catch (PostgresException exception)
            {
                await transaction.RollbackToSavepointAsync("adopt_step", cancellationToken);
                LogStepFailed(logger, step.Description, exception.MessageText);
                failures.Add($"Could not {step.Description}: {exception.MessageText}{(exception.Detail is { } detail ? " (" + detail + ")" : "")}.");
            }
        }

        var history = db.GetService<IHistoryRepository>();
        await ExecuteAsync(history.GetCreateIfNotExistsScript(), dbTransaction, cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = dbTransaction;
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        foreach (var id in BaselineMigrations.Where(id => !applied.Contains(id)))
        {
            await ExecuteAsync(history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion())), dbTransaction, cancellationToken);
            changes.Add($"record migration {id} as applied");
        }

        await transaction.CommitAsync(cancellationToken);
        return (changes, failures);
    }

    private async Task ExecuteAsync(string sql, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "adopt: could not {Step}: {Reason}")]
    private static partial void LogStepFailed(ILogger logger, string step, string reason);
}

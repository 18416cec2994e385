using System.Text;
using Npgsql;

namespace OnlineJudge.Tests.Operations;

/// <summary>
/// A database of an existing site from <c>../shared/fixtures/&lt;name&gt;/</c> (a plain <c>pg_dump</c> and its test-case
/// folders), restored into a scratch database named after the test database (<c>&lt;test database&gt;_adopt_&lt;name&gt;</c>).
/// The dump is replayed through Npgsql (statements, and <c>COPY … FROM stdin</c> blocks as text imports), so no psql is needed.
/// </summary>
public sealed class FixtureDatabase
{
    private FixtureDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The fixtures folder: <c>OJ_FIXTURES_DIR</c>, else <c>shared/fixtures</c> beside the checkout.</summary>
    public static string FixturesRoot =>
        Environment.GetEnvironmentVariable("OJ_FIXTURES_DIR") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../shared/fixtures"));

    public string Folder => Path.Combine(FixturesRoot, Name);

    public string TestCaseDir => Path.Combine(Folder, "test_case");

    public static async Task<FixtureDatabase> RestoreAsync(string name)
    {
        var dump = Path.Combine(FixturesRoot, name, "database.sql");
        Assert.That(File.Exists(dump), Is.True, $"fixture dump {dump} not found (set OJ_FIXTURES_DIR to the shared fixtures folder)");
        var target = new NpgsqlConnectionStringBuilder(TestEnvironment.DatabaseConnectionString);
        target.Database = $"{target.Database}_adopt_{name.Split('-')[0]}";
        target.Pooling = false;
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            // CREATE DATABASE copies the template: slow on a busy machine, so no 30 s command timeout here.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", connection) { CommandTimeout = 600 };
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection) { CommandTimeout = 600 };
            await create.ExecuteNonQueryAsync();
        }

        await using (var connection = new NpgsqlConnection(target.ConnectionString))
        {
            await connection.OpenAsync();
            await ReplayAsync(connection, dump);
        }

        return new FixtureDatabase(name, target.ConnectionString);
    }

    private static async Task ReplayAsync(NpgsqlConnection connection, string dump)
    {
        using var reader = new StreamReader(dump, Encoding.UTF8);
        var statement = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (statement.Length == 0 && (line.Length == 0 || line.StartsWith("--", StringComparison.Ordinal)))
            {
                continue;
            }

            statement.AppendLine(line);
            if (!line.EndsWith(';'))
            {
                continue;
            }

            var sql = statement.ToString();
            statement.Clear();
            if (sql.StartsWith("COPY ", StringComparison.Ordinal) && sql.TrimEnd().EndsWith("FROM stdin;", StringComparison.Ordinal))
            {
                await using var writer = await connection.BeginTextImportAsync(sql.TrimEnd().TrimEnd(';'));
                while (await reader.ReadLineAsync() is { } row && row != "\\.")
                {
                    await writer.WriteAsync(row + "\n");
                }

                continue;
            }

            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }
}

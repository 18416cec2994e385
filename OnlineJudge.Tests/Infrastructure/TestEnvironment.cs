using Npgsql;
using OnlineJudge.Data;
using Respawn;
using Respawn.Graph;
using StackExchange.Redis;

namespace OnlineJudge.Tests;

/// <summary>
/// Once per test run (in the root namespace, so NUnit runs it before every test of the assembly): creates and migrates the test database, boots the web host, prepares Respawn.
/// The test database is the configured one with "_test" appended; Redis uses database 9 of the configured server.
/// </summary>
[SetUpFixture]
public class TestEnvironment
{
    /// <summary>Redis database of the tests: 9, or <c>OJ_TEST_REDIS_DB</c> (so that two checkouts can test side by side).</summary>
    public static readonly int RedisDatabase = int.TryParse(Environment.GetEnvironmentVariable("OJ_TEST_REDIS_DB"), out var db) ? db : 9;

    private static OnlineJudgeWebFactory? factory;
    private static Respawner? respawner;
    private static ConnectionMultiplexer? redisAdmin;

    public static string DatabaseConnectionString { get; private set; } = "";
    public static string RedisConnectionString { get; private set; } = "";

    public static OnlineJudgeWebFactory Factory => factory ?? throw new InvalidOperationException("Test environment not started");

    /// <summary>The fake of every outbound HTTP service, reset before each test.</summary>
    public static FakeUpstream? Upstream { get; private set; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        var builder = new NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? "Host=127.0.0.1;Port=5433;Database=onlinejudge;Username=postgres"
            : configured);
        builder.Database = (builder.Database ?? "onlinejudge") + "_test";
        builder.IncludeErrorDetail = true;
        DatabaseConnectionString = builder.ConnectionString;

        var redis = Environment.GetEnvironmentVariable("ConnectionStrings__Redis");
        RedisConnectionString = (string.IsNullOrWhiteSpace(redis) ? "127.0.0.1:6380" : redis) + $",defaultDatabase={RedisDatabase}";

        await CreateDatabaseIfMissingAsync(builder);
        await using (var db = CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var connection = new NpgsqlConnection(DatabaseConnectionString))
        {
            await connection.OpenAsync();
            respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                TablesToIgnore = [new Table("__EFMigrationsHistory")],
            });
        }

        redisAdmin = await ConnectionMultiplexer.ConnectAsync(RedisConnectionString + ",allowAdmin=true");
        Upstream = await FakeUpstream.StartAsync();
        factory = new OnlineJudgeWebFactory(DatabaseConnectionString, RedisConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (redisAdmin is not null)
        {
            await redisAdmin.DisposeAsync();
        }

        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }
    }

    public static OnlineJudgeDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<OnlineJudgeDbContext>()
            .UseNpgsql(DatabaseConnectionString)
            .Options;
        return new OnlineJudgeDbContext(options);
    }

    /// <summary>Empties every table and the test Redis database.</summary>
    public static async Task ResetAsync()
    {
        Upstream?.Reset();
        // The host's workers keep polling their queue tables meanwhile; a TRUNCATE can deadlock with one of their
        // claims (PostgreSQL then cancels one side). The reset is idempotent, so it is simply run again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(DatabaseConnectionString);
                await connection.OpenAsync();
                await respawner!.ResetAsync(connection);
                break;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
            }
        }

        await FlushRedisAsync();
    }

    /// <summary>Empties the test Redis database (as a Redis restart without persistence would).</summary>
    public static async Task FlushRedisAsync()
    {
        foreach (var server in redisAdmin!.GetServers())
        {
            await server.FlushDatabaseAsync(RedisDatabase);
        }
    }

    private static async Task CreateDatabaseIfMissingAsync(NpgsqlConnectionStringBuilder target)
    {
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }
}

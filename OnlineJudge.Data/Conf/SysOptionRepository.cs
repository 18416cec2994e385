using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace OnlineJudge.Data.Conf;

/// <summary>The key/value option store <c>options_sysoptions</c> (platform.md §15).</summary>
public class SysOptionRepository(OnlineJudgeDbContext db)
{
    public async Task<Dictionary<string, JsonElement>> GetAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var rows = await db.SysOptions.Where(o => keys.Contains(o.Key))
            .Select(o => new { o.Key, o.Value })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    /// <summary>Creates the rows of missing keys with their defaults; existing rows are left as they are.</summary>
    public async Task InsertMissingAsync(IReadOnlyDictionary<string, JsonElement> defaults, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in defaults)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO options_sysoptions (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING",
                [new NpgsqlParameter("key", key), new NpgsqlParameter("value", NpgsqlDbType.Jsonb) { Value = value.GetRawText() }],
                cancellationToken);
        }
    }

    /// <summary>Stores option values (insert or update); run it in a transaction to store them all or none.</summary>
    public async Task UpsertAsync(IReadOnlyDictionary<string, JsonElement> values, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in values)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO options_sysoptions (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                [new NpgsqlParameter("key", key), new NpgsqlParameter("value", NpgsqlDbType.Jsonb) { Value = value.GetRawText() }],
                cancellationToken);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace OnlineJudge.Services.Problems;

/// <summary>Body of POST /api/admin/sql_test_case_preview (problem.md §2.14); whitespace is kept.</summary>
public sealed class SqlPreviewRequest
{
    [Validation.StringField(Trim = false)]
    public string InitSql { get; set; } = "";

    [Validation.StringField(Trim = false)]
    public string RefSql { get; set; } = "";

    [Validation.ChoiceField(["query", "modify"])]
    public string Mode { get; set; } = "";
}

/// <summary>
/// Builds <c>problem.sql_display</c> (data-model.md §3.4; problem.md §2.14): runs a test case's init script in a fresh
/// in-memory SQLite database, dumps its tables, then runs the reference answer and records what it returns (query mode)
/// or which tables it changed (modify mode). Bounded: 64 MB of database pages, 10 s per script.
/// </summary>
public static class SqlDisplayBuilder
{
    public const int DisplayRows = 20;
    public const int MaxResultRows = 10_000;
    private const int PageSize = 4096;
    private const int MaxPages = 64 * 1024 * 1024 / PageSize;
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(10);

    public sealed record Result(JsonElement? Display, string? Error);

    public static async Task<Result> BuildAsync(string initSql, string refSql, string mode, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"PRAGMA page_size = {PageSize}; PRAGMA max_page_count = {MaxPages};", CancellationToken.None);

        if (await TryRunAsync(connection, initSql, cancellationToken) is { } initError)
        {
            return new Result(null, "初始化脚本执行失败: " + initError);
        }

        var before = await SnapshotAsync(connection, cancellationToken);
        var display = new JsonObject { ["tables"] = new JsonArray([.. before.Select(t => t.ToJson(dropped: null))]) };
        if (mode == "modify")
        {
            if (await TryRunAsync(connection, refSql, cancellationToken) is { } refError)
            {
                return new Result(null, "标准答案执行失败: " + refError);
            }

            var after = await SnapshotAsync(connection, cancellationToken);
            var changed = ChangedTables(before, after);
            if (changed.Count == 0)
            {
                return new Result(null, "标准答案未修改任何表数据，请检查题目配置");
            }

            display["expected"] = new JsonObject { ["changed_tables"] = new JsonArray([.. changed]) };
        }
        else
        {
            var (expected, error) = await RunQueryAsync(connection, refSql, cancellationToken);
            if (error is not null)
            {
                return new Result(null, error);
            }

            display["expected"] = expected;
        }

        return new Result(JsonSerializer.SerializeToElement(display), null);
    }

    private sealed record TableDump(string Name, List<(string Name, string Type)> Columns, List<JsonArray> Rows)
    {
        public string Content => string.Join('\n', Rows.Select(r => r.ToJsonString()));

        public JsonObject ToJson(bool? dropped)
        {
            var json = new JsonObject
            {
                ["name"] = Name,
                ["columns"] = new JsonArray([.. Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type })]),
                ["rows"] = new JsonArray([.. Rows.Take(DisplayRows).Select(r => (JsonNode)r.DeepClone())]),
                ["total_rows"] = Rows.Count,
                ["truncated"] = Rows.Count > DisplayRows,
            };
            if (dropped is not null)
            {
                json["dropped"] = dropped.Value;
            }

            return json;
        }
    }

    private static List<JsonNode> ChangedTables(List<TableDump> before, List<TableDump> after)
    {
        var changed = new List<JsonNode>();
        var afterByName = after.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var table in after)
        {
            var previous = before.FirstOrDefault(t => t.Name == table.Name);
            if (previous is null || previous.Content != table.Content || !previous.Columns.SequenceEqual(table.Columns))
            {
                changed.Add(table.ToJson(dropped: false));
            }
        }

        foreach (var table in before.Where(t => !afterByName.ContainsKey(t.Name)))
        {
            changed.Add(new TableDump(table.Name, table.Columns, []).ToJson(dropped: true));
        }

        return changed;
    }

    private static async Task<List<TableDump>> SnapshotAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new List<TableDump>();
        foreach (var name in names)
        {
            var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var columns = new List<(string, string)>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"PRAGMA table_info({quoted})";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    columns.Add((reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2)));
                }
            }

            var rows = new List<JsonArray>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT * FROM {quoted}";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(RowOf(reader));
                }
            }

            tables.Add(new TableDump(name, columns, rows));
        }

        return tables;
    }

    private static async Task<(JsonObject? Expected, string? Error)> RunQueryAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ScriptTimeout);
        await using var registration = timeout.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
            JsonObject? last = null;
            do
            {
                if (reader.FieldCount == 0)
                {
                    continue;
                }

                var columns = new JsonArray([.. Enumerable.Range(0, reader.FieldCount).Select(i => (JsonNode)new JsonObject { ["name"] = reader.GetName(i) })]);
                var rows = new JsonArray();
                var total = 0;
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    if (++total > MaxResultRows)
                    {
                        return (null, $"标准答案结果超过 {MaxResultRows} 行");
                    }

                    if (total <= DisplayRows)
                    {
                        rows.Add(RowOf(reader));
                    }
                }

                last = new JsonObject { ["columns"] = columns, ["rows"] = rows, ["total_rows"] = total, ["truncated"] = total > DisplayRows };
            }
            while (await reader.NextResultAsync(CancellationToken.None));

            return last is null ? (null, "标准答案未产生查询结果集") : (last, null);
        }
        catch (SqliteException exception)
        {
            return (null, "标准答案执行失败: " + (timeout.IsCancellationRequested ? "超时" : exception.Message));
        }
    }

    private static async Task<string?> TryRunAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ScriptTimeout);
        await using var registration = timeout.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        try
        {
            await ExecuteAsync(connection, sql, CancellationToken.None);
            return null;
        }
        catch (SqliteException exception)
        {
            return timeout.IsCancellationRequested ? "超时" : exception.Message;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static JsonArray RowOf(SqliteDataReader reader)
    {
        var row = new JsonArray();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row.Add(reader.IsDBNull(i) ? null : reader.GetValue(i) switch
            {
                long l => JsonValue.Create(l),
                double d => JsonValue.Create(d),
                byte[] bytes => JsonValue.Create(Convert.ToHexStringLower(bytes)),
                var other => JsonValue.Create(Convert.ToString(other, CultureInfo.InvariantCulture)),
            });
        }

        return row;
    }
}

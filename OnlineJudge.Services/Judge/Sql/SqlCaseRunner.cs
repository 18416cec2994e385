using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Services.Judge.Sql;

/// <summary>A problem-configuration failure of SQL judging: the submission gets System Error with this message.</summary>
public sealed class SqlSetupException(string message) : Exception(message);

/// <summary>One test case's outcome, in the shape of a JudgeServer case plus <c>error_message</c> (judge.md §5.2).</summary>
public sealed record SqlCaseResult(int Result, int ElapsedMilliseconds, string? ErrorMessage);

/// <summary>
/// Judges one SQL test case (judge.md §5.2): the reference answer and the student's SQL each run after the case's init
/// script in a fresh in-memory SQLite database limited to the problem's memory; the student's run has the problem's
/// time limit and an authorizer (never ATTACH/DETACH/PRAGMA; in query mode only reads). Query mode compares the last
/// result sets, modify mode the final content of every table; values carry type tags (NULL ≠ 'NULL', 1 = 1.0, floats
/// to 6 significant digits).
/// </summary>
public static class SqlCaseRunner
{
    public const int RowLimit = 10_000;
    private const int MessageLimit = 200;

    private const int SqliteOk = 0;
    private const int SqliteDeny = 1;
    private const int SqlitePragma = 19;
    private const int SqliteRead = 20;
    private const int SqliteSelect = 21;
    private const int SqliteTransaction = 22;
    private const int SqliteAttach = 24;
    private const int SqliteDetach = 25;
    private const int SqliteFunction = 31;
    private const int SqliteSavepoint = 32;
    private const int SqliteRecursive = 33;

    private static readonly string[] SyntaxMarkers = ["syntax error", "unrecognized token", "incomplete input"];

    public static SqlCaseResult Run(string initSql, string referenceSql, string studentSql, string mode, bool orderSensitive, int timeLimitMs,
        int memoryLimitMb, CancellationToken cancellationToken)
    {
        var trustedLimit = TimeSpan.FromMilliseconds(Math.Max(timeLimitMs * 5.0, 10_000));
        Snapshot expected;
        using (var reference = Open(memoryLimitMb))
        {
            RunTrusted(reference, initSql, trustedLimit, "初始化脚本执行失败", cancellationToken);
            var answer = RunTrusted(reference, referenceSql, trustedLimit, "标准答案执行失败", cancellationToken);
            if (mode == SqlProblemMode.Query)
            {
                expected = answer ?? throw new SqlSetupException("标准答案未产生查询结果集");
            }
            else
            {
                try
                {
                    expected = DumpTables(reference);
                }
                catch (SqlCaseException exception)
                {
                    throw new SqlSetupException("标准答案结果超出限制: " + exception.Message);
                }
            }
        }

        using var student = Open(memoryLimitMb);
        RunTrusted(student, initSql, trustedLimit, "初始化脚本执行失败", cancellationToken);
        var clock = Stopwatch.StartNew();
        Snapshot? actual;
        try
        {
            actual = RunStudent(student, studentSql, mode, TimeSpan.FromMilliseconds(timeLimitMs), cancellationToken);
        }
        catch (SqlCaseException exception)
        {
            return new SqlCaseResult(exception.Result, (int)clock.ElapsedMilliseconds, exception.Message);
        }

        var elapsed = (int)clock.ElapsedMilliseconds;
        if (actual is null)
        {
            return new SqlCaseResult(JudgeStatus.WrongAnswer, elapsed, "提交的 SQL 未产生查询结果集");
        }

        return new SqlCaseResult(expected.Matches(actual, orderSensitive && mode == SqlProblemMode.Query) ? JudgeStatus.Accepted : JudgeStatus.WrongAnswer,
            elapsed, null);
    }

    private static SqliteConnection Open(int memoryLimitMb)
    {
        var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA page_size = 4096; PRAGMA max_page_count = {Math.Max(memoryLimitMb, 1) * 256};";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>A trusted script (init, reference answer); any failure is the problem's fault.</summary>
    private static Snapshot? RunTrusted(SqliteConnection connection, string sql, TimeSpan limit, string prefix, CancellationToken cancellationToken)
    {
        try
        {
            return Execute(connection, sql, limit, cancellationToken);
        }
        catch (SqlCaseException exception)
        {
            throw new SqlSetupException($"{prefix}: {exception.Message}");
        }
        catch (SqliteException exception)
        {
            throw new SqlSetupException($"{prefix}: {(IsInterrupt(exception) ? "超时" : Truncate(exception.Message))}");
        }
    }

    private static Snapshot? RunStudent(SqliteConnection connection, string sql, string mode, TimeSpan limit, CancellationToken cancellationToken)
    {
        string? deniedHint = null;
        SQLitePCL.strdelegate_authorizer authorizer = (_, action, _, _, _, _) =>
        {
            if (action is SqliteAttach or SqliteDetach or SqlitePragma)
            {
                deniedHint = "禁止使用 ATTACH/DETACH/PRAGMA 等数据库管理语句";
                return SqliteDeny;
            }

            if (mode == SqlProblemMode.Query
                && action is not (SqliteSelect or SqliteRead or SqliteFunction or SqliteRecursive or SqliteTransaction or SqliteSavepoint))
            {
                deniedHint = "本题为查询题，禁止修改数据或表结构（INSERT/UPDATE/DELETE/CREATE 等）";
                return SqliteDeny;
            }

            return SqliteOk;
        };
        SQLitePCL.raw.sqlite3_set_authorizer(connection.Handle, authorizer, null);
        Snapshot? last;
        try
        {
            last = Execute(connection, sql, limit, cancellationToken);
        }
        catch (SqliteException exception)
        {
            var message = exception.Message;
            if (IsInterrupt(exception))
            {
                throw new SqlCaseException(JudgeStatus.CpuTimeLimitExceeded, "SQL 执行超时");
            }

            if (message.Contains("database or disk is full", StringComparison.Ordinal))
            {
                throw new SqlCaseException(JudgeStatus.MemoryLimitExceeded, "数据量超出内存限制");
            }

            if (message.Contains("not authorized", StringComparison.Ordinal) || message.Contains("prohibited", StringComparison.Ordinal))
            {
                throw new SqlCaseException(JudgeStatus.RuntimeError, deniedHint ?? "本题禁止使用该语句");
            }

            throw new SqlCaseException(SyntaxMarkers.Any(m => message.Contains(m, StringComparison.Ordinal)) ? JudgeStatus.CompileError : JudgeStatus.RuntimeError,
                Truncate(message));
        }
        finally
        {
            SQLitePCL.raw.sqlite3_set_authorizer(connection.Handle, (SQLitePCL.strdelegate_authorizer?)null, null);
        }

        return mode == SqlProblemMode.Query ? last : DumpTables(connection);
    }

    /// <summary>Runs a script; returns the last result set it produced, or null.</summary>
    private static Snapshot? Execute(SqliteConnection connection, string sql, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        using var registration = deadline.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Snapshot? last = null;
        do
        {
            if (reader.FieldCount == 0)
            {
                continue;
            }

            var rows = new List<string[]>();
            while (reader.Read())
            {
                if (rows.Count == RowLimit)
                {
                    throw new SqlCaseException(JudgeStatus.MemoryLimitExceeded, $"查询结果超过 {RowLimit} 行");
                }

                rows.Add(RowOf(reader));
            }

            last = Snapshot.OfResult(reader.FieldCount, rows);
        }
        while (reader.NextResult());

        cancellationToken.ThrowIfCancellationRequested();
        return last;
    }

    private static Snapshot DumpTables(SqliteConnection connection)
    {
        var names = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new SortedDictionary<string, (int Columns, List<string[]> Rows)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var reader = command.ExecuteReader();
            var rows = new List<string[]>();
            while (reader.Read())
            {
                if (rows.Count == RowLimit)
                {
                    throw new SqlCaseException(JudgeStatus.MemoryLimitExceeded, $"表 {name} 超过 {RowLimit} 行");
                }

                rows.Add(RowOf(reader));
            }

            tables[name] = (reader.FieldCount, rows);
        }

        return Snapshot.OfTables(tables);
    }

    /// <summary>A row as type-tagged canonical values.</summary>
    private static string[] RowOf(SqliteDataReader reader)
    {
        var row = new string[reader.FieldCount];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = reader.IsDBNull(i) ? "null" : reader.GetValue(i) switch
            {
                long whole => "num:" + whole.ToString(CultureInfo.InvariantCulture),
                double real when real == Math.Floor(real) && Math.Abs(real) < 9007199254740992d => "num:" + ((long)real).ToString(CultureInfo.InvariantCulture),
                double real => "num:" + real.ToString("G6", CultureInfo.InvariantCulture),
                byte[] bytes => "blob:" + Convert.ToHexStringLower(bytes),
                var other => "str:" + Convert.ToString(other, CultureInfo.InvariantCulture),
            };
        }

        return row;
    }

    private static bool IsInterrupt(SqliteException exception) =>
        exception.SqliteErrorCode == 9 || exception.Message.Contains("interrupted", StringComparison.Ordinal);

    private static string Truncate(string message) => message.Length > MessageLimit ? message[..MessageLimit] + "..." : message;

    private sealed class SqlCaseException(int result, string message) : Exception(message)
    {
        public int Result { get; } = result;
    }

    /// <summary>What is compared: one result set (column count, rows) or every table (name → column count, rows).</summary>
    private sealed class Snapshot
    {
        private readonly List<string> parts = [];
        private List<string> rows = [];

        public static Snapshot OfResult(int columns, List<string[]> rows)
        {
            var snapshot = new Snapshot();
            snapshot.parts.Add("columns:" + columns.ToString(CultureInfo.InvariantCulture));
            snapshot.rows = [.. rows.Select(Encode)];
            return snapshot;
        }

        public static Snapshot OfTables(SortedDictionary<string, (int Columns, List<string[]> Rows)> tables)
        {
            var snapshot = new Snapshot();
            foreach (var (name, table) in tables)
            {
                var sorted = table.Rows.Select(Encode).Order(StringComparer.Ordinal);
                snapshot.parts.Add($"{Encode([name])}:{table.Columns}:{string.Join('\n', sorted)}");
            }

            return snapshot;
        }

        public bool Matches(Snapshot other, bool ordered)
        {
            if (!parts.SequenceEqual(other.parts) || rows.Count != other.rows.Count)
            {
                return false;
            }

            return ordered
                ? rows.SequenceEqual(other.rows)
                : rows.Order(StringComparer.Ordinal).SequenceEqual(other.rows.Order(StringComparer.Ordinal));
        }

        private static string Encode(string[] row) => System.Text.Json.JsonSerializer.Serialize(row);
    }
}

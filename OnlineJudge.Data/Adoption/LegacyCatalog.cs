using System.Data.Common;

namespace OnlineJudge.Data.Adoption;

public sealed record CatalogColumn(string Table, string Name, string DataType, int? MaxLength, bool IsNullable, string? Default);

/// <summary>An index of the <c>public</c> schema; <see cref="Constraint"/> names the constraint it backs (primary key, unique), if any.</summary>
public sealed record CatalogIndex(string Name, string Table, bool IsUnique, string Definition, string? Constraint, char ConstraintType)
{
    /// <summary>What follows <c>USING btree</c> in the definition: the key list and any predicate, e.g. <c>(a, b DESC) WHERE (c IS NOT NULL)</c>.</summary>
    public string Shape => Definition[(Definition.IndexOf(" USING ", StringComparison.Ordinal) + 1)..];
}

/// <summary>A foreign key on one column; <see cref="DeleteRule"/> is <c>pg_constraint.confdeltype</c> (<c>a</c> no action, <c>c</c> cascade, <c>n</c> set null).</summary>
public sealed record CatalogForeignKey(string Name, string Table, string Column, string PrincipalTable, char DeleteRule);

/// <summary>What the <c>public</c> schema of the database holds, read from PostgreSQL's catalogs.</summary>
public sealed class LegacyCatalog
{
    public HashSet<string> Tables { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Table, string Column), CatalogColumn> Columns { get; } = [];

    public Dictionary<string, CatalogIndex> Indexes { get; } = new(StringComparer.Ordinal);

    public List<CatalogForeignKey> ForeignKeys { get; } = [];

    public Dictionary<string, string> PrimaryKeys { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Constraints { get; } = new(StringComparer.Ordinal);

    public bool HasColumn(string table, string column) => Columns.ContainsKey((table, column));

    public static async Task<LegacyCatalog> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var catalog = new LegacyCatalog();
        await ReadAsync(connection, transaction, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            """, r => catalog.Tables.Add(r.GetString(0)), cancellationToken);
        await ReadAsync(connection, transaction, """
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable = 'YES', column_default
            FROM information_schema.columns WHERE table_schema = 'public'
            """, r =>
        {
            var column = new CatalogColumn(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3),
                r.GetBoolean(4), r.IsDBNull(5) ? null : r.GetString(5));
            catalog.Columns[(column.Table, column.Name)] = column;
        }, cancellationToken);
        await ReadAsync(connection, transaction, """
            SELECT i.relname, t.relname, x.indisunique, pg_get_indexdef(x.indexrelid), con.conname, COALESCE(con.contype, ' ')
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.contype IN ('p', 'u')
            WHERE n.nspname = 'public'
            """, r =>
        {
            var index = new CatalogIndex(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetChar(5));
            catalog.Indexes[index.Name] = index;
            if (index.ConstraintType == 'p')
            {
                catalog.PrimaryKeys[index.Table] = index.Constraint!;
            }
        }, cancellationToken);
        await ReadAsync(connection, transaction, """
            SELECT con.conname, t.relname, a.attname, p.relname, con.confdeltype, con.contype, cardinality(con.conkey)
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class p ON p.oid = con.confrelid
            LEFT JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
            WHERE n.nspname = 'public'
            """, r =>
        {
            catalog.Constraints.Add(r.GetString(0));
            if (r.GetChar(5) == 'f' && r.GetInt32(6) == 1)
            {
                catalog.ForeignKeys.Add(new CatalogForeignKey(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetChar(4)));
            }
        }, cancellationToken);
        return catalog;
    }

    private static async Task ReadAsync(DbConnection connection, DbTransaction? transaction, string sql, Action<DbDataReader> row,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }
}

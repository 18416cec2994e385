using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace OnlineJudge.Data.Adoption;

/// <summary>One statement of an adoption. <see cref="MayFail"/>: run in a savepoint; a failure is reported, not fatal.</summary>
public sealed record AdoptionStep(string Description, string Sql, bool MayFail = false);

/// <summary>
/// Turns the operations of our baseline migrations into the statements that bring an existing database of the
/// reference (or its upstream) to the same schema without touching a row: tables it lacks are created, columns added
/// (a NOT NULL column gets a value for existing rows through a temporary default), defaults set, narrower text columns
/// widened, equivalent indexes and keys renamed to our names, foreign keys replaced by ours (with their cascades), and
/// missing indexes created. Anything already in place produces no statement, so a second run plans nothing.
/// </summary>
public sealed partial class AdoptionPlanner(IMigrationsSqlGenerator generator, ISqlGenerationHelper sql, IRelationalTypeMappingSource types)
{
    /// <summary>
    /// Defaults for NOT NULL columns of the old schemas that our model dropped: without one, our inserts would fail.
    /// Values are what the old site stored for the same meaning (every contest and problem is ACM here).
    /// </summary>
    private static readonly Dictionary<(string Table, string Column), string> LegacyDefaults = new()
    {
        [("contest", "rule_type")] = "'ACM'",
        [("contest", "real_time_rank")] = "true",
        [("problem", "rule_type")] = "'ACM'",
        [("problem", "io_mode")] = """'{"io_mode": "Standard IO", "input": "input.txt", "output": "output.txt"}'::jsonb""",
        [("problem", "spj")] = "false",
        [("problem", "spj_compile_ok")] = "false",
        [("problem", "total_score")] = "0",
        [("user", "two_factor_auth")] = "false",
        [("user_profile", "oi_problems_status")] = "'{}'::jsonb",
        [("user_profile", "total_score")] = "0",
    };

    public List<AdoptionStep> Plan(IEnumerable<MigrationOperation> operations, LegacyCatalog catalog)
    {
        var steps = new List<AdoptionStep>();
        var ourColumns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation table when !catalog.Tables.Contains(table.Name):
                    steps.Add(new AdoptionStep($"create table {table.Name}", Generate(table)));
                    break;
                case CreateTableOperation table:
                    ourColumns[table.Name] = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                    PlanExistingTable(table, catalog, steps);
                    break;
                case CreateIndexOperation index:
                    PlanIndex(index, catalog, steps);
                    break;
                case SqlOperation raw:
                    PlanSql(raw, catalog, steps);
                    break;
                default:
                    throw new NotSupportedException(
                        $"adopt does not know how to apply {operation.GetType().Name}: teach AdoptionPlanner, or leave that migration out of the baseline");
            }
        }

        foreach (var (table, columns) in ourColumns)
        {
            PlanLegacyColumns(table, columns, catalog, steps);
        }

        return steps;
    }

    private void PlanExistingTable(CreateTableOperation table, LegacyCatalog catalog, List<AdoptionStep> steps)
    {
        foreach (var column in table.Columns)
        {
            if (catalog.Columns.TryGetValue((table.Name, column.Name), out var existing))
            {
                PlanExistingColumn(table.Name, column, existing, steps);
            }
            else
            {
                PlanNewColumn(table.Name, column, steps);
            }
        }

        if (table.PrimaryKey is { } primaryKey && catalog.PrimaryKeys.TryGetValue(table.Name, out var currentKey) && currentKey != primaryKey.Name)
        {
            steps.Add(new AdoptionStep($"rename primary key {currentKey} of {table.Name} to {primaryKey.Name}",
                $"ALTER TABLE {Name(table.Name)} RENAME CONSTRAINT {Name(currentKey)} TO {Name(primaryKey.Name)};"));
        }

        foreach (var foreignKey in table.ForeignKeys)
        {
            PlanForeignKey(foreignKey, catalog, steps);
        }
    }

    private void PlanNewColumn(string table, AddColumnOperation column, List<AdoptionStep> steps)
    {
        var add = new AddColumnOperation
        {
            Table = table,
            Name = column.Name,
            ClrType = column.ClrType,
            ColumnType = column.ColumnType,
            IsNullable = column.IsNullable,
            MaxLength = column.MaxLength,
            DefaultValue = column.DefaultValue,
            DefaultValueSql = column.DefaultValueSql,
        };
        var temporaryDefault = !column.IsNullable && column.DefaultValue is null && column.DefaultValueSql is null;
        if (temporaryDefault)
        {
            // Existing rows need a value; the default goes away again so the column ends as ours.
            add.DefaultValueSql = EmptyValueOf(column.ColumnType ?? "text");
        }

        var statement = Generate(add);
        if (temporaryDefault)
        {
            statement += $"\nALTER TABLE {Name(table)} ALTER COLUMN {Name(column.Name)} DROP DEFAULT;";
        }

        steps.Add(new AdoptionStep($"add column {table}.{column.Name}", statement));
    }

    private void PlanExistingColumn(string table, AddColumnOperation column, CatalogColumn existing, List<AdoptionStep> steps)
    {
        if (existing.Default is null && DefaultSqlOf(column) is { } defaultSql)
        {
            steps.Add(new AdoptionStep($"set default of {table}.{column.Name}",
                $"ALTER TABLE {Name(table)} ALTER COLUMN {Name(column.Name)} SET DEFAULT {defaultSql};"));
        }

        if (existing is { DataType: "character varying", MaxLength: { } length } && column.ColumnType is { } type
            && VarcharLength().Match(type) is { Success: true } match && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > length)
        {
            steps.Add(new AdoptionStep($"widen {table}.{column.Name} to {type}",
                $"ALTER TABLE {Name(table)} ALTER COLUMN {Name(column.Name)} TYPE {type};"));
        }
    }

    /// <summary>
    /// Ours replaces the old key on the same column (Django's are deferrable and never cascade): the rows satisfied the
    /// old one, so they satisfy ours. A column without key gets ours only when no row points nowhere (checked in SQL).
    /// </summary>
    private void PlanForeignKey(AddForeignKeyOperation foreignKey, LegacyCatalog catalog, List<AdoptionStep> steps)
    {
        var column = foreignKey.Columns.Single();
        var rule = foreignKey.OnDelete switch
        {
            ReferentialAction.Cascade => 'c',
            ReferentialAction.SetNull => 'n',
            ReferentialAction.Restrict => 'r',
            ReferentialAction.SetDefault => 'd',
            _ => 'a',
        };
        var current = catalog.ForeignKeys.Where(k => k.Table == foreignKey.Table && k.Column == column).ToList();
        if (current.Any(k => k.Name == foreignKey.Name && k.DeleteRule == rule && k.PrincipalTable == foreignKey.PrincipalTable))
        {
            return;
        }

        var drops = string.Concat(current.Select(k => $"ALTER TABLE {Name(k.Table)} DROP CONSTRAINT {Name(k.Name)};\n"));
        steps.Add(new AdoptionStep($"foreign key {foreignKey.Name} ({foreignKey.Table}.{column} → {foreignKey.PrincipalTable}, on delete {foreignKey.OnDelete})",
            drops + Generate(foreignKey), MayFail: current.Count == 0));
    }

    /// <summary>An index we name is created, unless the old schema has the same one under another name: that one is renamed.</summary>
    private void PlanIndex(CreateIndexOperation index, LegacyCatalog catalog, List<AdoptionStep> steps)
    {
        if (catalog.Indexes.ContainsKey(index.Name))
        {
            return;
        }

        var create = Generate(index);
        var wanted = ShapeOf(create);
        var twin = catalog.Indexes.Values.FirstOrDefault(i => i.Table == index.Table && i.IsUnique == index.IsUnique
                                                              && i.ConstraintType != 'p' && i.Shape == wanted);
        if (twin is null)
        {
            steps.Add(new AdoptionStep($"create index {index.Name} on {index.Table}", create, MayFail: index.IsUnique));
        }
        else if (twin.Constraint is { } constraint)
        {
            catalog.Indexes.Remove(twin.Name);
            catalog.Indexes[index.Name] = twin with { Name = index.Name, Constraint = index.Name };
            steps.Add(new AdoptionStep($"rename unique constraint {constraint} of {index.Table} to {index.Name}",
                $"ALTER TABLE {Name(index.Table)} RENAME CONSTRAINT {Name(constraint)} TO {Name(index.Name)};"));
        }
        else
        {
            catalog.Indexes.Remove(twin.Name);
            catalog.Indexes[index.Name] = twin with { Name = index.Name };
            steps.Add(new AdoptionStep($"rename index {twin.Name} of {index.Table} to {index.Name}",
                $"ALTER INDEX {Name(twin.Name)} RENAME TO {Name(index.Name)};"));
        }
    }

    /// <summary>Raw SQL of the baseline is index creation; it runs unless an index of that name exists.</summary>
    private static void PlanSql(SqlOperation raw, LegacyCatalog catalog, List<AdoptionStep> steps)
    {
        var match = CreateIndexSql().Match(raw.Sql);
        if (match.Success && catalog.Indexes.ContainsKey(match.Groups[2].Value.Trim('"')))
        {
            return;
        }

        var description = match.Success ? $"create index {match.Groups[2].Value.Trim('"')}" : "run " + raw.Sql.Split('\n')[0];
        steps.Add(new AdoptionStep(description, raw.Sql, MayFail: true));
    }

    /// <summary>Columns of the old schema that our model does not map: a NOT NULL one without default gets one.</summary>
    private void PlanLegacyColumns(string table, HashSet<string> ours, LegacyCatalog catalog, List<AdoptionStep> steps)
    {
        foreach (var column in catalog.Columns.Values.Where(c => c.Table == table && !ours.Contains(c.Name) && !c.IsNullable && c.Default is null)
                     .OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var value = LegacyDefaults.GetValueOrDefault((table, column.Name)) ?? EmptyValueOf(column.DataType);
            steps.Add(new AdoptionStep($"old column {table}.{column.Name} (not used here) defaults to {value}",
                $"ALTER TABLE {Name(table)} ALTER COLUMN {Name(column.Name)} SET DEFAULT {value};"));
        }
    }

    private string? DefaultSqlOf(ColumnOperation column)
    {
        if (column.DefaultValueSql is { } defaultSql)
        {
            return defaultSql;
        }

        return column.DefaultValue is { } value ? types.FindMapping(value.GetType())!.GenerateSqlLiteral(value) : null;
    }

    /// <summary>The value a new NOT NULL column gets in existing rows, by store type.</summary>
    private static string EmptyValueOf(string storeType) => storeType switch
    {
        "boolean" => "false",
        "jsonb" or "json" => "'{}'::jsonb",
        "integer" or "bigint" or "smallint" or "double precision" or "numeric" or "real" => "0",
        _ when storeType.StartsWith("timestamp", StringComparison.Ordinal) => "now()",
        _ => "''",
    };

    private string Generate(MigrationOperation operation) =>
        string.Join("\n", generator.Generate([operation]).Select(c => c.CommandText.Trim()));

    private string Name(string identifier) => sql.DelimitIdentifier(identifier);

    /// <summary>The part of a CREATE INDEX statement that pg_get_indexdef prints after the index name and table.</summary>
    private static string ShapeOf(string createIndex)
    {
        var match = IndexShape().Match(createIndex);
        var keys = match.Groups[1].Value.Replace("\"", "", StringComparison.Ordinal);
        var predicate = match.Groups[2].Success ? $" WHERE ({match.Groups[2].Value.Trim().TrimEnd(';')})" : "";
        return $"USING btree ({keys}){predicate}";
    }

    [GeneratedRegex(@"^character varying\((\d+)\)$")]
    private static partial Regex VarcharLength();

    [GeneratedRegex(@"CREATE\s+(UNIQUE\s+)?INDEX\s+(\S+)\s+ON", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndexSql();

    [GeneratedRegex(@"\((.*?)\)(?:\s+WHERE\s+(.*))?;?\s*$", RegexOptions.Singleline)]
    private static partial Regex IndexShape();
}

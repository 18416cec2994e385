using System.Data.Common;

namespace OnlineJudge.Data.Adoption;

/// <summary>
/// What an adopted database holds that this server does not carry over, in plain words (read only; nothing is
/// deleted): OI contests and OI scoring, special judges, file I/O, two-factor logins, the old sessions, submissions
/// still waiting for a verdict, and the tables and columns of the old schema this server does not read.
/// </summary>
public static class LegacyDataAudit
{
    private static readonly HashSet<string> DjangoTables = new(StringComparer.Ordinal)
    {
        "auth_group", "auth_group_permissions", "auth_permission", "django_content_type", "django_migrations", "django_session",
        "django_dramatiq_task", "__EFMigrationsHistory",
    };

    public static async Task<(List<string> Notes, List<LegacyTestCase> TestCases)> ReadAsync(DbConnection connection, LegacyCatalog catalog,
        HashSet<string> ourTables, HashSet<(string Table, string Column)> ourColumns, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        if (catalog.HasColumn("contest", "rule_type"))
        {
            var oiRanks = catalog.Tables.Contains("oi_contest_rank") ? "(SELECT count(*) FROM oi_contest_rank r WHERE r.contest_id = c.id)" : "0";
            foreach (var row in await RowsAsync(connection, $"SELECT c.id, c.title, {oiRanks} FROM contest c WHERE c.rule_type = 'OI' ORDER BY c.id", cancellationToken))
            {
                notes.Add($"Contest {row[0]} \"{row[1]}\" is an OI contest. This server (like the reference since it removed OI) has ACM contests only: " +
                          $"the contest, its problems and submissions are kept and shown with the ACM rules, but its OI scores ({row[2]} rank rows of oi_contest_rank) are not shown.");
            }
        }

        if (catalog.HasColumn("problem", "rule_type"))
        {
            await NoteProblemsAsync(connection, "p.rule_type = 'OI' AND (p.contest_id IS NULL OR c.rule_type <> 'OI')",
                "use OI scoring; they are judged and counted as ACM problems (accepted or not; scores per test case are not used)", notes, cancellationToken);
        }

        if (catalog.HasColumn("problem", "spj"))
        {
            await NoteProblemsAsync(connection, "p.spj",
                "use a special judge, which this server's judge does not run: their submissions get an error until their test cases are changed to plain output comparison",
                notes, cancellationToken);
        }

        if (catalog.HasColumn("problem", "io_mode"))
        {
            await NoteProblemsAsync(connection, "p.io_mode->>'io_mode' IS DISTINCT FROM 'Standard IO'",
                "read and write files (File IO); this server judges every problem with standard input and output", notes, cancellationToken);
        }

        if (catalog.HasColumn("user", "two_factor_auth"))
        {
            var users = await RowsAsync(connection, "SELECT username FROM \"user\" WHERE two_factor_auth ORDER BY id", cancellationToken);
            if (users.Count > 0)
            {
                notes.Add($"{users.Count} user(s) had two-factor login turned on ({string.Join(", ", users.Select(u => u[0]))}): this server has none, they sign in with their password alone.");
            }
        }

        notes.Add("Signed-in sessions of the old site are not carried over (they lived in its cache): everyone signs in again, with the same username and password.");

        // The reference's inituser makes root without one, and so does its user generator.
        var noEmail = await RowsAsync(connection, "SELECT username FROM \"user\" WHERE coalesce(email, '') = '' AND NOT is_disabled ORDER BY id", cancellationToken);
        if (noEmail.Count > 0)
        {
            var names = string.Join(", ", noEmail.Take(20).Select(u => u[0])) + (noEmail.Count > 20 ? ", …" : "");
            notes.Add($"{noEmail.Count} user(s) have no e-mail address ({names}): the client (ojnext) takes a user without one for a signed-out visitor, " +
                      "so they cannot use the site until they have one. Give each an e-mail: `inituser --username U --password P --action reset_password --email E`, " +
                      "or an admin edits the user in the admin user list.");
        }

        var waiting = await RowsAsync(connection, "SELECT count(*) FROM submission WHERE result IN (6, 7)", cancellationToken);
        if (Convert.ToInt64(waiting[0][0], System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            notes.Add($"{waiting[0][0]} submission(s) were still waiting for a verdict on the old site; they stay Pending until an admin rejudges them.");
        }

        var unused = catalog.Tables.Where(t => !ourTables.Contains(t) && !DjangoTables.Contains(t)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
        {
            notes.Add($"Tables of the old site this server does not read, left as they are: {string.Join(", ", unused)}.");
        }

        var oldColumns = catalog.Columns.Keys.Where(k => ourTables.Contains(k.Table) && !ourColumns.Contains(k))
            .Select(k => $"{k.Table}.{k.Column}").Order(StringComparer.Ordinal).ToList();
        if (oldColumns.Count > 0)
        {
            notes.Add($"Columns of the old site this server does not read, kept with their values: {string.Join(", ", oldColumns)}.");
        }

        var testCases = (await RowsAsync(connection, """
                SELECT CASE WHEN p.contest_id IS NULL THEN p._id ELSE p._id || ' (contest ' || p.contest_id || ')' END, p.test_case_id
                FROM problem p WHERE coalesce(p.test_case_id, '') <> '' ORDER BY p.id
                """, cancellationToken))
            .Select(r => new LegacyTestCase((string)r[0], (string)r[1])).ToList();
        return (notes, testCases);
    }

    private static async Task NoteProblemsAsync(DbConnection connection, string condition, string what, List<string> notes, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(connection, $"""
            SELECT CASE WHEN p.contest_id IS NULL THEN p._id ELSE p._id || ' (contest ' || p.contest_id || ')' END
            FROM problem p LEFT JOIN contest c ON c.id = p.contest_id WHERE {condition} ORDER BY p.id
            """, cancellationToken);
        if (rows.Count > 0)
        {
            notes.Add($"{rows.Count} problem(s) {what}: {string.Join(", ", rows.Select(r => r[0]))}.");
        }
    }

    private static async Task<List<object[]>> RowsAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }
}

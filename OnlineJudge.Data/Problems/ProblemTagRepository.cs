using Npgsql;
using NpgsqlTypes;

namespace OnlineJudge.Data.Problems;

/// <summary>Problem tags: the student tag list, tag management and batch tagging (problem.md §1.1, §2.8–§2.11).</summary>
public class ProblemTagRepository(OnlineJudgeDbContext db)
{
    /// <summary>Tags attached to at least one problem, optionally filtered by a case-insensitive substring.</summary>
    public Task<List<TagDto>> ListUsedTagsAsync(string? keyword, CancellationToken cancellationToken)
    {
        var query = db.ProblemTags.Where(t => db.ProblemTagLinks.Any(l => l.ProblemTagId == t.Id));
        if (!string.IsNullOrEmpty(keyword))
        {
            var lowered = keyword.ToLowerInvariant();
            query = query.Where(t => t.Name.ToLower().Contains(lowered));
        }

        return query.OrderBy(t => t.Id).Select(t => new TagDto(t.Id, t.Name)).ToListAsync(cancellationToken);
    }

    public async Task<List<TagAdminDto>> ListTagsWithCountsAsync(string? keyword, CancellationToken cancellationToken)
    {
        var query = db.ProblemTags.AsQueryable();
        if (!string.IsNullOrEmpty(keyword))
        {
            var lowered = keyword.ToLowerInvariant();
            query = query.Where(t => t.Name.ToLower().Contains(lowered));
        }

        var rows = await query.Select(t => new { t.Id, t.Name, Count = db.ProblemTagLinks.Count(l => l.ProblemTagId == t.Id) })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new TagAdminDto(r.Id, r.Name, r.Count))];
    }

    public Task<TagDto?> FindTagAsync(int id, CancellationToken cancellationToken) =>
        db.ProblemTags.Where(t => t.Id == id).Select(t => new TagDto(t.Id, t.Name)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Another tag whose name equals <paramref name="name"/> case-insensitively.</summary>
    public async Task<TagDto?> FindOtherTagByNameAsync(int exceptId, string name, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<int>(
            "SELECT id AS \"Value\" FROM problem_tag WHERE lower(name) = lower(@name) AND id <> @id",
            new NpgsqlParameter("name", name), new NpgsqlParameter("id", exceptId)).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : await FindTagAsync(rows[0], cancellationToken);
    }

    public Task<int> RenameTagAsync(int id, string name, CancellationToken cancellationToken) =>
        db.ProblemTags.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, name), cancellationToken);

    /// <summary>
    /// Moves every problem of tag <paramref name="fromId"/> to <paramref name="toId"/> and deletes the former; returns the
    /// number of problems moved. Run it in a transaction (<see cref="Transactions.TransactionRunner"/>).
    /// </summary>
    public async Task<int> MergeTagAsync(int fromId, int toId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO problem_tags (problem_id, problemtag_id)
            SELECT problem_id, @to FROM problem_tags WHERE problemtag_id = @from
            ON CONFLICT (problem_id, problemtag_id) DO NOTHING
            """,
            [new NpgsqlParameter("to", toId), new NpgsqlParameter("from", fromId)], cancellationToken);
        var affected = await db.ProblemTagLinks.CountAsync(l => l.ProblemTagId == fromId, cancellationToken);
        await db.ProblemTags.Where(t => t.Id == fromId).ExecuteDeleteAsync(cancellationToken);
        return affected;
    }

    public Task<int> DeleteTagAsync(int id, CancellationToken cancellationToken) =>
        db.ProblemTags.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Resolves tag names as problem save does (problem.md §2.1): trimmed, blanks skipped, case-insensitive duplicates
    /// dropped, existing tags reused case-insensitively, missing ones created. Runs inside the caller's transaction if any.
    /// </summary>
    public async Task<List<int>> ResolveTagsAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var unique = UniqueNames(names);
        if (unique.Length == 0)
        {
            return [];
        }

        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO problem_tag (name) SELECT n FROM unnest(@names) WITH ORDINALITY AS u(n, i) ORDER BY i
            ON CONFLICT (lower(name)) DO NOTHING
            """, [NamesParameter(unique)], cancellationToken);
        return await IdsOfNamesAsync(unique, cancellationToken);
    }

    /// <summary>Existing tags matching the names case-insensitively (trimmed, blanks skipped).</summary>
    public async Task<List<int>> FindTagIdsByNamesAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var unique = UniqueNames(names);
        return unique.Length == 0 ? [] : await IdsOfNamesAsync(unique, cancellationToken);
    }

    /// <summary>Trimmed, blanks skipped, the first of case-insensitive duplicates kept.</summary>
    private static string[] UniqueNames(IEnumerable<string> names) =>
        [.. names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private Task<List<int>> IdsOfNamesAsync(string[] names, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>("SELECT id AS \"Value\" FROM problem_tag WHERE lower(name) IN (SELECT lower(n) FROM unnest(@names) AS u(n))",
            NamesParameter(names)).ToListAsync(cancellationToken);

    private static NpgsqlParameter NamesParameter(string[] names) => new("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = names };

    /// <summary>Public problems among <paramref name="ids"/> (only the owner's when <paramref name="ownerId"/> is set).</summary>
    public Task<List<int>> FilterPublicProblemIdsAsync(IReadOnlyCollection<int> ids, int? ownerId, CancellationToken cancellationToken)
    {
        var query = db.Problems.Where(p => p.ContestId == null && ids.Contains(p.Id));
        if (ownerId is { } owner)
        {
            query = query.Where(p => p.CreatedById == owner);
        }

        return query.Select(p => p.Id).ToListAsync(cancellationToken);
    }

    public async Task AddTagsAsync(IReadOnlyCollection<int> problemIds, IReadOnlyCollection<int> tagIds, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO problem_tags (problem_id, problemtag_id)
            SELECT p, t FROM unnest(@problems) AS p CROSS JOIN unnest(@tags) AS t
            ON CONFLICT (problem_id, problemtag_id) DO NOTHING
            """,
            [new NpgsqlParameter("problems", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = problemIds.ToArray() },
             new NpgsqlParameter("tags", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = tagIds.ToArray() }],
            cancellationToken);
    }

    public Task<int> RemoveTagsAsync(IReadOnlyCollection<int> problemIds, IReadOnlyCollection<int> tagIds, CancellationToken cancellationToken) =>
        db.ProblemTagLinks.Where(l => problemIds.Contains(l.ProblemId) && tagIds.Contains(l.ProblemTagId))
            .ExecuteDeleteAsync(cancellationToken);
}

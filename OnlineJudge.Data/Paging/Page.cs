namespace OnlineJudge.Data.Paging;

/// <summary>A paginated list as every list endpoint returns it: <c>{"results": [...], "total": n}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Results, int Total);

public static class PageQueryExtensions
{
    /// <summary>Counts the filtered query and fetches one slice of it, both in SQL. <paramref name="query"/> must be ordered.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        if (page.Limit == 0 || page.Offset >= total)
        {
            return new Page<T>([], total);
        }

        var results = await query.Skip(page.Offset).Take(page.Limit).ToListAsync(cancellationToken);
        return new Page<T>(results, total);
    }
}

using OnlineJudge.Data.Paging;
using static OnlineJudge.Data.Problems.ProblemProjections;

namespace OnlineJudge.Data.Problems;

/// <summary>Student reads of the public problem bank (problem.md §1) and the caller's problem status.</summary>
public class PublicProblemRepository(OnlineJudgeDbContext db)
{
    /// <summary>Sort values of the public list that order by one column (problem.md §1.2).</summary>
    public static readonly IReadOnlySet<string> SortFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "create_time", "-create_time", "submission_number", "-submission_number", "accepted_number", "-accepted_number",
        "id", "-id", "_id", "-_id", "title", "-title", "difficulty", "-difficulty", "last_update_time", "-last_update_time",
    };

    /// <summary>
    /// One page of the public list; for a logged-in caller (<paramref name="userId"/>) the count and the caller's
    /// <c>acm_problems_status</c> come from one query, so the list costs two queries.
    /// </summary>
    public async Task<(Page<ProblemListRow> Page, AcmProblemsStatus? Status)> ListPublicAsync(ProblemListFilter filter, PageRequest page,
        int? userId, CancellationToken cancellationToken)
    {
        var query = db.Problems.PublicVisible();
        if (!string.IsNullOrEmpty(filter.Keyword))
        {
            var lowered = filter.Keyword.ToLowerInvariant();
            query = query.Where(p => p.Title.ToLower().Contains(lowered) || p.DisplayId.ToLower().Contains(lowered));
        }

        if (!string.IsNullOrEmpty(filter.Tag))
        {
            var tag = filter.Tag;
            query = query.Where(p => p.Tags.Any(t => t.Name == tag));
        }

        if (!string.IsNullOrEmpty(filter.Difficulty))
        {
            var difficulty = filter.Difficulty;
            query = query.Where(p => p.Difficulty == difficulty);
        }

        if (!string.IsNullOrEmpty(filter.Author))
        {
            var author = filter.Author;
            query = query.Where(p => p.CreatedBy!.Username == author);
        }

        int total;
        AcmProblemsStatus? status = null;
        var head = userId is { } uid
            ? await db.UserProfiles.Where(p => p.UserId == uid).Select(p => new { Total = query.Count(), p.AcmProblemsStatus })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (head is not null)
        {
            total = head.Total;
            status = head.AcmProblemsStatus;
        }
        else
        {
            total = await query.CountAsync(cancellationToken);
        }

        if (page.Limit == 0 || page.Offset >= total)
        {
            return (new Page<ProblemListRow>([], total), status);
        }

        var rows = await Order(query, filter.Sort).Skip(page.Offset).Take(page.Limit).Select(ListRow).ToListAsync(cancellationToken);
        return (new Page<ProblemListRow>(rows, total), status);
    }

    private static IOrderedQueryable<Problem> Order(IQueryable<Problem> query, string? sort) => sort switch
    {
        null or "" => query.OrderByDescending(p => p.CreateTime).ThenByDescending(p => p.Id),
        "flowchart" => query.OrderByDescending(p => p.AllowFlowchart).ThenByDescending(p => p.ShowFlowchart)
            .ThenByDescending(p => p.CreateTime).ThenByDescending(p => p.Id),
        "ast" => query.OrderBy(p => p.AstRules == null).ThenByDescending(p => p.CreateTime).ThenByDescending(p => p.Id),
        "create_time" => query.OrderBy(p => p.CreateTime).ThenBy(p => p.Id),
        "-create_time" => query.OrderByDescending(p => p.CreateTime).ThenByDescending(p => p.Id),
        "submission_number" => query.OrderBy(p => p.SubmissionNumber).ThenBy(p => p.Id),
        "-submission_number" => query.OrderByDescending(p => p.SubmissionNumber).ThenBy(p => p.Id),
        "accepted_number" => query.OrderBy(p => p.AcceptedNumber).ThenBy(p => p.Id),
        "-accepted_number" => query.OrderByDescending(p => p.AcceptedNumber).ThenBy(p => p.Id),
        "id" => query.OrderBy(p => p.Id),
        "-id" => query.OrderByDescending(p => p.Id),
        "_id" => query.OrderBy(p => p.DisplayId).ThenBy(p => p.Id),
        "-_id" => query.OrderByDescending(p => p.DisplayId).ThenBy(p => p.Id),
        "title" => query.OrderBy(p => p.Title).ThenBy(p => p.Id),
        "-title" => query.OrderByDescending(p => p.Title).ThenBy(p => p.Id),
        "difficulty" => query.OrderBy(p => p.Difficulty).ThenBy(p => p.Id),
        "-difficulty" => query.OrderByDescending(p => p.Difficulty).ThenBy(p => p.Id),
        "last_update_time" => query.OrderBy(p => p.LastUpdateTime).ThenBy(p => p.Id),
        "-last_update_time" => query.OrderByDescending(p => p.LastUpdateTime).ThenBy(p => p.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort field"),
    };

    /// <summary>The caller's <c>acm_problems_status</c> (empty when there is no profile).</summary>
    public async Task<AcmProblemsStatus> GetAcmStatusAsync(int userId, CancellationToken cancellationToken) =>
        await db.UserProfiles.Where(p => p.UserId == userId).Select(p => p.AcmProblemsStatus).FirstOrDefaultAsync(cancellationToken)
        ?? new AcmProblemsStatus();

    /// <summary>Status and failed-submission count of the caller for one problem, in one query.</summary>
    public async Task<UserProblemStateDto> GetUserProblemStateAsync(int userId, int problemId, CancellationToken cancellationToken)
    {
        var row = await db.Users.Where(u => u.Id == userId)
            .Select(u => new
            {
                Status = db.UserProfiles.Where(p => p.UserId == userId).Select(p => p.AcmProblemsStatus).FirstOrDefault(),
                Failed = db.Submissions.Count(s => s.UserId == userId && s.ProblemId == problemId && FailedResults.Contains(s.Result)),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new UserProblemStateDto(row?.Status ?? new AcmProblemsStatus(), row?.Failed ?? 0);
    }

    public Task<ProblemFullRow?> FindPublicVisibleByDisplayIdAsync(string displayId, CancellationToken cancellationToken) =>
        db.Problems.PublicVisible().WithDisplayId(displayId).Select(FullRow).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Id and tag ids of a public problem matched case-insensitively (visibility not checked).</summary>
    public async Task<(int Id, List<int> TagIds)?> FindPublicTagsByDisplayIdAsync(string displayId, CancellationToken cancellationToken)
    {
        var row = await db.Problems.Where(p => p.ContestId == null).WithDisplayId(displayId)
            .Select(p => new { p.Id, TagIds = p.Tags.Select(t => t.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Id, row.TagIds);
    }

    public Task<List<ProblemListRow>> ListSimilarAsync(IReadOnlyCollection<int> tagIds, IReadOnlyCollection<string> excludedDisplayIds,
        CancellationToken cancellationToken) =>
        db.Problems.PublicVisible().Where(p => p.Tags.Any(t => tagIds.Contains(t.Id)) && !excludedDisplayIds.Contains(p.DisplayId))
            .OrderBy(p => p.Difficulty).ThenBy(p => p.Id).Take(5).Select(ListRow).ToListAsync(cancellationToken);

    public async Task<List<AuthorCountDto>> ListAuthorsAsync(bool includeHidden, CancellationToken cancellationToken)
    {
        var query = db.Problems.Where(p => p.ContestId == null && !p.CreatedBy!.IsDisabled);
        if (!includeHidden)
        {
            query = query.Where(p => p.Visible);
        }

        var rows = await query.GroupBy(p => p.CreatedBy!.Username)
            .Select(g => new { Username = g.Key, Count = g.Count() })
            .OrderByDescending(a => a.Count).ThenBy(a => a.Username)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AuthorCountDto(r.Username, r.Count))];
    }

    public async Task<int?> FindPublicVisibleIdAsync(string displayId, CancellationToken cancellationToken)
    {
        var ids = await db.Problems.PublicVisible().WithDisplayId(displayId).Select(p => p.Id).Take(1).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    public Task<string?> PickRandomPublicDisplayIdAsync(CancellationToken cancellationToken) =>
        db.Problems.PublicVisible().OrderBy(_ => EF.Functions.Random()).Select(p => p.DisplayId).FirstOrDefaultAsync(cancellationToken);
}

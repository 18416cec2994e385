using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Problems;

/// <summary>Problem reads (projected in SQL) and writes (problem.md).</summary>
public class ProblemRepository(OnlineJudgeDbContext db)
{
    /// <summary>Sort values of the public list that order by one column (problem.md §1.2).</summary>
    public static readonly IReadOnlySet<string> SortFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "create_time", "-create_time", "submission_number", "-submission_number", "accepted_number", "-accepted_number",
        "id", "-id", "_id", "-_id", "title", "-title", "difficulty", "-difficulty", "last_update_time", "-last_update_time",
    };

    private static readonly int[] FailedResults = [JudgeStatus.WrongAnswer, JudgeStatus.CpuTimeLimitExceeded,
        JudgeStatus.RealTimeLimitExceeded, JudgeStatus.MemoryLimitExceeded, JudgeStatus.RuntimeError, JudgeStatus.CompileError];

    private static readonly int[] AcceptedResults = [JudgeStatus.Accepted, JudgeStatus.AstCheckFailed];

    private static readonly Expression<Func<Problem, ProblemListRow>> ListRow = p => new ProblemListRow(
        p.Id, p.DisplayId, p.Title, p.SubmissionNumber, p.AcceptedNumber, p.Difficulty,
        new UserRefDto(p.CreatedBy!.Id, p.CreatedBy.Username, null),
        p.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList(), p.ContestId, p.AllowFlowchart, p.ShowFlowchart, p.AstRules);

    private static readonly Expression<Func<Problem, ProblemAdminListRow>> AdminListRow = p => new ProblemAdminListRow(
        p.Id, p.DisplayId, p.Title, new UserRefDto(p.CreatedBy!.Id, p.CreatedBy.Username, null), p.Visible, p.CreateTime,
        p.Difficulty, p.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList(), p.AstRules, p.AllowFlowchart, p.ShowFlowchart);

    private static readonly Expression<Func<Problem, ProblemFullRow>> FullRow = p => new ProblemFullRow(
        p.Id, p.DisplayId, p.ContestId, p.IsPublic, p.Title, p.Description, p.InputDescription, p.OutputDescription, p.Samples,
        p.TestCaseId, p.TestCaseScore, p.Hint, p.Languages, p.Template, p.CreateTime, p.LastUpdateTime,
        new UserRefDto(p.CreatedBy!.Id, p.CreatedBy.Username, null), p.TimeLimit, p.MemoryLimit, p.Visible, p.Difficulty,
        p.Source, p.Prompt, p.Answers, p.SubmissionNumber, p.AcceptedNumber, p.StatisticInfo, p.ShareSubmission, p.AllowFlowchart,
        p.MermaidCode, p.FlowchartData, p.FlowchartHint, p.ShowFlowchart, p.AstRules, p.SqlConfig, p.SqlDisplay,
        p.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList());

    private IQueryable<Problem> PublicVisible => db.Problems.Where(p => p.ContestId == null && p.Visible);

    // ---- tags ------------------------------------------------------------------------------------------------

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

    /// <summary>Moves every problem of tag <paramref name="fromId"/> to <paramref name="toId"/> and deletes the former; returns the number of problems moved.</summary>
    public async Task<int> MergeTagAsync(int fromId, int toId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO problem_tags (problem_id, problemtag_id)
            SELECT problem_id, @to FROM problem_tags WHERE problemtag_id = @from
            ON CONFLICT (problem_id, problemtag_id) DO NOTHING
            """,
            [new NpgsqlParameter("to", toId), new NpgsqlParameter("from", fromId)], cancellationToken);
        var affected = await db.ProblemTagLinks.CountAsync(l => l.ProblemTagId == fromId, cancellationToken);
        await db.ProblemTags.Where(t => t.Id == fromId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _ = moved;
        return affected;
    }

    public Task<int> DeleteTagAsync(int id, CancellationToken cancellationToken) =>
        db.ProblemTags.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Resolves tag names as problem save does (problem.md §2.1): trimmed, blanks skipped, case-insensitive duplicates
    /// dropped, existing tags reused case-insensitively, missing ones created. Runs inside the caller's transaction if any.
    /// </summary>
    public async Task<(List<int> Ids, bool Created)> ResolveTagsAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var unique = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length > 0 && seen.Add(name))
            {
                unique.Add(name);
            }
        }

        if (unique.Count == 0)
        {
            return ([], false);
        }

        var parameter = new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = unique.ToArray() };
        var created = await db.Database.SqlQueryRaw<int>(
            """
            INSERT INTO problem_tag (name) SELECT n FROM unnest(@names) WITH ORDINALITY AS u(n, i) ORDER BY i
            ON CONFLICT (lower(name)) DO NOTHING RETURNING id AS "Value"
            """, parameter).ToListAsync(cancellationToken);
        var ids = await db.Database.SqlQueryRaw<int>(
            "SELECT id AS \"Value\" FROM problem_tag WHERE lower(name) IN (SELECT lower(n) FROM unnest(@names) AS u(n))",
            new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = unique.ToArray() })
            .ToListAsync(cancellationToken);
        return (ids, created.Count > 0);
    }

    /// <summary>Existing tags matching the names case-insensitively (trimmed, blanks skipped).</summary>
    public async Task<List<int>> FindTagIdsByNamesAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var unique = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (unique.Length == 0)
        {
            return [];
        }

        return await db.Database.SqlQueryRaw<int>(
            "SELECT id AS \"Value\" FROM problem_tag WHERE lower(name) IN (SELECT lower(n) FROM unnest(@names) AS u(n))",
            new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = unique }).ToListAsync(cancellationToken);
    }

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

    // ---- student reads ---------------------------------------------------------------------------------------

    /// <summary>
    /// One page of the public list; for a logged-in caller (<paramref name="userId"/>) the count and the caller's
    /// <c>acm_problems_status</c> come from one query, so the list costs two queries.
    /// </summary>
    public async Task<(Page<ProblemListRow> Page, AcmProblemsStatus? Status)> ListPublicAsync(ProblemListFilter filter, PageRequest page,
        int? userId, CancellationToken cancellationToken)
    {
        var query = PublicVisible;
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

    public Task<ProblemFullRow?> FindPublicVisibleByDisplayIdAsync(string displayId, CancellationToken cancellationToken)
    {
        var lowered = displayId.ToLowerInvariant();
        return PublicVisible.Where(p => p.DisplayId.ToLower() == lowered).OrderBy(p => p.Id).Select(FullRow)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<ProblemFullRow?> FindFullAsync(int id, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == id).Select(FullRow).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Id and tag ids of a public problem matched case-insensitively (visibility not checked).</summary>
    public async Task<(int Id, List<int> TagIds)?> FindPublicTagsByDisplayIdAsync(string displayId, CancellationToken cancellationToken)
    {
        var lowered = displayId.ToLowerInvariant();
        var row = await db.Problems.Where(p => p.ContestId == null && p.DisplayId.ToLower() == lowered).OrderBy(p => p.Id)
            .Select(p => new { p.Id, TagIds = p.Tags.Select(t => t.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Id, row.TagIds);
    }

    public Task<List<ProblemListRow>> ListSimilarAsync(IReadOnlyCollection<int> tagIds, IReadOnlyCollection<string> excludedDisplayIds,
        CancellationToken cancellationToken) =>
        PublicVisible.Where(p => p.Tags.Any(t => tagIds.Contains(t.Id)) && !excludedDisplayIds.Contains(p.DisplayId))
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
        var lowered = displayId.ToLowerInvariant();
        var ids = await PublicVisible.Where(p => p.DisplayId.ToLower() == lowered).OrderBy(p => p.Id).Select(p => p.Id).Take(1)
            .ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    public async Task<List<YearlyAcDto>> GetYearlyAcAsync(int problemId, CancellationToken cancellationToken)
    {
        var rows = await db.Submissions
            .Where(s => s.ProblemId == problemId && s.ContestId == null && s.Result != JudgeStatus.Pending && s.Result != JudgeStatus.Judging)
            .GroupBy(s => s.CreateTime.Year)
            .Select(g => new { Year = g.Key, Total = g.Count(), Accepted = g.Count(s => AcceptedResults.Contains(s.Result)) })
            .OrderBy(r => r.Year)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new YearlyAcDto(r.Year, r.Total, r.Accepted, Math.Round(r.Accepted * 100.0 / r.Total, 2, MidpointRounding.ToEven)))];
    }

    public Task<string?> PickRandomPublicDisplayIdAsync(CancellationToken cancellationToken) =>
        PublicVisible.OrderBy(_ => EF.Functions.Random()).Select(p => p.DisplayId).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> HasAcceptedAsync(int userId, int problemId, CancellationToken cancellationToken) =>
        db.Submissions.AnyAsync(s => s.UserId == userId && s.ProblemId == problemId && AcceptedResults.Contains(s.Result), cancellationToken);

    /// <summary>Active users since <paramref name="since"/> and distinct users who solved the problem since then, in one query.</summary>
    public async Task<(int Total, int Accepted)> GetBeatCountsAsync(int problemId, DateTime since, CancellationToken cancellationToken)
    {
        var row = await db.Problems.Where(p => p.Id == problemId).Select(_ => new
        {
            Total = db.Users.Count(u => !u.IsDisabled && u.LastLogin >= since),
            Accepted = db.Submissions.Where(s => s.ProblemId == problemId && AcceptedResults.Contains(s.Result) && s.CreateTime >= since)
                .Select(s => s.UserId).Distinct().Count(),
        }).FirstOrDefaultAsync(cancellationToken);
        if (row is not null)
        {
            return (row.Total, row.Accepted);
        }

        var total = await db.Users.CountAsync(u => !u.IsDisabled && u.LastLogin >= since, cancellationToken);
        return (total, 0);
    }

    public Task<List<ProblemListRow>> ListContestProblemsAsync(int contestId, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.ContestId == contestId && p.Visible).OrderBy(p => p.CreateTime).ThenBy(p => p.Id)
            .Select(ListRow).ToListAsync(cancellationToken);

    public Task<ProblemFullRow?> FindContestProblemAsync(int contestId, string displayId, CancellationToken cancellationToken)
    {
        var lowered = displayId.ToLowerInvariant();
        return db.Problems.Where(p => p.ContestId == contestId && p.Visible && p.DisplayId.ToLower() == lowered).OrderBy(p => p.Id)
            .Select(FullRow).FirstOrDefaultAsync(cancellationToken);
    }

    // ---- admin reads -----------------------------------------------------------------------------------------

    public Task<Page<ProblemAdminListRow>> ListAdminPublicAsync(AdminProblemListFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Problems.Where(p => p.ContestId == null);
        if (filter.OwnerId is { } owner)
        {
            query = query.Where(p => p.CreatedById == owner);
        }

        if (!string.IsNullOrEmpty(filter.Keyword))
        {
            var lowered = filter.Keyword.ToLowerInvariant();
            query = query.Where(p => p.Title.ToLower().Contains(lowered) || p.DisplayId.ToLower().Contains(lowered));
        }

        if (!string.IsNullOrEmpty(filter.Author))
        {
            var author = filter.Author;
            query = query.Where(p => p.CreatedBy!.Username == author);
        }

        if (filter.TagId is { } tagId)
        {
            query = query.Where(p => p.Tags.Any(t => t.Id == tagId));
        }

        return query.OrderByDescending(p => p.CreateTime).ThenByDescending(p => p.Id).Select(AdminListRow).ToPageAsync(page, cancellationToken);
    }

    public Task<Page<ProblemAdminListRow>> ListAdminContestAsync(int contestId, string? keyword, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Problems.Where(p => p.ContestId == contestId);
        if (!string.IsNullOrEmpty(keyword))
        {
            query = query.Where(p => p.Title.Contains(keyword));
        }

        return query.OrderByDescending(p => p.CreateTime).ThenByDescending(p => p.Id).Select(AdminListRow).ToPageAsync(page, cancellationToken);
    }

    public Task<List<ReactionCountRow>> CountReactionsAsync(IReadOnlyCollection<int> problemIds, CancellationToken cancellationToken) =>
        db.Reactions.Where(r => problemIds.Contains(r.ProblemId))
            .GroupBy(r => new { r.ProblemId, r.Type })
            .Select(g => new ReactionCountRow(g.Key.ProblemId, g.Key.Type, g.Count()))
            .ToListAsync(cancellationToken);

    public Task<ProblemOwnershipDto?> FindOwnershipAsync(int id, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == id)
            .Select(p => new ProblemOwnershipDto(p.Id, p.DisplayId, p.ContestId, p.CreatedById,
                p.Contest == null ? null : p.Contest.CreatedById, p.TestCaseId))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> PublicDisplayIdExistsAsync(string displayId, int? exceptId, CancellationToken cancellationToken) =>
        db.Problems.AnyAsync(p => p.ContestId == null && p.DisplayId == displayId && p.Id != (exceptId ?? 0), cancellationToken);

    public Task<bool> ContestDisplayIdExistsAsync(int contestId, string displayId, int? exceptId, CancellationToken cancellationToken) =>
        db.Problems.AnyAsync(p => p.ContestId == contestId && p.DisplayId == displayId && p.Id != (exceptId ?? 0), cancellationToken);

    public Task<bool> HasSubmissionsAsync(int problemId, CancellationToken cancellationToken) =>
        db.Submissions.AnyAsync(s => s.ProblemId == problemId, cancellationToken);

    public Task<List<string>> ListAllTestCaseIdsAsync(CancellationToken cancellationToken) =>
        db.Problems.Select(p => p.TestCaseId).Distinct().ToListAsync(cancellationToken);

    public async Task<List<StuckProblemDto>> ListStuckAsync(CancellationToken cancellationToken)
    {
        int[] failed = [JudgeStatus.WrongAnswer, JudgeStatus.CompileError, JudgeStatus.RuntimeError];
        var rows = await db.Submissions
            .GroupBy(s => s.ProblemId)
            .Select(g => new
            {
                ProblemId = g.Key,
                Total = g.Count(),
                Failed = g.Count(s => failed.Contains(s.Result)),
                FailedUsers = g.Where(s => failed.Contains(s.Result)).Select(s => s.UserId).Distinct().Count(),
                Accepted = g.Count(s => AcceptedResults.Contains(s.Result)),
            })
            .Where(r => r.FailedUsers > 0)
            .OrderByDescending(r => r.FailedUsers).ThenBy(r => r.ProblemId)
            .Take(40)
            .Join(db.Problems, r => r.ProblemId, p => p.Id, (r, p) => new { r, p.DisplayId, p.Title })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(x => x.r.FailedUsers).ThenBy(x => x.r.ProblemId)
            .Select(x => new StuckProblemDto(x.DisplayId, x.Title, x.r.Total, x.r.Failed, x.r.FailedUsers,
                Math.Round(x.r.Accepted * 100.0 / x.r.Total, 1, MidpointRounding.ToEven)))];
    }

    public Task<List<ProblemYearCountRow>> CountPracticeByProblemYearAsync(int sinceYear, int untilYear, CancellationToken cancellationToken)
    {
        var from = new DateTime(sinceYear, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(untilYear + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return db.Submissions.Where(s => s.ContestId == null && s.CreateTime >= from && s.CreateTime < to)
            .GroupBy(s => new { s.ProblemId, s.CreateTime.Year })
            .Select(g => new { g.Key.ProblemId, g.Key.Year, Total = g.Count(), Accepted = g.Count(s => AcceptedResults.Contains(s.Result)) })
            .Join(db.Problems, r => r.ProblemId, p => p.Id,
                (r, p) => new ProblemYearCountRow(r.ProblemId, p.DisplayId, p.Title, r.Year, r.Total, r.Accepted))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Owner and end of a contest (any visibility), for the admin contest-problem endpoints.</summary>
    public async Task<(int CreatedById, DateTime EndTime)?> FindContestAsync(int contestId, CancellationToken cancellationToken)
    {
        var row = await db.Contests.Where(c => c.Id == contestId).Select(c => new { c.CreatedById, c.EndTime })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.CreatedById, row.EndTime);
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    /// <summary>Inserts a problem with its tags in one transaction; returns the new id and whether a tag was created.</summary>
    public async Task<(int Id, bool TagsCreated)> InsertAsync(Problem problem, IReadOnlyCollection<string> tagNames, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (tagIds, created) = await ResolveTagsAsync(tagNames, cancellationToken);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        db.ProblemTagLinks.AddRange(tagIds.Select(t => new ProblemTagLink { ProblemId = problem.Id, ProblemTagId = t }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (problem.Id, created);
    }

    /// <summary>Copies a problem (with the same tags) after <paramref name="change"/> adjusts the copy; one transaction.</summary>
    public async Task<int> CopyAsync(int sourceId, Action<Problem> change, Action<Problem>? changeSource, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var source = await db.Problems.AsTracking().FirstAsync(p => p.Id == sourceId, cancellationToken);
        var tagIds = await db.ProblemTagLinks.Where(l => l.ProblemId == sourceId).Select(l => l.ProblemTagId).ToListAsync(cancellationToken);
        var copy = new Problem
        {
            DisplayId = source.DisplayId, ContestId = source.ContestId, IsPublic = source.IsPublic, Title = source.Title,
            Description = source.Description, InputDescription = source.InputDescription, OutputDescription = source.OutputDescription,
            Samples = source.Samples, TestCaseId = source.TestCaseId, TestCaseScore = source.TestCaseScore, Hint = source.Hint,
            Languages = source.Languages, Template = source.Template, CreateTime = DateTime.UtcNow, LastUpdateTime = DateTime.UtcNow,
            CreatedById = source.CreatedById, TimeLimit = source.TimeLimit, MemoryLimit = source.MemoryLimit, Visible = source.Visible,
            Difficulty = source.Difficulty, Source = source.Source, Prompt = source.Prompt, Answers = source.Answers,
            SubmissionNumber = 0, AcceptedNumber = 0, StatisticInfo = [], ShareSubmission = source.ShareSubmission,
            AllowFlowchart = source.AllowFlowchart, MermaidCode = source.MermaidCode, FlowchartData = source.FlowchartData,
            FlowchartHint = source.FlowchartHint, ShowFlowchart = source.ShowFlowchart, AstRules = source.AstRules,
            SqlConfig = source.SqlConfig, SqlDisplay = source.SqlDisplay,
        };
        change(copy);
        changeSource?.Invoke(source);
        db.Problems.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        db.ProblemTagLinks.AddRange(tagIds.Select(t => new ProblemTagLink { ProblemId = copy.Id, ProblemTagId = t }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return copy.Id;
    }

    /// <summary>Loads the problem, applies <paramref name="change"/>, replaces its tags; one transaction. False when it does not exist.</summary>
    public async Task<(bool Found, bool TagsCreated)> UpdateAsync(int id, Action<Problem> change, IReadOnlyCollection<string> tagNames,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var problem = await db.Problems.AsTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (problem is null)
        {
            return (false, false);
        }

        change(problem);
        await db.SaveChangesAsync(cancellationToken);
        var (tagIds, created) = await ResolveTagsAsync(tagNames, cancellationToken);
        await db.ProblemTagLinks.Where(l => l.ProblemId == id && !tagIds.Contains(l.ProblemTagId)).ExecuteDeleteAsync(cancellationToken);
        var existing = await db.ProblemTagLinks.Where(l => l.ProblemId == id).Select(l => l.ProblemTagId).ToListAsync(cancellationToken);
        db.ProblemTagLinks.AddRange(tagIds.Except(existing).Select(t => new ProblemTagLink { ProblemId = id, ProblemTagId = t }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (true, created);
    }

    public Task<int> DeleteAsync(int id, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);

    public Task<int> ToggleVisibleAsync(int id, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Visible, p => !p.Visible), cancellationToken);
}

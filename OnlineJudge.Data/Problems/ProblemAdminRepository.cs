using OnlineJudge.Data.Paging;
using static OnlineJudge.Data.Problems.ProblemProjections;

namespace OnlineJudge.Data.Problems;

/// <summary>
/// The admin side of problems (problem.md §2): the public bank list, full rows and ownership, and the writes shared by
/// public and contest problems. Writes take the caller's transaction (<see cref="Transactions.TransactionRunner"/>).
/// </summary>
public class ProblemAdminRepository(OnlineJudgeDbContext db)
{
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

    public Task<List<ReactionCountRow>> CountReactionsAsync(IReadOnlyCollection<int> problemIds, CancellationToken cancellationToken) =>
        db.Reactions.Where(r => problemIds.Contains(r.ProblemId))
            .GroupBy(r => new { r.ProblemId, r.Type })
            .Select(g => new ReactionCountRow(g.Key.ProblemId, g.Key.Type, g.Count()))
            .ToListAsync(cancellationToken);

    public Task<ProblemFullRow?> FindFullAsync(int id, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == id).Select(FullRow).FirstOrDefaultAsync(cancellationToken);

    public Task<ProblemOwnershipDto?> FindOwnershipAsync(int id, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == id)
            .Select(p => new ProblemOwnershipDto(p.Id, p.DisplayId, p.ContestId, p.CreatedById,
                p.Contest == null ? null : p.Contest.CreatedById, p.TestCaseId))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> PublicDisplayIdExistsAsync(string displayId, int? exceptId, CancellationToken cancellationToken) =>
        db.Problems.AnyAsync(p => p.ContestId == null && p.DisplayId == displayId && p.Id != (exceptId ?? 0), cancellationToken);

    public Task<List<string>> ListAllTestCaseIdsAsync(CancellationToken cancellationToken) =>
        db.Problems.Select(p => p.TestCaseId).Distinct().ToListAsync(cancellationToken);

    /// <summary>Inserts a problem with the given tags; returns its id. The caller's transaction makes it atomic.</summary>
    public async Task<int> InsertAsync(ProblemWriteDto values, IReadOnlyCollection<int> tagIds, int? contestId, int createdById, DateTime now,
        CancellationToken cancellationToken)
    {
        var problem = new Problem { ContestId = contestId, CreatedById = createdById, CreateTime = now, FlowchartData = JsonDefaults.EmptyObject };
        Apply(problem, values, now);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        db.ProblemTagLinks.AddRange(tagIds.Select(t => new ProblemTagLink { ProblemId = problem.Id, ProblemTagId = t }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return problem.Id;
    }

    /// <summary>Overwrites a problem and replaces its tags; false when it does not exist.</summary>
    public async Task<bool> UpdateAsync(int id, ProblemWriteDto values, IReadOnlyCollection<int> tagIds, DateTime now,
        CancellationToken cancellationToken)
    {
        var problem = await db.Problems.AsTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (problem is null)
        {
            return false;
        }

        Apply(problem, values, now);
        await db.SaveChangesAsync(cancellationToken);
        await db.ProblemTagLinks.Where(l => l.ProblemId == id && !tagIds.Contains(l.ProblemTagId)).ExecuteDeleteAsync(cancellationToken);
        var existing = await db.ProblemTagLinks.Where(l => l.ProblemId == id).Select(l => l.ProblemTagId).ToListAsync(cancellationToken);
        db.ProblemTagLinks.AddRange(tagIds.Except(existing).Select(t => new ProblemTagLink { ProblemId = id, ProblemTagId = t }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>
    /// Copies a problem with its tags into <paramref name="target"/>'s place, with fresh statistics; with
    /// <paramref name="markSourcePublic"/> the source is marked as made public. Returns the copy's id.
    /// </summary>
    public async Task<int> CopyAsync(int sourceId, ProblemCopyDto target, bool markSourcePublic, DateTime now, CancellationToken cancellationToken)
    {
        var source = await db.Problems.AsTracking().FirstAsync(p => p.Id == sourceId, cancellationToken);
        var tagIds = await db.ProblemTagLinks.Where(l => l.ProblemId == sourceId).Select(l => l.ProblemTagId).ToListAsync(cancellationToken);
        var copy = ProblemCopies.Copy(source, target, source.CreatedById, now, now);
        if (markSourcePublic)
        {
            source.IsPublic = true;
        }

        db.Problems.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        db.ProblemTagLinks.AddRange(tagIds.Select(t => new ProblemTagLink { ProblemId = copy.Id, ProblemTagId = t }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return copy.Id;
    }

    public Task<int> DeleteAsync(int id, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);

    public Task<int> ToggleVisibleAsync(int id, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Visible, p => !p.Visible), cancellationToken);

    private static void Apply(Problem problem, ProblemWriteDto values, DateTime now)
    {
        problem.DisplayId = values.DisplayId;
        problem.Title = values.Title;
        problem.Description = values.Description;
        problem.InputDescription = values.InputDescription;
        problem.OutputDescription = values.OutputDescription;
        problem.Samples = values.Samples;
        problem.TestCaseId = values.TestCaseId;
        problem.TestCaseScore = values.TestCaseScore;
        problem.TimeLimit = values.TimeLimit;
        problem.MemoryLimit = values.MemoryLimit;
        problem.Languages = values.Languages;
        problem.Template = values.Template;
        problem.Visible = values.Visible;
        problem.Difficulty = values.Difficulty;
        problem.Hint = values.Hint;
        problem.Source = values.Source;
        problem.Prompt = values.Prompt;
        problem.Answers = values.Answers;
        problem.ShareSubmission = values.ShareSubmission;
        problem.AllowFlowchart = values.AllowFlowchart;
        problem.ShowFlowchart = values.ShowFlowchart;
        if (values.MermaidCode is { } mermaidCode)
        {
            problem.MermaidCode = mermaidCode.Value;
        }

        if (values.FlowchartHint is { } flowchartHint)
        {
            problem.FlowchartHint = flowchartHint.Value;
        }

        problem.AstRules = values.AstRules;
        problem.SqlConfig = values.SqlConfig;
        problem.SqlDisplay = values.SqlDisplay;
        problem.LastUpdateTime = now;
    }
}

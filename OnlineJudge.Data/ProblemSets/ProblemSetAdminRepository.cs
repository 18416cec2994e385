using OnlineJudge.Data.Problems;

namespace OnlineJudge.Data.ProblemSets;

/// <summary>Writes of sets and of their problem lists (problemset.md §2).</summary>
public class ProblemSetAdminRepository(OnlineJudgeDbContext db)
{
    public async Task<long> CreateAsync(ProblemSetWriteDto values, int createdById, DateTime now, CancellationToken cancellationToken)
    {
        var set = new ProblemSet { CreatedById = createdById, CreateTime = now, Visible = true };
        Apply(set, values, now);
        db.ProblemSets.Add(set);
        await db.SaveChangesAsync(cancellationToken);
        return set.Id;
    }

    /// <summary>Sets the given fields; false when the set is gone.</summary>
    public async Task<bool> UpdateAsync(long id, ProblemSetWriteDto values, DateTime now, CancellationToken cancellationToken)
    {
        var set = await db.ProblemSets.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null)
        {
            return false;
        }

        Apply(set, values, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary><c>visible = !visible</c> in one statement.</summary>
    public Task<int> ToggleVisibleAsync(long id, DateTime now, CancellationToken cancellationToken) =>
        db.ProblemSets.Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Visible, s => !s.Visible).SetProperty(s => s.LastUpdateTime, now), cancellationToken);

    /// <summary>Deletes the set; the database cascades to its problems, badges, their holders, progress and submission links.</summary>
    public Task<int> DeleteAsync(long id, CancellationToken cancellationToken) =>
        db.ProblemSets.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The id of the visible public problem with this display id (matched case-insensitively), or null.</summary>
    public Task<int?> FindAddableProblemAsync(string displayId, CancellationToken cancellationToken) =>
        db.Problems.PublicVisible().WithDisplayId(displayId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> ContainsProblemAsync(long setId, int problemId, CancellationToken cancellationToken) =>
        db.ProblemSetProblems.AnyAsync(p => p.ProblemSetId == setId && p.ProblemId == problemId, cancellationToken);

    /// <summary>The sets that hold one of the problems, by id.</summary>
    public Task<List<long>> ListSetsHoldingAsync(IReadOnlyCollection<int> problemIds, CancellationToken cancellationToken) =>
        db.ProblemSetProblems.Where(p => problemIds.Contains(p.ProblemId)).Select(p => p.ProblemSetId).Distinct().OrderBy(id => id)
            .ToListAsync(cancellationToken);

    /// <summary>The sets that hold a problem created by one of the users, except sets the users created themselves, by id.</summary>
    public Task<List<long>> ListOtherSetsHoldingProblemsOfAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken) =>
        db.ProblemSetProblems.Where(p => userIds.Contains(p.Problem!.CreatedById) && !userIds.Contains(p.ProblemSet!.CreatedById))
            .Select(p => p.ProblemSetId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);

    /// <summary>Adds a problem; false when the set already holds it (a concurrent add won).</summary>
    public async Task<bool> AddProblemAsync(long setId, int problemId, SetProblemWriteDto values, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO problemset_problem (problemset_id, problem_id, "order", is_required, score, hint)
            VALUES ({setId}, {problemId}, {values.Order ?? 0}, {values.IsRequired ?? true}, {values.Score ?? 0}, {values.Hint ?? ""})
            ON CONFLICT (problemset_id, problem_id) DO NOTHING
            """, cancellationToken);
        return inserted > 0;
    }

    /// <summary>Sets the given fields of a row of the set; false when the set has no such row.</summary>
    public async Task<bool> UpdateProblemAsync(long setId, long rowId, SetProblemWriteDto values, CancellationToken cancellationToken)
    {
        var row = await db.ProblemSetProblems.AsTracking().FirstOrDefaultAsync(p => p.Id == rowId && p.ProblemSetId == setId, cancellationToken);
        if (row is null)
        {
            return false;
        }

        row.Order = values.Order ?? row.Order;
        row.IsRequired = values.IsRequired ?? row.IsRequired;
        row.Score = values.Score ?? row.Score;
        row.Hint = values.Hint ?? row.Hint;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes a row of the set; returns its problem id, or null when the set has no such row.</summary>
    public async Task<int?> DeleteProblemAsync(long setId, long rowId, CancellationToken cancellationToken)
    {
        var problemIds = await db.Database.SqlQuery<int>(
                $"DELETE FROM problemset_problem WHERE id = {rowId} AND problemset_id = {setId} RETURNING problem_id AS \"Value\"")
            .ToListAsync(cancellationToken);
        return problemIds.Count == 0 ? null : problemIds[0];
    }

    private static void Apply(ProblemSet set, ProblemSetWriteDto values, DateTime now)
    {
        set.Title = values.Title ?? set.Title;
        set.Description = values.Description ?? set.Description;
        set.Difficulty = values.Difficulty ?? set.Difficulty;
        set.Status = values.Status ?? set.Status;
        set.Visible = values.Visible ?? set.Visible;
        if (values.SetEndTime)
        {
            set.EndTime = values.EndTime;
        }

        set.LastUpdateTime = now;
    }
}

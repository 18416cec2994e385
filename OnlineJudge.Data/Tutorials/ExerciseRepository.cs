using System.Text.Json;

namespace OnlineJudge.Data.Tutorials;

/// <summary>An exercise (tutorial.md §0): <c>data</c> is opaque JSON, sent back as stored.</summary>
public sealed record ExerciseDto(int Id, string Type, JsonElement Data, int Order);

public class ExerciseRepository(OnlineJudgeDbContext db)
{
    /// <summary>The exercises of a tutorial, by <c>order</c> then oldest first.</summary>
    public Task<List<ExerciseDto>> ListAsync(int tutorialId, CancellationToken cancellationToken) =>
        db.Exercises.Where(e => e.TutorialId == tutorialId)
            .OrderBy(e => e.Order).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => new ExerciseDto(e.Id, e.Type, e.Data, e.Order))
            .ToListAsync(cancellationToken);

    public async Task<ExerciseDto> CreateAsync(int tutorialId, string type, JsonElement data, int order, DateTime now,
        CancellationToken cancellationToken)
    {
        var exercise = new Exercise { TutorialId = tutorialId, Type = type, Data = data, Order = order, CreatedAt = now };
        db.Exercises.Add(exercise);
        await db.SaveChangesAsync(cancellationToken);
        return new ExerciseDto(exercise.Id, exercise.Type, exercise.Data, exercise.Order);
    }

    /// <summary>Overwrites type, data and order; false when the id is unknown. The tutorial never changes.</summary>
    public async Task<bool> UpdateAsync(int id, string type, JsonElement data, int order, CancellationToken cancellationToken)
    {
        var exercise = await db.Exercises.AsTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (exercise is null)
        {
            return false;
        }

        exercise.Type = type;
        exercise.Data = data;
        exercise.Order = order;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<int> DeleteAsync(int id, CancellationToken cancellationToken) =>
        db.Exercises.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
}

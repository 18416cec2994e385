using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Tutorials;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Tutorials;

/// <summary>The learn pages (tutorial.md §1): public tutorials and their exercises.</summary>
public class TutorialService(TutorialRepository tutorials, ExerciseRepository exercises)
{
    public const string NotFound = "Tutorial does not exist";

    /// <summary>§1.1: the public lessons of a language; an unknown type simply matches nothing.</summary>
    public async Task<ServiceResult<List<TutorialTitleDto>>> ListAsync(string? type, CancellationToken cancellationToken) =>
        await tutorials.ListPublicTitlesAsync(string.IsNullOrEmpty(type) ? TutorialType.Python : type, cancellationToken);

    /// <summary>§1.2: one public tutorial; a missing id is an unknown one.</summary>
    public async Task<ServiceResult<TutorialDto>> GetAsync(int? id, CancellationToken cancellationToken) =>
        id is { } tutorialId && await tutorials.FindAsync(tutorialId, publicOnly: true, cancellationToken) is { } tutorial
            ? tutorial
            : ServiceError.Of(NotFound);

    /// <summary>§1.3: the exercises of a public tutorial.</summary>
    public async Task<ServiceResult<List<ExerciseDto>>> ListExercisesAsync(int tutorialId, CancellationToken cancellationToken) =>
        await tutorials.ExistsAsync(tutorialId, publicOnly: true, cancellationToken)
            ? await exercises.ListAsync(tutorialId, cancellationToken)
            : ServiceError.Of(NotFound);
}

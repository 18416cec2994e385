using OnlineJudge.Data.Tutorials;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Tutorials;

/// <summary>Super admins' exercise management (tutorial.md §2.6–§2.9); the server never looks inside <c>data</c>.</summary>
public class ExerciseAdminService(TutorialRepository tutorials, ExerciseRepository exercises, TimeProvider time)
{
    public const string NotFound = "Exercise does not exist";

    /// <summary>§2.6: the tutorial need not exist (an unknown one has no exercises).</summary>
    public async Task<ServiceResult<List<ExerciseDto>>> ListAsync(int tutorialId, CancellationToken cancellationToken) =>
        await exercises.ListAsync(tutorialId, cancellationToken);

    /// <summary>§2.7.</summary>
    public async Task<ServiceResult<ExerciseDto>> CreateAsync(CreateExerciseRequest request, CancellationToken cancellationToken)
    {
        if (!await tutorials.ExistsAsync(request.TutorialId, publicOnly: false, cancellationToken))
        {
            return ServiceError.Of(TutorialService.NotFound);
        }

        return await exercises.CreateAsync(request.TutorialId, request.Type, request.Data, request.Order, time.GetUtcNow().UtcDateTime,
            cancellationToken);
    }

    /// <summary>§2.8: type, data and order are overwritten.</summary>
    public async Task<ServiceResult<ExerciseDto>> UpdateAsync(EditExerciseRequest request, CancellationToken cancellationToken) =>
        await exercises.UpdateAsync(request.Id, request.Type, request.Data, request.Order, cancellationToken)
            ? new ExerciseDto(request.Id, request.Type, request.Data, request.Order)
            : ServiceError.Of(NotFound);

    /// <summary>§2.9: an unknown id changes nothing.</summary>
    public async Task<ServiceResult> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await exercises.DeleteAsync(id, cancellationToken);
        return ServiceResult.Ok();
    }
}

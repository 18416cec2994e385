using OnlineJudge.Data.Tutorials;
using OnlineJudge.Services.Tutorials;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>tutorial.md §2: super admins only (behind the admin gate); validated writes validate before the role check.</summary>
public class TutorialAdminController(TutorialAdminService tutorials, ExerciseAdminService exercises) : ApiControllerBase
{
    [SuperAdminRequired]
    [HttpGet("/api/admin/tutorial")]
    public Task<ServiceResult<Either<TutorialDto, TutorialGroupsDto>>> Get(TutorialIdQuery query, CancellationToken cancellationToken) =>
        Either.OneOrList(query.Id, id => tutorials.GetAsync(id, cancellationToken), () => tutorials.ListAsync(cancellationToken));

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/tutorial")]
    public Task<ServiceResult<TutorialDto>> Create(CreateTutorialRequest request, CancellationToken cancellationToken) =>
        tutorials.CreateAsync(request, CurrentUser!, cancellationToken);

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPut("/api/admin/tutorial")]
    public Task<ServiceResult<TutorialDto>> Update(EditTutorialRequest request, CancellationToken cancellationToken) =>
        tutorials.UpdateAsync(request, cancellationToken);

    [SuperAdminRequired]
    [HttpDelete("/api/admin/tutorial")]
    public Task<ServiceResult> Delete(TutorialIdQuery query, CancellationToken cancellationToken) =>
        tutorials.DeleteAsync(query.Id, cancellationToken);

    [SuperAdminRequired]
    [HttpPut("/api/admin/tutorial/visibility")]
    public Task<ServiceResult<TutorialDto>> SetVisibility(CancellationToken cancellationToken) =>
        tutorials.SetVisibilityAsync(RequestData, cancellationToken);

    [SuperAdminRequired]
    [HttpGet("/api/admin/exercise")]
    public Task<ServiceResult<List<ExerciseDto>>> ListExercises(ExerciseListQuery query, CancellationToken cancellationToken) =>
        exercises.ListAsync(query.TutorialId, cancellationToken);

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/exercise")]
    public Task<ServiceResult<ExerciseDto>> CreateExercise(CreateExerciseRequest request, CancellationToken cancellationToken) =>
        exercises.CreateAsync(request, cancellationToken);

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPut("/api/admin/exercise")]
    public Task<ServiceResult<ExerciseDto>> UpdateExercise(EditExerciseRequest request, CancellationToken cancellationToken) =>
        exercises.UpdateAsync(request, cancellationToken);

    [SuperAdminRequired]
    [HttpDelete("/api/admin/exercise")]
    public Task<ServiceResult> DeleteExercise(ExerciseIdQuery query, CancellationToken cancellationToken) =>
        exercises.DeleteAsync(query.Id, cancellationToken);
}

using OnlineJudge.Data.Tutorials;
using OnlineJudge.Services.Tutorials;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>tutorial.md §1: the learn pages, open to everyone.</summary>
public class TutorialController(TutorialService tutorials) : ApiControllerBase
{
    [HttpGet("/api/tutorials")]
    public Task<ServiceResult<List<TutorialTitleDto>>> List(TutorialListQuery query, CancellationToken cancellationToken) =>
        tutorials.ListAsync(query.Type, cancellationToken);

    [HttpGet("/api/tutorial")]
    public Task<ServiceResult<TutorialDto>> Get(TutorialIdQuery query, CancellationToken cancellationToken) =>
        tutorials.GetAsync(query.Id, cancellationToken);

    [HttpGet("/api/exercises")]
    public Task<ServiceResult<List<ExerciseDto>>> Exercises(ExerciseListQuery query, CancellationToken cancellationToken) =>
        tutorials.ListExercisesAsync(query.TutorialId, cancellationToken);
}

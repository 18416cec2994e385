using OnlineJudge.Services.ProblemSets;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>problemset.md §2.1–§2.7: the sets themselves, for teachers and super admins (behind the admin gate), owners only.</summary>
[TeacherAdminRequired]
public class ProblemSetAdminController(ProblemSetAdminService sets) : ApiControllerBase
{
    [HttpGet("/api/admin/problemset")]
    public Task<ServiceResult<Page<ProblemSetListItemDto>>> List(ProblemSetListQuery query, CancellationToken cancellationToken) =>
        sets.ListAsync(query, CurrentUser!, cancellationToken);

    [HttpPost("/api/admin/problemset")]
    public Task<ServiceResult<ProblemSetDto>> Create(CreateProblemSetRequest request, CancellationToken cancellationToken) =>
        sets.CreateAsync(request, CurrentUser!, cancellationToken);

    [HttpPut("/api/admin/problemset")]
    public Task<ServiceResult<ProblemSetDto>> Update(EditProblemSetRequest request, CancellationToken cancellationToken) =>
        sets.UpdateAsync(request, CurrentUser!, cancellationToken);

    [HttpDelete("/api/admin/problemset")]
    public Task<ServiceResult<string>> Delete(ProblemSetDeleteQuery query, CancellationToken cancellationToken) =>
        sets.DeleteAsync(query.Id, CurrentUser!, cancellationToken);

    [HttpGet("/api/admin/problemset/{id:long:min(0)}")]
    public Task<ServiceResult<ProblemSetDto>> Get([FromRoute] long id, CancellationToken cancellationToken) =>
        sets.GetAsync(id, CurrentUser!, cancellationToken);

    [HttpPut("/api/admin/problemset/visible")]
    public Task<ServiceResult> ToggleVisible(ProblemSetIdRequest request, CancellationToken cancellationToken) =>
        sets.ToggleVisibleAsync(request.Id, CurrentUser!, cancellationToken);

    [HttpPut("/api/admin/problemset/status")]
    public Task<ServiceResult> SetStatus(ProblemSetStatusRequest request, CancellationToken cancellationToken) =>
        sets.SetStatusAsync(request, CurrentUser!, cancellationToken);
}

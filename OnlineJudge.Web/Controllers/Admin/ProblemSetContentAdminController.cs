using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Services.ProblemSets;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>
/// problemset.md §2.8–§2.18: the problems, badges and members of a set, for teachers and super admins who own it; §3:
/// the path variants that always fail.
/// </summary>
[TeacherAdminRequired]
public class ProblemSetContentAdminController(ProblemSetContentAdminService content) : ApiControllerBase
{
    private const string Set = "/api/admin/problemset/{id:long:min(0)}";
    private const string Shown = "/api/admin/problemset/{id}";

    [HttpGet(Set + "/problems")]
    public Task<ServiceResult<List<ProblemSetProblemDto>>> Problems([FromRoute] long id, CancellationToken cancellationToken) =>
        content.ListProblemsAsync(id, CurrentUser!, cancellationToken);

    [HttpPost(Set + "/problems")]
    public Task<ServiceResult<string>> AddProblem([FromRoute] long id, AddSetProblemRequest request, CancellationToken cancellationToken) =>
        content.AddProblemAsync(id, request, CurrentUser!, cancellationToken);

    [HttpPut(Set + "/problems/{rowId:long:min(0)}")]
    public Task<ServiceResult<string>> UpdateProblem([FromRoute] long id, [FromRoute] long rowId, EditSetProblemRequest request,
        CancellationToken cancellationToken) =>
        content.UpdateProblemAsync(id, rowId, request, CurrentUser!, cancellationToken);

    [HttpDelete(Set + "/problems/{rowId:long:min(0)}")]
    public Task<ServiceResult<string>> RemoveProblem([FromRoute] long id, [FromRoute] long rowId, CancellationToken cancellationToken) =>
        content.RemoveProblemAsync(id, rowId, CurrentUser!, cancellationToken);

    [HttpGet(Set + "/badges")]
    public Task<ServiceResult<List<BadgeDto>>> Badges([FromRoute] long id, CancellationToken cancellationToken) =>
        content.ListBadgesAsync(id, CurrentUser!, cancellationToken);

    [HttpPost(Set + "/badges")]
    public Task<ServiceResult<BadgeDto>> CreateBadge([FromRoute] long id, CreateBadgeRequest request, CancellationToken cancellationToken) =>
        content.CreateBadgeAsync(id, request, CurrentUser!, cancellationToken);

    [HttpPut(Set + "/badges/{badgeId:long:min(0)}")]
    public Task<ServiceResult<string>> UpdateBadge([FromRoute] long id, [FromRoute] long badgeId, EditBadgeRequest request,
        CancellationToken cancellationToken) =>
        content.UpdateBadgeAsync(id, badgeId, request, CurrentUser!, cancellationToken);

    [HttpDelete(Set + "/badges/{badgeId:long:min(0)}")]
    public Task<ServiceResult<string>> DeleteBadge([FromRoute] long id, [FromRoute] long badgeId, CancellationToken cancellationToken) =>
        content.DeleteBadgeAsync(id, badgeId, CurrentUser!, cancellationToken);

    [HttpGet(Set + "/progress")]
    public Task<ServiceResult<List<ProgressDto>>> Progress([FromRoute] long id, CancellationToken cancellationToken) =>
        content.ListProgressAsync(id, CurrentUser!, cancellationToken);

    [HttpDelete(Set + "/progress/{userId:int:min(0)}")]
    public Task<ServiceResult<string>> RemoveMember([FromRoute] long id, [FromRoute] int userId, CancellationToken cancellationToken) =>
        content.RemoveMemberAsync(id, userId, CurrentUser!, cancellationToken);

    [HttpPost(Set + "/sync")]
    public Task<ServiceResult<string>> Sync([FromRoute] long id, CancellationToken cancellationToken) =>
        content.SyncAsync(id, CurrentUser!, cancellationToken);

    // §3: URL shapes the reference registered but could not serve (after the role check and the body validation).

    [HttpGet(Set + "/problems/{x:long:min(0)}")]
    public ServiceResult OneProblem() => ProblemSetPaths.Unsupported("GET " + Shown + "/problems");

    [HttpPost(Set + "/problems/{x:long:min(0)}")]
    public ServiceResult AddProblemWithRowId(AddSetProblemRequest request) => ProblemSetPaths.Unsupported("POST " + Shown + "/problems");

    [HttpPut(Set + "/problems")]
    public ServiceResult UpdateProblemWithoutRowId(EditSetProblemRequest request) => ProblemSetPaths.Unsupported("PUT " + Shown + "/problems/{psp_id}");

    [HttpDelete(Set + "/problems")]
    public ServiceResult RemoveProblemWithoutRowId() => ProblemSetPaths.Unsupported("DELETE " + Shown + "/problems/{psp_id}");

    [HttpGet(Set + "/badges/{x:long:min(0)}")]
    public ServiceResult OneBadge() => ProblemSetPaths.Unsupported("GET " + Shown + "/badges");

    [HttpPost(Set + "/badges/{x:long:min(0)}")]
    public ServiceResult CreateBadgeWithId(CreateBadgeRequest request) => ProblemSetPaths.Unsupported("POST " + Shown + "/badges");

    [HttpPut(Set + "/badges")]
    public ServiceResult UpdateBadgeWithoutId(EditBadgeRequest request) => ProblemSetPaths.Unsupported("PUT " + Shown + "/badges/{badge_id}");

    [HttpDelete(Set + "/badges")]
    public ServiceResult DeleteBadgeWithoutId() => ProblemSetPaths.Unsupported("DELETE " + Shown + "/badges/{badge_id}");

    [HttpGet(Set + "/progress/{x:int:min(0)}")]
    public ServiceResult OneMember() => ProblemSetPaths.Unsupported("GET " + Shown + "/progress");

    [HttpDelete(Set + "/progress")]
    public ServiceResult RemoveMemberWithoutId() => ProblemSetPaths.Unsupported("DELETE " + Shown + "/progress/{user_id}");
}

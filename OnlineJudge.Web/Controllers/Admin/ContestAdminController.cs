using OnlineJudge.Data.Contests;
using OnlineJudge.Services.Contests;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>contest.md §2 (admin contests, clone, ACM helper) and the legacy §5.2–§5.3; all behind the admin gate.</summary>
public class ContestAdminController(ContestAdminService contests) : ApiControllerBase
{
    [TeacherAdminRequired]
    [HttpGet("/api/admin/contest")]
    public Task<ServiceResult<Either<ContestAdminDto, Page<ContestAdminDto>>>> Get(ContestAdminQuery query, CancellationToken cancellationToken) =>
        Either.OneOrList(query.Id, id => contests.GetAsync(id, CurrentUser!, cancellationToken),
            () => contests.ListAsync(query, CurrentUser!, cancellationToken));

    [TeacherAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/contest")]
    public async Task<ServiceResult<ContestAdminDto>> Create(ContestCreateRequest request, CancellationToken cancellationToken) =>
        await contests.CreateAsync(request.ToWriteDto(), CurrentUser!, cancellationToken);

    [TeacherAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPut("/api/admin/contest")]
    public async Task<ServiceResult<ContestAdminDto>> Edit(ContestEditRequest request, CancellationToken cancellationToken) =>
        await contests.UpdateAsync(request.Id, request.ToWriteDto(), CurrentUser!, cancellationToken);

    [TeacherAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/contest/clone")]
    public async Task<ServiceResult<ContestAdminDto>> Clone(ContestCloneRequest request, CancellationToken cancellationToken) =>
        await contests.CloneAsync(request.ContestId, CurrentUser!, cancellationToken);

    [TeacherAdminRequired]
    [HttpGet("/api/admin/contest/acm_helper")]
    public async Task<ServiceResult<List<AcmHelperItem>>> AcmHelper(AcmHelperQuery query, CancellationToken cancellationToken) =>
        await contests.GetAcmHelperAsync(query.ContestId, CurrentUser!, cancellationToken);

    [TeacherAdminRequired]
    [HttpPut("/api/admin/contest/acm_helper")]
    public async Task<ServiceResult> AcmHelperCheck(AcmHelperCheckRequest request, CancellationToken cancellationToken) =>
        await contests.SetAcmHelperCheckedAsync(request.ContestId, request.RankId, request.ProblemId, request.Checked, CurrentUser!, cancellationToken);

    /// <summary>Legacy: one announcement with <c>id</c>, else the announcements of <c>contest_id</c>.</summary>
    [SuperAdminRequired]
    [HttpGet("/api/admin/contest/announcement")]
    public Task<ServiceResult<Either<ContestAnnouncementDto, List<ContestAnnouncementDto>>>> Announcements(ContestAnnouncementAdminQuery query,
        CancellationToken cancellationToken) =>
        Either.OneOrList(query.Id, id => contests.GetAnnouncementAsync(id, cancellationToken),
            () => contests.ListAnnouncementsAsync(query, cancellationToken));

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/contest/announcement")]
    public async Task<ServiceResult<ContestAnnouncementDto>> CreateAnnouncement(ContestAnnouncementCreateRequest request,
        CancellationToken cancellationToken) =>
        await contests.CreateAnnouncementAsync(request.ContestId, request.Title, request.Content, request.Visible, CurrentUser!, cancellationToken);

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPut("/api/admin/contest/announcement")]
    public async Task<ServiceResult> EditAnnouncement(ContestAnnouncementEditRequest request, CancellationToken cancellationToken) =>
        await contests.UpdateAnnouncementAsync(request.Id, request.Title, request.Content, request.Visible, cancellationToken);

    [SuperAdminRequired]
    [HttpDelete("/api/admin/contest/announcement")]
    public async Task<ServiceResult> DeleteAnnouncement(ContestAnnouncementIdQuery query, CancellationToken cancellationToken) =>
        await contests.DeleteAnnouncementAsync(query.Id, cancellationToken);

    /// <summary>Legacy: a zip of the latest accepted code of every user and problem.</summary>
    [SuperAdminRequired]
    [HttpGet("/api/admin/download_submissions")]
    public async Task<IActionResult> DownloadSubmissions(DownloadSubmissionsQuery query, CancellationToken cancellationToken)
    {
        var result = await contests.DownloadSubmissionsAsync(query.ContestId, query.ExcludeAdmin, cancellationToken);
        if (result.Data is not { } file)
        {
            return new ObjectResult(result);
        }

        Response.Headers.ContentDisposition = $"attachment;filename={file.FileName}";
        return File(file.Content, file.ContentType);
    }
}

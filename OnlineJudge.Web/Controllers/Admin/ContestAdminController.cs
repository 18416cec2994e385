using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Contests;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>contest.md §2 (admin contests, clone, ACM helper) and the legacy §5.2–§5.3; all behind the admin gate.</summary>
public class ContestAdminController(ContestAdminService contests) : ApiControllerBase
{
    /// <summary>One contest with <c>id</c>, else the list.</summary>
    [TeacherAdminRequired]
    [HttpGet("/api/admin/contest")]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var id = RequestData.GetString("id");
        return !string.IsNullOrEmpty(id)
            ? new ObjectResult(await contests.GetAsync(id, CurrentUser!, cancellationToken))
            : new ObjectResult(await contests.ListAsync(RequestData.GetString("keyword"), CurrentUser!,
                PageRequest.Parse(RequestData.GetString("limit"), RequestData.GetString("offset")), cancellationToken));
    }

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
    public async Task<ServiceResult<List<AcmHelperItem>>> AcmHelper(CancellationToken cancellationToken) =>
        await contests.GetAcmHelperAsync(RequestData.GetString("contest_id"), CurrentUser!, cancellationToken);

    [TeacherAdminRequired]
    [HttpPut("/api/admin/contest/acm_helper")]
    public async Task<ServiceResult<object?>> AcmHelperCheck(AcmHelperCheckRequest request, CancellationToken cancellationToken) =>
        await contests.SetAcmHelperCheckedAsync(request.ContestId, request.RankId, request.ProblemId, request.Checked, CurrentUser!, cancellationToken);

    /// <summary>Legacy: one announcement with <c>id</c>, else the announcements of <c>contest_id</c>.</summary>
    [SuperAdminRequired]
    [HttpGet("/api/admin/contest/announcement")]
    public async Task<IActionResult> Announcements(CancellationToken cancellationToken)
    {
        var id = RequestData.GetString("id");
        return !string.IsNullOrEmpty(id)
            ? new ObjectResult(await contests.GetAnnouncementAsync(id, cancellationToken))
            : new ObjectResult(await contests.ListAnnouncementsAsync(RequestData.GetString("contest_id"), RequestData.GetString("keyword"),
                cancellationToken));
    }

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/contest/announcement")]
    public async Task<ServiceResult<ContestAnnouncementDto>> CreateAnnouncement(ContestAnnouncementCreateRequest request,
        CancellationToken cancellationToken) =>
        await contests.CreateAnnouncementAsync(request.ContestId, request.Title, request.Content, request.Visible, CurrentUser!, cancellationToken);

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPut("/api/admin/contest/announcement")]
    public async Task<ServiceResult<object?>> EditAnnouncement(ContestAnnouncementEditRequest request, CancellationToken cancellationToken) =>
        await contests.UpdateAnnouncementAsync(request.Id, request.Title, request.Content, request.Visible, cancellationToken);

    [SuperAdminRequired]
    [HttpDelete("/api/admin/contest/announcement")]
    public async Task<ServiceResult<object?>> DeleteAnnouncement(CancellationToken cancellationToken) =>
        await contests.DeleteAnnouncementAsync(RequestData.GetString("id"), cancellationToken);

    /// <summary>Legacy: a zip of the latest accepted code of every user and problem.</summary>
    [SuperAdminRequired]
    [HttpGet("/api/admin/download_submissions")]
    public async Task<IActionResult> DownloadSubmissions(CancellationToken cancellationToken)
    {
        var result = await contests.DownloadSubmissionsAsync(RequestData.GetString("contest_id"), RequestData.GetString("exclude_admin") == "1",
            cancellationToken);
        if (result.Data is not { } file)
        {
            return new ObjectResult(result);
        }

        Response.Headers.ContentDisposition = $"attachment;filename={file.FileName}";
        return File(file.Content, file.ContentType);
    }
}

using OnlineJudge.Data.Announcements;
using OnlineJudge.Services.Announcements;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>announcement.md §2–§5: super admins only (behind the admin gate); writes validate before the role check.</summary>
public class AnnouncementAdminController(AnnouncementService announcements) : ApiControllerBase
{
    [SuperAdminRequired]
    [HttpGet("/api/admin/announcement")]
    public Task<ServiceResult<Either<AnnouncementDto, Page<AnnouncementDto>>>> Get(AdminAnnouncementQuery query,
        CancellationToken cancellationToken) =>
        Either.OneOrList(query.Id, id => announcements.GetAsync(id, cancellationToken), () => announcements.ListAsync(query, cancellationToken));

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/announcement")]
    public Task<ServiceResult<AnnouncementDto>> Create(CreateAnnouncementRequest request, CancellationToken cancellationToken) =>
        announcements.CreateAsync(request, CurrentUser!, cancellationToken);

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPut("/api/admin/announcement")]
    public Task<ServiceResult<AnnouncementDto>> Update(EditAnnouncementRequest request, CancellationToken cancellationToken) =>
        announcements.UpdateAsync(request, cancellationToken);

    [SuperAdminRequired]
    [HttpDelete("/api/admin/announcement")]
    public Task<ServiceResult> Delete(AnnouncementIdQuery query, CancellationToken cancellationToken) =>
        announcements.DeleteAsync(query.Id, cancellationToken);
}

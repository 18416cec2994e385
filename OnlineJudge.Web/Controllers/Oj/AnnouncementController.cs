using OnlineJudge.Data.Announcements;
using OnlineJudge.Services.Announcements;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>announcement.md §1.</summary>
public class AnnouncementController(AnnouncementService announcements) : ApiControllerBase
{
    [HttpGet("/api/announcement")]
    public Task<ServiceResult<Either<AnnouncementDto, Page<AnnouncementListItemDto>>>> Get(AnnouncementQuery query,
        CancellationToken cancellationToken) =>
        Either.OneOrList(query.Id, id => announcements.GetVisibleAsync(id, cancellationToken),
            () => announcements.ListVisibleAsync(query.Page, cancellationToken));
}

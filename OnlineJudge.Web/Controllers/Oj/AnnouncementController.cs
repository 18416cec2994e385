using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Announcements;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Announcements;
using OnlineJudge.Services.Common;

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

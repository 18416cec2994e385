using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Announcements;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>announcement.md §1.</summary>
public class AnnouncementController(AnnouncementService announcements) : ApiControllerBase
{
    [HttpGet("/api/announcement")]
    public Task<ServiceResult<object>> Get(CancellationToken cancellationToken) =>
        announcements.GetForStudentsAsync(RequestData.GetString("id"), PageRequest.Parse(RequestData.GetString("limit"), RequestData.GetString("offset")),
            cancellationToken);
}

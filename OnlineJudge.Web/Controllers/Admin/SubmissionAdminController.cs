using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Submissions;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>submission.md §2: rejudge and the class statistics panel, for teachers and super admins.</summary>
public class SubmissionAdminController(RejudgeService rejudge, SubmissionStatisticsService statistics) : ApiControllerBase
{
    [TeacherAdminRequired]
    [HttpGet("/api/admin/submission/rejudge")]
    public Task<ServiceResult<object?>> Rejudge(CancellationToken cancellationToken) =>
        rejudge.RejudgeAsync(RequestData.GetString("id"), cancellationToken);

    [TeacherAdminRequired]
    [HttpGet("/api/admin/submission/statistics")]
    public Task<ServiceResult<SubmissionStatisticsDto>> Statistics(CancellationToken cancellationToken) =>
        statistics.GetAsync(new SubmissionStatisticsQuery(RequestData.GetString("start"), RequestData.GetString("end"),
            RequestData.GetString("problem_id"), RequestData.GetString("username")), cancellationToken);
}

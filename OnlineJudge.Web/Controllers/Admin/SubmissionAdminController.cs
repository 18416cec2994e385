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
    public Task<ServiceResult> Rejudge(SubmissionIdQuery query, CancellationToken cancellationToken) =>
        rejudge.RejudgeAsync(query.Id, cancellationToken);

    [TeacherAdminRequired]
    [HttpGet("/api/admin/submission/statistics")]
    public Task<ServiceResult<SubmissionStatisticsDto>> Statistics(StatisticsQuery query, CancellationToken cancellationToken) =>
        statistics.GetAsync(query, cancellationToken);
}

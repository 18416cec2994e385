using OnlineJudge.Services.Achievements;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>achievement.md §2: super admins only (behind the admin gate); the bodies are checked by the service.</summary>
[SuperAdminRequired]
public class AchievementAdminController(AchievementAdminService achievements) : ApiControllerBase
{
    [HttpGet("/api/admin/achievement")]
    public Task<ServiceResult<Either<AdminAchievementDto, List<AdminAchievementDto>>>> Get(AdminAchievementQuery query,
        CancellationToken cancellationToken) =>
        Either.OneOrList(query.Id, id => achievements.GetAsync(id, cancellationToken), () => achievements.ListAsync(cancellationToken));

    [HttpGet("/api/admin/achievement/metrics")]
    public ServiceResult<List<MetricOptionDto>> Metrics() => AchievementAdminService.ListMetrics();

    [HttpPost("/api/admin/achievement")]
    public Task<ServiceResult<AdminAchievementDto>> Create(CancellationToken cancellationToken) =>
        achievements.CreateAsync(RequestData, cancellationToken);

    [HttpPut("/api/admin/achievement")]
    public Task<ServiceResult<AdminAchievementDto>> Update(CancellationToken cancellationToken) =>
        achievements.UpdateAsync(RequestData, cancellationToken);

    [HttpDelete("/api/admin/achievement")]
    public Task<ServiceResult<string>> Delete(AchievementDeleteQuery query, CancellationToken cancellationToken) =>
        achievements.DeleteAsync(query.Id, cancellationToken);
}

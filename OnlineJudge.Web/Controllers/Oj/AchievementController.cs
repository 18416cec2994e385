using OnlineJudge.Data.Achievements;
using OnlineJudge.Services.Achievements;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>achievement.md §1: the trophy hall, its summary and the unlock toasts, for logged-in users.</summary>
[LoginRequired]
public class AchievementController(AchievementService achievements, PendingAchievementService pending) : ApiControllerBase
{
    [HttpGet("/api/achievements")]
    public Task<ServiceResult<TrophyHallDto>> List(AchievementTargetQuery query, CancellationToken cancellationToken) =>
        achievements.GetTrophyHallAsync(CurrentUser!, query.Name, cancellationToken);

    [HttpGet("/api/achievements/summary")]
    public Task<ServiceResult<AchievementSummaryDto>> Summary(AchievementTargetQuery query, CancellationToken cancellationToken) =>
        achievements.GetSummaryAsync(CurrentUser!, query.Name, cancellationToken);

    [HttpGet("/api/achievements/pending")]
    public Task<ServiceResult<List<PendingAchievementDto>>> Pending(CancellationToken cancellationToken) =>
        pending.ListAsync(CurrentUser!.Id, cancellationToken);

    [HttpPost("/api/achievements/pending")]
    public Task<ServiceResult<string>> MarkShown(CancellationToken cancellationToken) =>
        pending.MarkShownAsync(CurrentUser!.Id, RequestData, cancellationToken);
}

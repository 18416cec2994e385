using OnlineJudge.Data.Achievements;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Achievements;

/// <summary>Super admins' achievement configuration (achievement.md §2); writes that may unlock queue a rescan.</summary>
public class AchievementAdminService(
    AchievementRepository achievements,
    AchievementJobRepository jobs,
    AchievementRescanWakeups rescans,
    TransactionRunner transactions,
    CacheService cache,
    TimeProvider time)
{
    public const string NotFound = "成就不存在";
    public const string Deleted = "删除成功";

    /// <summary>§2.1: one achievement, visible or not.</summary>
    public async Task<ServiceResult<AdminAchievementDto>> GetAsync(long id, CancellationToken cancellationToken) =>
        await achievements.FindAsync(id, cancellationToken) is { } achievement ? AdminAchievementDto.Of(achievement) : ServiceError.Of(NotFound);

    /// <summary>§2.1: every achievement in order.</summary>
    public async Task<ServiceResult<List<AdminAchievementDto>>> ListAsync(CancellationToken cancellationToken) =>
        (await achievements.ListAsync(visibleOnly: false, cancellationToken)).Select(AdminAchievementDto.Of).ToList();

    /// <summary>§2.2: the metric registry in registration order.</summary>
    public static ServiceResult<List<MetricOptionDto>> ListMetrics() =>
        MetricRegistry.All.Select(m => new MetricOptionDto(m.Key, m.Name, m.HelpText)).ToList();

    /// <summary>§2.3: inserts and queues its rescan (which does nothing for an invisible achievement).</summary>
    public async Task<ServiceResult<AdminAchievementDto>> CreateAsync(RequestData data, CancellationToken cancellationToken)
    {
        var validated = AchievementRequest.Validate(data);
        if (validated.Error is { } error)
        {
            return error;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var id = await transactions.ExecuteAsync(async ct =>
        {
            var created = await achievements.CreateAsync(validated.Data!, now, ct);
            await jobs.EnqueueRescanAsync(created, now, ct);
            return created;
        }, cancellationToken);
        await rescans.WakeAllAsync(CancellationToken.None);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>
    /// §2.4: copies the sent fields; when the achievement is visible and its condition or visibility changed, a rescan is
    /// queued. Existing unlocks are never revoked.
    /// </summary>
    public async Task<ServiceResult<AdminAchievementDto>> UpdateAsync(RequestData data, CancellationToken cancellationToken)
    {
        if (!AchievementRequest.TryReadId(data, out var id))
        {
            return ServiceError.Of(AchievementRequest.InvalidParameter);
        }

        if (await achievements.FindAsync(id, cancellationToken) is null)
        {
            return ServiceError.Of(NotFound);
        }

        var validated = AchievementRequest.Validate(data);
        if (validated.Error is { } error)
        {
            return error;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rescan = false;
        var saved = await transactions.ExecuteAsync(async ct =>
        {
            if (await achievements.UpdateAsync(id, validated.Data!, ct) is not { } result)
            {
                return null;
            }

            var (before, after) = result;

            rescan = after.Visible && (before.Metric != after.Metric || before.Operator != after.Operator || before.Threshold != after.Threshold
                                       || before.Visible != after.Visible);
            if (rescan)
            {
                await jobs.EnqueueRescanAsync(id, now, ct);
            }

            return after;
        }, cancellationToken);
        if (saved is null)
        {
            return ServiceError.Of(NotFound);
        }

        await cache.InvalidateAchievementsAsync(CancellationToken.None);
        if (rescan)
        {
            await rescans.WakeAllAsync(CancellationToken.None);
        }

        return AdminAchievementDto.Of(saved);
    }

    /// <summary>§2.5: deletes the achievement and its unlock rows; an unknown id succeeds too.</summary>
    public async Task<ServiceResult<string>> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (await achievements.DeleteAsync(id, cancellationToken) > 0)
        {
            await cache.InvalidateAchievementsAsync(CancellationToken.None);
        }

        return Deleted;
    }
}

using System.Text.Json;
using OnlineJudge.Data.Achievements;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// The unlock toasts (achievement.md §1.3–§1.4, §4): the caller's unlocks not shown yet, read on every page view of
/// every logged-in user, so served from a per-user cache (one Redis round trip) that every change of the list makes stale.
/// </summary>
public class PendingAchievementService(UserAchievementRepository unlocks, CacheService cache)
{
    public const string InvalidParameter = "参数错误";

    /// <summary>§1.3: oldest unlock first.</summary>
    public async Task<ServiceResult<List<PendingAchievementDto>>> ListAsync(int userId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateNestedVersionedAsync(CacheKeys.AchievementPendingFamily, CacheKeys.AchievementPendingUser(userId), "list",
            CacheKeys.AchievementPendingTtl, ct => unlocks.ListPendingAsync(userId, ct), cancellationToken);

    /// <summary>
    /// §1.4: marks the caller's unlocks of the achievements in <c>ids</c> as shown. A missing, null or empty (falsy) value
    /// does nothing; anything but a list of integer ids answers <c>参数错误</c> (the reference crashed on bad elements).
    /// </summary>
    public async Task<ServiceResult<string>> MarkShownAsync(int userId, RequestData data, CancellationToken cancellationToken)
    {
        if (!TryReadIds(data, out var ids))
        {
            return ServiceError.Of(InvalidParameter);
        }

        if (ids.Length > 0 && await unlocks.MarkNotifiedAsync(userId, ids, cancellationToken) > 0)
        {
            await cache.BumpVersionAsync(CacheKeys.AchievementPendingOf(userId), CancellationToken.None);
        }

        return "ok";
    }

    private static bool TryReadIds(RequestData data, out long[] ids)
    {
        ids = [];
        if (data.Form is { } form)
        {
            // A form can hold no list: a non-empty value is "not a list".
            return !form.TryGetValue("ids", out var values) || values.Length == 0 || values[^1].Length == 0;
        }

        if (data.Json is not { } json)
        {
            return true;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (!json.TryGetProperty("ids", out var value) || JsonValues.IsFalsy(value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<long>();
        foreach (var item in value.EnumerateArray())
        {
            if (!JsonValues.TryGetInt64(item, out var id))
            {
                return false;
            }

            list.Add(id);
        }

        ids = [.. list];
        return true;
    }
}

using OnlineJudge.Data.Ai;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Ai;

/// <summary>Whose statistics are read (ai.md §0.1) and among whom they are ranked (§0.2).</summary>
public class AiTargetService(AiStatisticsRepository statistics, CacheService cache)
{
    /// <summary>The user named by a teacher or super admin; else the caller (a student's <paramref name="username"/> is ignored).</summary>
    public async Task<ServiceResult<AiUserDto>> ResolveAsync(string? username, CurrentUser caller, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(username) && caller.IsTeacherOrAbove)
        {
            var named = await statistics.FindUserAsync(username, cancellationToken);
            return named is null ? ServiceError.Of("User not found") : named;
        }

        var self = await statistics.FindUserAsync(caller.Id, cancellationToken);
        return self is null ? ServiceError.Of("User not found") : self;
    }

    /// <summary>The target's class when it has more than one member (any role, disabled too); null: rank among all users.</summary>
    public async Task<IReadOnlyCollection<int>?> ScopeAsync(AiUserDto target, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(target.ClassName))
        {
            return null;
        }

        var members = await cache.GetOrCreateAsync(CacheKeys.AiStatistics("class_users", target.ClassName), CacheKeys.AiStatisticsTtl,
            ct => statistics.ListClassUserIdsAsync(target.ClassName, ct), cancellationToken);
        return members.Count > 1 ? members : null;
    }
}

using System.Globalization;
using OnlineJudge.Data.Contests;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Contests;

/// <summary>What a contest endpoint is about to read (the reference's <c>check_type</c>).</summary>
public enum ContestCheckType
{
    Details,
    Problems,
    Ranks,
    Submissions,
    Announcements,
}

/// <summary>The contest permission check of contest.md §0.2; first failure wins.</summary>
public class ContestAccessService(ContestRepository contests, CacheService cache, TimeProvider time)
{
    /// <summary>The gate's view of a contest changes only through admin writes, which bump the contest family.</summary>
    private static readonly TimeSpan GateTtl = TimeSpan.FromMinutes(5);

    public async Task<ServiceResult<ContestGateDto>> CheckAsync(string? contestId, ContestCheckType checkType, CurrentUser? user,
        IReadOnlyDictionary<string, string>? enteredPasswords, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(contestId))
        {
            return ServiceError.Of("Parameter error, contest_id is required");
        }

        // A non-numeric id cannot name a contest; the reference crashed here (spec README, decision 5).
        var contest = int.TryParse(contestId.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? await cache.GetOrCreateVersionedAsync(ContestService.CacheFamily, CacheService.KeyOf("gate", id), GateTtl,
                ct => contests.FindVisibleGateAsync(id, ct), cancellationToken)
            : null;
        if (contest is null)
        {
            return ServiceError.Of($"Contest {contestId} doesn't exist");
        }

        if (user is null)
        {
            return ServiceError.PermissionDenied("Please login first");
        }

        if (user.IsSuperAdmin || contest.CreatedById == user.Id)
        {
            return contest;
        }

        var now = time.GetUtcNow();
        if (!string.IsNullOrEmpty(contest.Password)
            && !ContestPasswords.Check(enteredPasswords?.GetValueOrDefault(contest.Id.ToString(CultureInfo.InvariantCulture)), contest.Password, now))
        {
            return ServiceError.Of("Wrong password or password expired");
        }

        if (contest.StartTime > now.UtcDateTime && checkType != ContestCheckType.Details)
        {
            return ServiceError.Of("Contest has not started yet.");
        }

        return contest;
    }
}

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
    public static readonly ServiceError MissingContestId = ServiceError.Of("Parameter error, contest_id is required");

    /// <summary>Also the answer for a non-numeric id, which cannot name a contest (the reference crashed; spec README, decision 5).</summary>
    public static ServiceError ContestDoesNotExist(string contestId) => ServiceError.Of($"Contest {contestId} doesn't exist");

    public async Task<ServiceResult<ContestGateDto>> CheckAsync(int contestId, ContestCheckType checkType, CurrentUser? user,
        IReadOnlyDictionary<string, string>? enteredPasswords, CancellationToken cancellationToken)
    {
        var contest = await cache.GetOrCreateVersionedAsync(CacheKeys.ContestFamily, CacheService.KeyOf("gate", contestId), CacheKeys.ContestGateTtl,
            ct => contests.FindVisibleGateAsync(contestId, ct), cancellationToken);
        if (contest is null)
        {
            return ContestDoesNotExist(contestId.ToString(CultureInfo.InvariantCulture));
        }

        if (user is null)
        {
            return ServiceError.PermissionDenied("Please login first");
        }

        if (user.OwnsContest(contest.CreatedById))
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

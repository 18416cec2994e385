using OnlineJudge.Data.Json;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Users;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Users;

/// <summary>The answer of <c>GET /api/user_problem_rank</c> (account.md A11).</summary>
public sealed record ProblemRankDto(string ClassName, int Rank, int ClassAcCount, int AllAcCount);

/// <summary>User rank lists (account.md A9–A11).</summary>
public class RankService(RankRepository ranks, CacheService cache)
{
    /// <summary>A9.</summary>
    public async Task<ServiceResult<Page<RankInfoDto>>> GetUserRankAsync(UserRankQuery query, CancellationToken cancellationToken) =>
        await ranks.GetUserRankPageAsync(query.Username ?? "", (int)Math.Clamp(query.N, 0, int.MaxValue), query.Page, cancellationToken);

    /// <summary>A10, cached per exact <paramref name="start"/> text.</summary>
    public async Task<ServiceResult<List<ActivityRankDto>>> GetActivityRankAsync(string? start, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(start))
        {
            return ServiceError.Of("start time is required");
        }

        var key = CacheKeys.ActivityRank(start);
        var (found, cached) = await cache.TryGetAsync<List<ActivityRankDto>>(key);
        if (found && cached is not null)
        {
            return cached;
        }

        if (!TimeFormats.TryParse(start, out var startUtc))
        {
            return ServiceError.Of("start time is invalid, expected an ISO 8601 date-time");
        }

        var rank = await ranks.GetActivityRankAsync(startUtc, cancellationToken);
        await cache.SetAsync(key, rank, CacheKeys.ActivityRankTtl);
        return rank;
    }

    /// <summary>A11: the caller's place among the users who solved the problem (in their class when they have one).</summary>
    public async Task<ServiceResult<ProblemRankDto>> GetProblemRankAsync(int? userId, string? problemId, CancellationToken cancellationToken)
    {
        if (userId is not { } id)
        {
            return ServiceError.Of("User is not authenticated");
        }

        if (string.IsNullOrEmpty(problemId))
        {
            return ServiceError.Of("Problem does not exist");
        }

        var stats = await ranks.GetProblemRankStatsAsync(problemId, id, cancellationToken);
        return stats.ProblemFound
            ? new ProblemRankDto(stats.ClassName, stats.Rank, stats.ClassAcCount, stats.AllAcCount)
            : ServiceError.Of("Problem does not exist");
    }
}

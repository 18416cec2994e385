using OnlineJudge.Data.Paging;
using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>
/// Student reads of open sets (problemset.md §1.1–§1.3, §1.8, §1.9). What is the same for every caller comes from the
/// versioned cache (one Redis round trip); the caller's progress and earned badges are one more query.
/// </summary>
public class ProblemSetService(ProblemSetRepository sets, CacheService cache)
{
    public static readonly ServiceError NotFound = ServiceError.Of("题单不存在");

    /// <summary>§1.1: a page of open sets with the caller's progress and earned badges.</summary>
    public async Task<ServiceResult<Page<ProblemSetListItemDto>>> ListAsync(OpenProblemSetListQuery query, CurrentUser? user,
        CancellationToken cancellationToken)
    {
        var sort = string.IsNullOrEmpty(query.Sort) ? null : query.Sort;
        if (sort is not null && !ProblemSetRepository.SortFields.Contains(sort))
        {
            // The reference crashed on an unknown column (spec README, decision 5).
            return new ServiceError("invalid-sort", $"sort: \"{sort}\" is not a valid choice.");
        }

        var filter = query.ToFilter();
        var page = await cache.GetOrCreateVersionedAsync(CacheKeys.ProblemSetFamily,
            CacheService.KeyOf("list", Escape(filter.Keyword), Escape(filter.Difficulty), Escape(filter.Status), sort, query.Page.Limit,
                query.Page.Offset),
            CacheKeys.ProblemSetTtl, ct => sets.GetOpenPageAsync(filter, sort, query.Page, ct), cancellationToken);
        var state = user is null || page.Results.Count == 0
            ? new ProblemSetCallerState([], [])
            : await sets.GetCallerStateAsync(user.Id, [.. page.Results.Select(r => r.Id)], cancellationToken);
        var progress = state.Progress.ToDictionary(p => p.ProblemSetId);
        var earned = state.EarnedBadgeIds.ToHashSet();
        return new Page<ProblemSetListItemDto>(
            [.. page.Results.Select(r => ProblemSetListItemDto.From(r, UserProgressSummaryDto.From(progress.GetValueOrDefault(r.Id)),
                [.. r.Badges.Select(b => EarnableBadgeDto.From(b, earned.Contains(b.Id)))]))],
            page.Total);
    }

    /// <summary>§1.2: an open set with the caller's progress.</summary>
    public async Task<ServiceResult<ProblemSetDto>> GetAsync(long id, CurrentUser? user, CancellationToken cancellationToken)
    {
        var row = await cache.GetOrCreateVersionedAsync(CacheKeys.ProblemSetFamily, CacheService.KeyOf("detail", id), CacheKeys.ProblemSetTtl,
            ct => sets.FindDetailAsync(id, openOnly: true, ct), cancellationToken);
        if (row is null)
        {
            return NotFound;
        }

        var progress = user is null ? null : await sets.FindProgressSummaryAsync(id, user.Id, cancellationToken);
        return ProblemSetDto.From(row, progress);
    }

    /// <summary>§1.3: the problems of an open set, ticked where the caller completed them.</summary>
    public async Task<ServiceResult<List<ProblemSetProblemDto>>> ListProblemsAsync(long id, CurrentUser? user, CancellationToken cancellationToken)
    {
        var problems = await cache.GetOrCreateVersionedAsync(CacheKeys.ProblemSetFamily, CacheService.KeyOf("problems", id), CacheKeys.ProblemSetTtl,
            async ct => await sets.IsOpenAsync(id, ct) ? (await sets.ListProblemsAsync(id, ct)).Select(ProblemSetProblemDto.From).ToList() : null,
            cancellationToken);
        if (problems is null)
        {
            return NotFound;
        }

        var completed = user is null ? null : await sets.FindCompletedKeysAsync(id, user.Id, cancellationToken);
        return completed is null ? problems : WithCompletion(problems, completed);
    }

    /// <summary>§1.9: the badges of an open set.</summary>
    public async Task<ServiceResult<List<BadgeDto>>> ListBadgesAsync(long id, CancellationToken cancellationToken) =>
        await sets.IsOpenAsync(id, cancellationToken) ? await sets.ListBadgesAsync(id, cancellationToken) : NotFound;

    /// <summary>§1.8: the badges of an enabled user named exactly <c>username</c>, else of the caller.</summary>
    public async Task<ServiceResult<List<UserBadgeDto>>> ListUserBadgesAsync(UserBadgesQuery query, CurrentUser? user, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(query.Username))
        {
            return await sets.FindUserBadgesByUsernameAsync(query.Username, cancellationToken) is { } badges ? badges : ServiceError.Of("用户不存在");
        }

        // The reference crashed for an anonymous caller without a username (spec README, decision 5).
        return user is null ? ServiceError.PermissionDenied("Please login first") : await sets.ListUserBadgesAsync(user.Id, cancellationToken);
    }

    /// <summary>The rows with <c>is_completed</c> set for the problems whose id is a key of the caller's <c>progress_detail</c>.</summary>
    public static List<ProblemSetProblemDto> WithCompletion(IEnumerable<ProblemSetProblemDto> problems, IReadOnlyCollection<string> completedKeys)
    {
        var keys = completedKeys.ToHashSet(StringComparer.Ordinal);
        return [.. problems.Select(p => p with { IsCompleted = keys.Contains(ProgressRules.KeyOf(p.Problem.Id)) })];
    }

    /// <summary>Free text in a cache key: escaped, so that a separator inside a value never makes two filters one key.</summary>
    private static string? Escape(string? text) => text is null ? null : Uri.EscapeDataString(text);
}

using System.Globalization;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Problems;

/// <summary>Student problem endpoints (problem.md §1).</summary>
public class ProblemService(PublicProblemRepository problems, ProblemTagRepository tags, ProblemStatisticsRepository statistics, CacheService cache,
    TimeProvider time)
{
    public async Task<ServiceResult<List<TagDto>>> GetTagsAsync(string? keyword, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CacheKeys.ProblemTags(keyword), CacheKeys.ProblemTagsTtl,
            ct => tags.ListUsedTagsAsync(keyword, ct), cancellationToken);

    public async Task<ServiceResult<Page<ProblemListItemDto>>> ListAsync(ProblemQuery query, CurrentUser? user, CancellationToken cancellationToken)
    {
        var filter = new ProblemListFilter(query.Keyword?.Trim(), query.Tag, query.Difficulty, query.Author, query.Sort);
        if (query.Page is not { } pageRequest)
        {
            return ServiceError.Of("Limit is needed");
        }

        if (!string.IsNullOrEmpty(filter.Sort) && filter.Sort is not ("flowchart" or "ast") && !PublicProblemRepository.SortFields.Contains(filter.Sort))
        {
            // The reference crashed on an unknown field (spec README, decision 5).
            return new ServiceError("invalid-sort", $"sort: \"{filter.Sort}\" is not a valid choice.");
        }

        var page = await cache.GetOrCreateVersionedAsync(CacheKeys.ProblemFamily,
            CacheService.KeyOf("list", filter.Keyword, filter.Tag, filter.Difficulty, filter.Author, filter.Sort, pageRequest.Limit, pageRequest.Offset),
            CacheKeys.ProblemTtl, async ct => (await problems.ListPublicAsync(filter, pageRequest, null, ct)).Page, cancellationToken);
        var statuses = user is null ? null : (await problems.GetAcmStatusAsync(user.Id, cancellationToken)).Problems;
        return new Page<ProblemListItemDto>(
            [.. page.Results.Select(r => ProblemViews.ToListItem(r) with
            {
                MyStatus = user is null ? null : ProblemViews.StatusOf(statuses, r.Id),
            })],
            page.Total);
    }

    public async Task<ServiceResult<ProblemDetailDto>> GetAsync(string displayId, CurrentUser? user, CancellationToken cancellationToken)
    {
        var detail = await cache.GetOrCreateVersionedAsync(CacheKeys.ProblemFamily, CacheService.KeyOf("detail", displayId), CacheKeys.ProblemTtl,
            async ct => await problems.FindPublicVisibleByDisplayIdAsync(displayId, ct) is { } row ? ProblemDetailDto.From(row) : null,
            cancellationToken);
        if (detail is null)
        {
            return ServiceError.Of("Problem does not exist");
        }

        if (user is null)
        {
            return detail with { MyFailedCount = 0 };
        }

        var state = await problems.GetUserProblemStateAsync(user.Id, detail.Id, cancellationToken);
        return detail with { MyStatus = ProblemViews.StatusOf(state.Status.Problems, detail.Id), MyFailedCount = state.FailedCount };
    }

    public async Task<ServiceResult<string>> BeatCountAsync(int id, CurrentUser? user, CancellationToken cancellationToken)
    {
        if (user is null || !await statistics.HasAcceptedAsync(user.Id, id, cancellationToken))
        {
            return "0";
        }

        var today = time.GetUtcNow().UtcDateTime.Date;
        var since = DateTime.SpecifyKind(today.AddYears(-2), DateTimeKind.Utc);
        var (total, accepted) = await statistics.GetBeatCountsAsync(id, since, cancellationToken);
        if (total > 0 && accepted < total)
        {
            return ((total - accepted) * 100.0 / total).ToString("F2", CultureInfo.InvariantCulture);
        }

        return "0";
    }

    public async Task<ServiceResult<List<ProblemListItemDto>>> SimilarAsync(string? problemId, CurrentUser? user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(problemId))
        {
            return ServiceError.Of("problem_id is required");
        }

        var problem = await problems.FindPublicTagsByDisplayIdAsync(problemId, cancellationToken);
        if (problem is null)
        {
            return ServiceError.Of("Problem not found");
        }

        if (problem.Value.TagIds.Count == 0)
        {
            return new List<ProblemListItemDto>();
        }

        var excluded = new List<string> { problemId };
        if (user is not null)
        {
            var statuses = (await problems.GetAcmStatusAsync(user.Id, cancellationToken)).Problems;
            if (statuses is not null)
            {
                excluded.AddRange(statuses.Values.Where(s => s.Status == JudgeStatus.Accepted).Select(s => s.DisplayId));
            }
        }

        var rows = await problems.ListSimilarAsync(problem.Value.TagIds, excluded, cancellationToken);
        return rows.Select(ProblemViews.ToListItem).ToList();
    }

    public async Task<ServiceResult<List<AuthorCountDto>>> AuthorsAsync(bool includeHidden, CancellationToken cancellationToken)
    {
        var key = includeHidden ? CacheKeys.ProblemAuthorsAll : CacheKeys.ProblemAuthorsVisible;
        var (found, cached) = await cache.TryGetAsync<List<AuthorCountDto>>(key);
        if (found && cached is { Count: > 0 })
        {
            return cached;
        }

        var authors = await problems.ListAuthorsAsync(includeHidden, cancellationToken);
        await cache.SetAsync(key, authors, CacheKeys.ProblemAuthorsTtl);
        return authors;
    }

    public async Task<ServiceResult<List<YearlyAcDto>>> YearlyAcAsync(string? problemId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(problemId))
        {
            return ServiceError.Of("problem_id is required");
        }

        var key = CacheKeys.ProblemYearlyAc(problemId);
        var (found, cached) = await cache.TryGetAsync<List<YearlyAcDto>>(key);
        if (found && cached is not null)
        {
            return cached;
        }

        var id = await problems.FindPublicVisibleIdAsync(problemId, cancellationToken);
        if (id is null)
        {
            return ServiceError.Of("Problem does not exist");
        }

        var rows = await statistics.GetYearlyAcAsync(id.Value, cancellationToken);
        await cache.SetAsync(key, rows, CacheKeys.ProblemYearlyAcTtl);
        return rows;
    }

    public async Task<ServiceResult<string>> PickOneAsync(CancellationToken cancellationToken) =>
        await problems.PickRandomPublicDisplayIdAsync(cancellationToken) is { } id ? id : ServiceError.Of("No problem to pick");
}

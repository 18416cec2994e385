using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Submissions;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Conf;

namespace OnlineJudge.Services.Submissions;

/// <summary>Reading and sharing submissions (submission.md §1.2–§1.6, §1.8).</summary>
public class SubmissionQueryService(SubmissionRepository submissions, SiteOptionsService siteOptions, CacheService cache, TimeProvider time)
{
    public async Task<ServiceResult<ISubmissionDetail>> GetAsync(string? id, CurrentUser user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            return ServiceError.Of("Parameter id doesn't exist");
        }

        var row = await submissions.FindDetailAsync(id, cancellationToken);
        if (row is null)
        {
            return ServiceError.Of("Submission doesn't exist");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!SubmissionAccess.CanRead(user, row, now))
        {
            return ServiceError.Of("No permission for this submission");
        }

        return ServiceResult<ISubmissionDetail>.Ok(SubmissionViews.Detail(row, user.IsAdminRole, SubmissionAccess.CanRead(user, row, now, checkShare: false)));
    }

    /// <summary>The <c>submission_update</c> frame of the caller's own submission (the subscribe replay of submission.md §3), or null.</summary>
    public async Task<Dictionary<string, object?>?> GetUpdateFrameAsync(string id, int userId, CancellationToken cancellationToken)
    {
        var state = await submissions.FindStateAsync(id, cancellationToken);
        return state is null || state.UserId != userId ? null : Judge.SubmissionUpdates.FrameOf(state.Id, state.Result, state.StatisticInfo);
    }

    public async Task<ServiceResult> ShareAsync(ShareSubmissionRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        var row = await submissions.FindDetailAsync(request.Id, cancellationToken);
        if (row is null)
        {
            return ServiceError.Of("Submission doesn't exist");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!SubmissionAccess.CanRead(user, row, now, checkShare: false))
        {
            return ServiceError.Of("No permission to share the submission");
        }

        if (row.ContestStartTime <= now && now <= row.ContestEndTime)
        {
            return ServiceError.Of("Can not share submission now");
        }

        await submissions.SetSharedAsync(row.Id, request.Shared, cancellationToken);
        await cache.BumpVersionAsync(CacheKeys.UserSubmissionsFamily(row.UserId), CancellationToken.None);
        return ServiceResult.Ok();
    }

    /// <summary><c>GET /api/submissions</c>: practice submissions.</summary>
    public async Task<ServiceResult<Page<SubmissionListItemDto>>> ListPracticeAsync(SubmissionListQuery query, CurrentUser? user,
        CancellationToken cancellationToken)
    {
        if (query.Page is not { } page)
        {
            return ServiceError.Of("Limit is needed");
        }

        if (!string.IsNullOrEmpty(query.ContestId))
        {
            return ServiceError.Of("Parameter error");
        }

        int? problemId = null;
        if (!string.IsNullOrEmpty(query.ProblemId))
        {
            problemId = await submissions.FindVisibleProblemIdAsync(query.ProblemId, null, cancellationToken);
            if (problemId is null)
            {
                return ServiceError.Of("Problem doesn't exist");
            }
        }

        var config = await siteOptions.GetWebsiteConfigAsync(cancellationToken);
        if (!config.SubmissionListShowAll && user?.AdminType is null or AdminType.RegularUser)
        {
            return new Page<SubmissionListItemDto>([], 0);
        }

        var filter = FilterOf(query, user, contestId: null, problemId, query.Language) with
        {
            CreatedSince = query.Today ? time.GetUtcNow().UtcDateTime.Date : null,
        };
        return await PageAsync(filter, page, user, contestEnd: null, cancellationToken);
    }

    /// <summary><c>GET /api/contest_submissions</c> after the contest gate (type <c>submissions</c>).</summary>
    public async Task<ServiceResult<Page<SubmissionListItemDto>>> ListContestAsync(ContestGateDto contest, SubmissionListQuery query,
        CurrentUser user, CancellationToken cancellationToken)
    {
        if (query.Page is not { } page)
        {
            return ServiceError.Of("Limit is needed");
        }

        int? problemId = null;
        if (!string.IsNullOrEmpty(query.ProblemId))
        {
            problemId = await submissions.FindVisibleProblemIdAsync(query.ProblemId, contest.Id, cancellationToken);
            if (problemId is null)
            {
                return ServiceError.Of("Problem doesn't exist");
            }
        }

        // Once started, the admins' test submissions made before the start are hidden.
        var filter = FilterOf(query, user, contest.Id, problemId, language: null) with
        {
            CreatedSince = contest.StartTime <= time.GetUtcNow().UtcDateTime ? contest.StartTime : null,
        };
        return await PageAsync(filter, page, user, contest.EndTime, cancellationToken);
    }

    public async Task<ServiceResult<int>> TodayCountAsync(string? language, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime.Date;
        return language == "Flowchart"
            ? await submissions.CountFlowchartSinceAsync(since, cancellationToken)
            : await submissions.CountPracticeSinceAsync(since, cancellationToken);
    }

    public async Task<ServiceResult<bool>> ExistsAsync(int problemId, CurrentUser? user, CancellationToken cancellationToken) =>
        user is not null && await submissions.UserHasSubmittedAsync(user.Id, problemId, cancellationToken);

    private static SubmissionListFilter FilterOf(SubmissionListQuery query, CurrentUser? user, int? contestId, int? problemId, string? language) =>
        new(contestId,
            problemId,
            query.Myself ? user?.Id ?? 0 : null,
            query.Myself || string.IsNullOrEmpty(query.Username) ? null : query.Username,
            query.Result,
            string.IsNullOrEmpty(language) ? null : language,
            null);

    private async Task<Page<SubmissionListItemDto>> PageAsync(SubmissionListFilter filter, PageRequest page, CurrentUser? user, DateTime? contestEnd,
        CancellationToken cancellationToken)
    {
        var key = CacheService.KeyOf(filter.ContestId, filter.ProblemId, filter.Username, filter.Result, filter.Language, filter.CreatedSince?.Ticks,
            page.Limit, page.Offset);
        var rows = filter.UserId is { } userId
            ? await cache.GetOrCreateVersionedAsync(CacheKeys.UserSubmissionsFamily(userId), key, CacheKeys.UserSubmissionsTtl,
                ct => submissions.ListAsync(filter, page, ct), cancellationToken)
            : await cache.GetOrRefreshAsync(CacheKeys.SubmissionListPage(key), CacheKeys.SubmissionListFresh, CacheKeys.SubmissionListKeep,
                ct => submissions.ListAsync(filter, page, ct), cancellationToken);
        var links = await ShowLinksAsync(rows.Results, user, contestEnd, cancellationToken);
        return new Page<SubmissionListItemDto>([.. rows.Results.Select((row, i) => SubmissionListItemDto.From(row, links[i]))], rows.Total);
    }

    /// <summary><c>show_link</c> of each row (submission.md §0.3), with one query for the problem-set guard.</summary>
    private async Task<bool[]> ShowLinksAsync(IReadOnlyList<SubmissionListRow> rows, CurrentUser? user, DateTime? contestEnd,
        CancellationToken cancellationToken)
    {
        var links = new bool[rows.Count];
        if (user is null || rows.Count == 0)
        {
            return links;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var guards = user.AdminType == AdminType.RegularUser && rows.Any(r => r.UserId == user.Id)
            ? await cache.GetOrCreateAsync(CacheKeys.ProblemSetGuards(user.Id), CacheKeys.ProblemSetGuardsTtl,
                ct => submissions.ListProblemSetGuardsAsync(user.Id, now, ct), cancellationToken)
            : [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!SubmissionAccess.CanRead(user, row.UserId, row.ProblemCreatedById, row.ProblemShareSubmission, row.Shared, contestEnd, now))
            {
                continue;
            }

            var guard = row.UserId == user.Id && user.AdminType == AdminType.RegularUser
                ? guards.FirstOrDefault(g => g.ProblemId == row.ProblemId)
                : null;
            links[i] = guard is null || row.CreateTime >= guard.JoinTime
                       || guard.CountedProblemIds.Contains(row.ProblemId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return links;
    }
}

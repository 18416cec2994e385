using OnlineJudge.Data.Paging;
using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>Admin management of the sets themselves (problemset.md §2.1–§2.7), for teachers and super admins.</summary>
public class ProblemSetAdminService(ProblemSetRepository sets, ProblemSetAdminRepository admin, CacheService cache, TimeProvider time)
{
    /// <summary>§0.2: the error a caller who does not own the set gets (the reference's model class name).</summary>
    public static readonly ServiceError NotOwned = ServiceError.Of("ProblemSet does not exist");

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>§0.2: unknown set → <c>题单不存在</c>; a caller who is neither a super admin nor its creator → <see cref="NotOwned"/>.</summary>
    public async Task<ServiceError?> CheckOwnedAsync(long id, CurrentUser user, CancellationToken cancellationToken) =>
        await sets.FindOwnerAsync(id, cancellationToken) switch
        {
            null => ProblemSetService.NotFound,
            var owner when !user.IsSuperAdmin && owner.CreatedById != user.Id => NotOwned,
            _ => null,
        };

    /// <summary>§2.1: visible sets, the caller's own unless a super admin, newest first.</summary>
    public async Task<ServiceResult<Page<ProblemSetListItemDto>>> ListAsync(ProblemSetListQuery query, CurrentUser user,
        CancellationToken cancellationToken)
    {
        var page = await sets.GetAdminPageAsync(query.ToFilter(), user.IsSuperAdmin ? null : user.Id, query.Page, cancellationToken);
        return new Page<ProblemSetListItemDto>([.. page.Results.Select(r => ProblemSetListItemDto.From(r, UserProgressSummaryDto.NotJoined, []))],
            page.Total);
    }

    /// <summary>§2.5: any set the caller owns, with the caller's own progress.</summary>
    public async Task<ServiceResult<ProblemSetDto>> GetAsync(long id, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await CheckOwnedAsync(id, user, cancellationToken) is { } error)
        {
            return error;
        }

        var row = await sets.FindDetailAsync(id, openOnly: false, cancellationToken);
        return row is null
            ? ProblemSetService.NotFound
            : ProblemSetDto.From(row, await sets.FindProgressSummaryAsync(id, user.Id, cancellationToken));
    }

    /// <summary>§2.2: a new visible set of the caller; the answer shows the description as submitted.</summary>
    public async Task<ServiceResult<ProblemSetDto>> CreateAsync(CreateProblemSetRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        var id = await admin.CreateAsync(request.ToWriteDto(), user.Id, Now, cancellationToken);
        await cache.InvalidateProblemSetsAsync();
        return await ShowAsync(id, request.Description, cancellationToken);
    }

    /// <summary>§2.3: only the given fields change; no progress recomputation.</summary>
    public async Task<ServiceResult<ProblemSetDto>> UpdateAsync(EditProblemSetRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await CheckOwnedAsync(request.Id, user, cancellationToken) is { } error)
        {
            return error;
        }

        if (!await admin.UpdateAsync(request.Id, request.ToWriteDto(), Now, cancellationToken))
        {
            return ProblemSetService.NotFound;
        }

        await cache.InvalidateProblemSetsAsync();
        return await ShowAsync(request.Id, request.Description, cancellationToken);
    }

    /// <summary>§2.4: hard delete; the database cascades to everything of the set.</summary>
    public async Task<ServiceResult<string>> DeleteAsync(long id, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await CheckOwnedAsync(id, user, cancellationToken) is { } error)
        {
            return error;
        }

        await admin.DeleteAsync(id, cancellationToken);
        await cache.InvalidateProblemSetsAsync();
        return "题单已删除";
    }

    /// <summary>§2.6.</summary>
    public async Task<ServiceResult> ToggleVisibleAsync(long id, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await CheckOwnedAsync(id, user, cancellationToken) is { } error)
        {
            return error;
        }

        await admin.ToggleVisibleAsync(id, Now, cancellationToken);
        await cache.InvalidateProblemSetsAsync();
        return ServiceResult.Ok();
    }

    /// <summary>§2.7.</summary>
    public async Task<ServiceResult> SetStatusAsync(ProblemSetStatusRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await CheckOwnedAsync(request.Id, user, cancellationToken) is { } error)
        {
            return error;
        }

        await admin.UpdateAsync(request.Id, new ProblemSetWriteDto(null, null, null, request.Status, null, false, null), Now, cancellationToken);
        await cache.InvalidateProblemSetsAsync();
        return ServiceResult.Ok();
    }

    /// <summary>The ProblemSet of a write's answer: no request context, the description as the request gave it.</summary>
    private async Task<ServiceResult<ProblemSetDto>> ShowAsync(long id, string? submittedDescription, CancellationToken cancellationToken)
    {
        var row = await sets.FindDetailAsync(id, openOnly: false, cancellationToken);
        if (row is null)
        {
            return ProblemSetService.NotFound;
        }

        return ProblemSetDto.From(submittedDescription is null ? row : row with { Description = submittedDescription }, null);
    }
}

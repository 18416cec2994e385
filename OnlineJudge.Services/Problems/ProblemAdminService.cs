using System.Text.Json;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Problems;

/// <summary>Admin endpoints of the public problem bank (problem.md §2.1–§2.7).</summary>
public class ProblemAdminService(ProblemAdminRepository problems, ProblemWriteService writer, IProblemDeletions deletions,
    CacheService cache)
{
    private static readonly ServiceError ProblemDoesNotExist = ProblemWriteService.ProblemDoesNotExist;

    public async Task<ServiceResult<Page<ProblemAdminListItemDto>>> ListAsync(CurrentUser user, AdminProblemQuery query,
        CancellationToken cancellationToken)
    {
        var filter = new AdminProblemListFilter(query.Keyword?.Trim(), query.Author, query.TagId, user.CanManageAllProblems ? null : user.Id);
        var rows = await problems.ListAdminPublicAsync(filter, query.Page, cancellationToken);
        var counts = rows.Results.Count == 0 ? [] : await problems.CountReactionsAsync([.. rows.Results.Select(r => r.Id)], cancellationToken);
        var top = counts.GroupBy(c => c.ProblemId).ToDictionary(g => g.Key, g => g
            .OrderByDescending(c => c.Count).ThenBy(c => ReactionOrder(c.Type)).First());
        return new Page<ProblemAdminListItemDto>(
            [.. rows.Results.Select(r => ProblemAdminListItemDto.From(r) with
            {
                TopReaction = top.TryGetValue(r.Id, out var t)
                    ? JsonSerializer.SerializeToElement(new { type = t.Type, count = t.Count })
                    : JsonDefaults.Null,
            })],
            rows.Total);
    }

    private static int ReactionOrder(string type)
    {
        var index = ReactionType.All.ToList().IndexOf(type);
        return index < 0 ? int.MaxValue : index;
    }

    public async Task<ServiceResult<ProblemAdminDto>> GetAsync(CurrentUser user, int id, CancellationToken cancellationToken)
    {
        var problem = await problems.FindFullAsync(id, cancellationToken);
        if (problem is null || !user.CanManageProblem(problem.CreatedBy.Id))
        {
            return ProblemDoesNotExist;
        }

        return ProblemAdminDto.From(problem);
    }

    public async Task<ServiceResult<ProblemAdminDto>> CreateAsync(CurrentUser user, ProblemRequest request, CancellationToken cancellationToken)
    {
        if (await writer.CheckLanguagesAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrEmpty(request.DisplayId))
        {
            return ServiceError.Of("Display ID is required");
        }

        if (await problems.PublicDisplayIdExistsAsync(request.DisplayId, null, cancellationToken))
        {
            return ServiceError.Of("Display ID already exists");
        }

        return await writer.InsertAsync(user, request, null, cancellationToken);
    }

    public async Task<ServiceResult> EditAsync(CurrentUser user, EditProblemRequest request, CancellationToken cancellationToken)
    {
        if (await writer.CheckLanguagesAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var problem = await problems.FindOwnershipAsync(request.Id, cancellationToken);
        if (problem is null || !user.CanManageProblem(problem.CreatedById))
        {
            return ProblemDoesNotExist;
        }

        if (string.IsNullOrEmpty(request.DisplayId))
        {
            return ServiceError.Of("Display ID is required");
        }

        if (await problems.PublicDisplayIdExistsAsync(request.DisplayId, request.Id, cancellationToken))
        {
            return ServiceError.Of("Display ID already exists");
        }

        return await writer.UpdateAsync(request.Id, request, cancellationToken);
    }

    public async Task<ServiceResult> DeleteAsync(CurrentUser user, int id, CancellationToken cancellationToken)
    {
        var problem = await problems.FindOwnershipAsync(id, cancellationToken);
        if (problem is null || problem.ContestId is not null)
        {
            return ServiceError.Of("Problem does not exists");
        }

        if (!user.CanManageProblem(problem.CreatedById))
        {
            return ProblemDoesNotExist;
        }

        // The sets that held the problem lose it by cascade; their members' progress and badges follow (problemset.md §0.5).
        await deletions.DeleteProblemsAsync([problem.Id], ct => problems.DeleteAsync(problem.Id, ct), cancellationToken);
        await cache.InvalidateProblemsAsync();
        return ServiceResult.Ok();
    }

    public async Task<ServiceResult> ToggleVisibleAsync(int id, CancellationToken cancellationToken)
    {
        if (await problems.ToggleVisibleAsync(id, cancellationToken) == 0)
        {
            return ProblemDoesNotExist;
        }

        await cache.BumpVersionAsync(CacheKeys.ProblemFamily, CancellationToken.None);
        return ServiceResult.Ok();
    }
}

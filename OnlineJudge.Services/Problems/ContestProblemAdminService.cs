using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Problems;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Problems;

/// <summary>Admin endpoints of contest problems (problem.md §2.20–§2.25), including copies to and from the public bank.</summary>
public class ContestProblemAdminService(ContestProblemRepository contestProblems, ProblemAdminRepository problems, ProblemWriteService writer,
    TransactionRunner transactions, CacheService cache, TimeProvider time)
{
    private static readonly ServiceError ProblemDoesNotExist = ProblemWriteService.ProblemDoesNotExist;
    private static readonly ServiceError ContestDoesNotExist = ServiceError.Of("Contest does not exist");

    public async Task<ServiceResult<ProblemAdminDto>> GetAsync(CurrentUser user, int id, CancellationToken cancellationToken)
    {
        var problem = await problems.FindOwnershipAsync(id, cancellationToken);
        if (problem is null)
        {
            return ProblemDoesNotExist;
        }

        // A public problem has no contest: only a super admin passes (the reference crashed for the others).
        var allowed = problem.ContestCreatedById is { } owner ? user.OwnsContest(owner) : user.IsSuperAdmin;
        if (!allowed)
        {
            return ContestDoesNotExist;
        }

        var full = await problems.FindFullAsync(problem.Id, cancellationToken);
        return full is null ? ProblemDoesNotExist : ProblemAdminDto.From(full);
    }

    public async Task<ServiceResult<Page<ProblemAdminListItemDto>>> ListAsync(CurrentUser user, AdminContestProblemQuery query,
        CancellationToken cancellationToken)
    {
        if (query.ContestId is not { } contestId)
        {
            return ServiceError.Of("Contest id is required");
        }

        if (!await OwnsContestAsync(user, contestId, cancellationToken))
        {
            return ContestDoesNotExist;
        }

        var rows = await contestProblems.ListAdminContestAsync(contestId, query.Keyword, query.Page, cancellationToken);
        return new Page<ProblemAdminListItemDto>([.. rows.Results.Select(ProblemAdminListItemDto.From)], rows.Total);
    }

    public async Task<ServiceResult<ProblemAdminDto>> CreateAsync(CurrentUser user, ContestProblemRequest request, CancellationToken cancellationToken)
    {
        if (await writer.CheckLanguagesAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (!await OwnsContestAsync(user, request.ContestId, cancellationToken))
        {
            return ContestDoesNotExist;
        }

        if (string.IsNullOrEmpty(request.DisplayId))
        {
            return ServiceError.Of("Display ID is required");
        }

        if (await contestProblems.ContestDisplayIdExistsAsync(request.ContestId, request.DisplayId, null, cancellationToken))
        {
            return ServiceError.Of("Duplicate Display id");
        }

        return await writer.InsertAsync(user, request, request.ContestId, cancellationToken);
    }

    public async Task<ServiceResult> EditAsync(CurrentUser user, EditContestProblemRequest request, CancellationToken cancellationToken)
    {
        if (await writer.CheckLanguagesAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (!await OwnsContestAsync(user, request.ContestId, cancellationToken))
        {
            return ContestDoesNotExist;
        }

        var problem = await problems.FindOwnershipAsync(request.Id, cancellationToken);
        if (problem is null || problem.ContestId != request.ContestId)
        {
            return ProblemDoesNotExist;
        }

        if (string.IsNullOrEmpty(request.DisplayId))
        {
            return ServiceError.Of("Display ID is required");
        }

        if (await contestProblems.ContestDisplayIdExistsAsync(request.ContestId, request.DisplayId, request.Id, cancellationToken))
        {
            return ServiceError.Of("Display ID already exists");
        }

        return await writer.UpdateAsync(request.Id, request, cancellationToken);
    }

    public async Task<ServiceResult> DeleteAsync(CurrentUser user, int id, CancellationToken cancellationToken)
    {
        var problem = await problems.FindOwnershipAsync(id, cancellationToken);
        if (problem?.ContestCreatedById is not { } owner)
        {
            return ServiceError.Of("Problem does not exists");
        }

        if (!user.OwnsContest(owner))
        {
            return ContestDoesNotExist;
        }

        if (await contestProblems.HasSubmissionsAsync(problem.Id, cancellationToken))
        {
            return ServiceError.Of("Can't delete the problem as it has submissions");
        }

        await problems.DeleteAsync(problem.Id, cancellationToken);
        await cache.InvalidateProblemsAsync();
        return ServiceResult.Ok();
    }

    /// <summary>§2.24: a hidden copy in the public bank; the contest problem is marked as made public.</summary>
    public async Task<ServiceResult> MakePublicAsync(MakePublicRequest request, CancellationToken cancellationToken)
    {
        if (await problems.PublicDisplayIdExistsAsync(request.DisplayId, null, cancellationToken))
        {
            return ServiceError.Of("Duplicate display ID");
        }

        var problem = await problems.FindFullAsync(request.Id, cancellationToken);
        if (problem is null)
        {
            return ProblemDoesNotExist;
        }

        if (problem.ContestId is null || problem.IsPublic)
        {
            return ServiceError.Of("Already be a public problem");
        }

        var target = new ProblemCopyDto(ContestId: null, IsPublic: false, Visible: false, request.DisplayId);
        var now = time.GetUtcNow().UtcDateTime;
        await transactions.ExecuteAsync(ct => problems.CopyAsync(problem.Id, target, markSourcePublic: true, now, ct), cancellationToken);
        return ServiceResult.Ok();
    }

    /// <summary>§2.25: a visible copy of a public problem in a contest that has not ended.</summary>
    public async Task<ServiceResult> AddFromPublicAsync(AddFromPublicRequest request, CancellationToken cancellationToken)
    {
        var contest = await contestProblems.FindContestAsync(request.ContestId, cancellationToken);
        var problem = await problems.FindOwnershipAsync(request.ProblemId, cancellationToken);
        if (contest is null || problem is null || problem.ContestId is not null)
        {
            return ServiceError.Of("Contest or Problem does not exist");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (contest.Value.EndTime < now)
        {
            return ServiceError.Of("Contest has ended");
        }

        if (await contestProblems.ContestDisplayIdExistsAsync(request.ContestId, request.DisplayId, null, cancellationToken))
        {
            return ServiceError.Of("Duplicate display id in this contest");
        }

        var target = new ProblemCopyDto(request.ContestId, IsPublic: true, Visible: true, request.DisplayId);
        await transactions.ExecuteAsync(ct => problems.CopyAsync(problem.Id, target, markSourcePublic: false, now, ct), cancellationToken);
        return ServiceResult.Ok();
    }

    private async Task<bool> OwnsContestAsync(CurrentUser user, int contestId, CancellationToken cancellationToken) =>
        await contestProblems.FindContestAsync(contestId, cancellationToken) is { } contest && user.OwnsContest(contest.CreatedById);
}

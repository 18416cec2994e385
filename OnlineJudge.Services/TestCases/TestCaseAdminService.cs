using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.TestCases;

/// <summary>Test-case endpoints that involve a problem (problem.md §2.12, §2.15) and orphan pruning (§2.26–2.27).</summary>
public class TestCaseAdminService(ProblemAdminRepository problems, TestCaseService testCases)
{
    /// <summary>A zip ready to send: the stream (deleted when closed) and the file name.</summary>
    public sealed record TestCaseDownload(Stream Content, string FileName);

    private async Task<ServiceResult<ProblemOwnershipDto>> FindOwnedAsync(CurrentUser user, int problemId, CancellationToken cancellationToken)
    {
        var problem = await problems.FindOwnershipAsync(problemId, cancellationToken);
        if (problem is null)
        {
            return ServiceError.Of("Problem does not exists");
        }

        if (problem.ContestCreatedById is { } contestOwner)
        {
            if (!user.OwnsContest(contestOwner))
            {
                return ServiceError.Of("Contest does not exist");
            }
        }
        else if (!user.CanManageProblem(problem.CreatedById))
        {
            return ServiceError.Of("Problem does not exist");
        }

        return problem;
    }

    public async Task<ServiceResult<TestCaseDownload>> DownloadAsync(CurrentUser user, int problemId, CancellationToken cancellationToken)
    {
        var problem = await FindOwnedAsync(user, problemId, cancellationToken);
        if (problem.Error is { } error)
        {
            return error;
        }

        var zip = await testCases.BuildZipAsync(problem.Data!.TestCaseId, cancellationToken);
        if (zip is null)
        {
            return ServiceError.Of("Test case does not exists");
        }

        return new TestCaseDownload(zip, $"problem_{problem.Data.Id}_test_cases.zip");
    }

    public async Task<ServiceResult<List<SqlScriptDto>>> SqlScriptsAsync(CurrentUser user, int problemId, CancellationToken cancellationToken)
    {
        var problem = await FindOwnedAsync(user, problemId, cancellationToken);
        if (problem.Error is { } error)
        {
            return error;
        }

        return await testCases.ReadSqlScriptsAsync(problem.Data!.TestCaseId, cancellationToken);
    }

    public async Task<ServiceResult<List<OrphanTestCaseDto>>> ListOrphansAsync(CancellationToken cancellationToken)
    {
        var used = (await problems.ListAllTestCaseIdsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return await Task.Run(() => testCases.ListOrphans(used), cancellationToken);
    }

    public async Task<ServiceResult> PruneAsync(string? id, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(id))
        {
            await Task.Run(() => testCases.Delete(id), cancellationToken);
            return ServiceResult.Ok();
        }

        var used = (await problems.ListAllTestCaseIdsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        await Task.Run(() =>
        {
            foreach (var orphan in testCases.ListOrphans(used))
            {
                testCases.Delete(orphan.Id);
            }
        }, cancellationToken);
        return ServiceResult.Ok();
    }
}

using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Problems;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>
/// problemset.md §0.5 for deletions of other families that take problems out of sets through the database cascade: a
/// <c>problemset_problem</c> row goes with its problem, and a problem with the user who created it. The deletion runs in one
/// transaction with the recomputation of every set that held one of the problems (members' rows locked first, progress
/// recomputed, badges recalculated); the cached set pages go stale after the commit.
/// </summary>
public class ProblemSetCascadeService(
    TransactionRunner transactions,
    ProblemSetAdminRepository admin,
    ProgressTrackingService tracking,
    CacheService cache) : IProblemDeletions
{
    /// <summary>Runs <paramref name="delete"/>, which deletes the problems of <paramref name="problemIds"/>, with §0.5 for their sets.</summary>
    public Task<T> DeleteProblemsAsync<T>(IReadOnlyCollection<int> problemIds, Func<CancellationToken, Task<T>> delete,
        CancellationToken cancellationToken) =>
        RunAsync(ct => admin.ListSetsHoldingAsync(problemIds, ct), delete, cancellationToken);

    /// <summary>
    /// Runs <paramref name="delete"/>, which deletes the users of <paramref name="userIds"/> (and by cascade their problems and
    /// sets), with §0.5 for the other users' sets that held one of their problems.
    /// </summary>
    public Task<T> DeleteUsersAsync<T>(IReadOnlyCollection<int> userIds, Func<CancellationToken, Task<T>> delete,
        CancellationToken cancellationToken) =>
        RunAsync(ct => admin.ListOtherSetsHoldingProblemsOfAsync(userIds, ct), delete, cancellationToken);

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<List<long>>> findSets, Func<CancellationToken, Task<T>> delete,
        CancellationToken cancellationToken)
    {
        List<long> sets = [];
        var result = await transactions.ExecuteAsync(async ct =>
        {
            sets = await findSets(ct);
            await tracking.LockMembersAsync(sets, ct);
            var deleted = await delete(ct);
            if (sets.Count > 0)
            {
                await tracking.AfterProblemsChangedAsync(sets, ct);
            }

            return deleted;
        }, cancellationToken);
        if (sets.Count > 0)
        {
            await cache.InvalidateProblemSetsAsync();
        }

        return result;
    }
}

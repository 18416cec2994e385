namespace OnlineJudge.Services.Problems;

/// <summary>
/// Runs deletions that take problems away through the database cascade (problems, or the users who created them)
/// together with what must follow in the same transaction: problem sets recompute the members' progress of the sets
/// that held those problems (ProblemSetCascadeService). The deleting service passes the delete itself.
/// </summary>
public interface IProblemDeletions
{
    /// <summary>Runs <paramref name="delete"/>, which deletes the problems of <paramref name="problemIds"/>.</summary>
    Task<T> DeleteProblemsAsync<T>(IReadOnlyCollection<int> problemIds, Func<CancellationToken, Task<T>> delete, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="delete"/>, which deletes the users of <paramref name="userIds"/> and by cascade their problems.</summary>
    Task<T> DeleteUsersAsync<T>(IReadOnlyCollection<int> userIds, Func<CancellationToken, Task<T>> delete, CancellationToken cancellationToken);
}

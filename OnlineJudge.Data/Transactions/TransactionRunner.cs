using System.Data;

namespace OnlineJudge.Data.Transactions;

/// <summary>
/// The unit of work of a request or a job: a service runs writes through several repositories (which share the scoped
/// <see cref="OnlineJudgeDbContext"/>) inside one database transaction, committed when the work returns and rolled back
/// when it throws. A call inside a running transaction joins it, so a repository method that needs atomicity of its
/// own can wrap itself too.
/// </summary>
public sealed class TransactionRunner(OnlineJudgeDbContext db)
{
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken,
        IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(isolation, cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// As <see cref="ExecuteAsync{T}(Func{CancellationToken, Task{T}}, CancellationToken, IsolationLevel)"/>, but rolled back
    /// when <paramref name="commitWhen"/> says no to the result (a write that found a conflict and wrote nothing that must
    /// stay). Inside a running transaction the decision is left to the outer work.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> commitWhen, CancellationToken cancellationToken,
        IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(isolation, cancellationToken);
        var result = await work(cancellationToken);
        if (commitWhen(result))
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }

    public Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken,
        IsolationLevel isolation = IsolationLevel.ReadCommitted) =>
        ExecuteAsync(async token =>
        {
            await work(token);
            return true;
        }, cancellationToken, isolation);

    /// <summary>
    /// Runs <paramref name="work"/> behind a savepoint of the running transaction (or in a transaction of its own when none
    /// runs): when it throws, the transaction goes back to the savepoint, so what the caller wrote before still commits,
    /// and the exception is returned instead of thrown. A cancellation is thrown as usual.
    /// </summary>
    public async Task<Exception?> TryBehindSavepointAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            return await ExecuteAsync(ct => TryBehindSavepointAsync(work, ct), cancellationToken);
        }

        const string savepoint = "behind_side_effect";
        await transaction.CreateSavepointAsync(savepoint, cancellationToken);
        try
        {
            await work(cancellationToken);
            await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
            return exception;
        }
    }

    /// <summary>True while a transaction of this scope is open.</summary>
    public bool InTransaction => db.Database.CurrentTransaction is not null;
}

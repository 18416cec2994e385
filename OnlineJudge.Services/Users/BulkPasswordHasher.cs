using OnlineJudge.Services.Account;

namespace OnlineJudge.Services.Users;

/// <summary>
/// Hashes passwords for admin writes off the request thread. PBKDF2 at Django's 1 200 000 iterations costs about
/// 0.5 s of one core per password, so an import of N users costs N × 0.5 s of CPU: it runs in parallel on at most
/// one task per core, and one gate per process keeps concurrent imports from oversubscribing the cores (300 users
/// take about 75 s on two cores).
/// </summary>
public class BulkPasswordHasher(PasswordHasher hasher)
{
    private static readonly SemaphoreSlim Gate = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public async Task<string[]> HashAllAsync(IReadOnlyList<string> passwords, CancellationToken cancellationToken)
    {
        var hashes = new string[passwords.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, passwords.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (index, token) => hashes[index] = await HashAsync(passwords[index], token));
        return hashes;
    }

    public async Task<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => hasher.Hash(password), cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }
}

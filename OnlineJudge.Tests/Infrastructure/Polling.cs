using OnlineJudge.Data;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>Waits for work done in the background (workers, observers after a commit) by polling the test database.</summary>
public static class Polling
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Asks <paramref name="probe"/> (with a fresh context each time) until it returns a value, and returns it; fails the
    /// test with <paramref name="failure"/> after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<OnlineJudgeDbContext, Task<T?>> probe, TimeSpan timeout, Func<string> failure)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using (var db = TestEnvironment.CreateDbContext())
            {
                if (await probe(db) is { } found)
                {
                    return found;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(failure());
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test with <paramref name="failure"/> after <paramref name="timeout"/>.</summary>
    public static Task UntilAsync(Func<OnlineJudgeDbContext, Task<bool>> condition, TimeSpan timeout, string failure) =>
        UntilAsync<object>(async db => await condition(db) ? true : null, timeout, () => failure);
}

using OnlineJudge.Data.Conf;
using OnlineJudge.Data.Transactions;

namespace OnlineJudge.Tests.Foundation;

/// <summary>The unit of work services write through: commit on return, roll back on a throw or a refused result, join when nested.</summary>
public class TransactionRunnerTests : IntegrationTest
{
    private static Dictionary<string, JsonElement> Option(string key) => new() { [key] = JsonSerializer.SerializeToElement(1) };

    private static async Task<List<string>> StoredKeysAsync(params string[] keys)
    {
        await using var scope = CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<SysOptionRepository>().GetAsync(keys, CancellationToken.None);
        return [.. stored.Keys.Order(StringComparer.Ordinal)];
    }

    [Test]
    public async Task Work_is_committed_when_it_returns_and_rolled_back_when_it_throws_or_its_result_is_refused()
    {
        await using (var scope = CreateScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<TransactionRunner>();
            var options = scope.ServiceProvider.GetRequiredService<SysOptionRepository>();
            await runner.ExecuteAsync(ct => options.UpsertAsync(Option("kept"), ct), CancellationToken.None);
            Assert.ThrowsAsync<InvalidOperationException>(() => runner.ExecuteAsync(async ct =>
            {
                await options.UpsertAsync(Option("thrown"), ct);
                throw new InvalidOperationException("fails after the write");
            }, CancellationToken.None));
            var refused = await runner.ExecuteAsync(async ct =>
            {
                await options.UpsertAsync(Option("refused"), ct);
                return false;
            }, saved => saved, CancellationToken.None);
            Assert.That(refused, Is.False);
            Assert.That(runner.InTransaction, Is.False);
        }

        Assert.That(await StoredKeysAsync("kept", "thrown", "refused"), Is.EqualTo(new[] { "kept" }));
    }

    [Test]
    public async Task A_nested_call_joins_the_outer_transaction()
    {
        await using (var scope = CreateScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<TransactionRunner>();
            var options = scope.ServiceProvider.GetRequiredService<SysOptionRepository>();
            Assert.ThrowsAsync<InvalidOperationException>(() => runner.ExecuteAsync(async ct =>
            {
                await runner.ExecuteAsync(inner => options.UpsertAsync(Option("inner"), inner), ct);
                Assert.That(runner.InTransaction, Is.True);
                throw new InvalidOperationException("the outer work fails");
            }, CancellationToken.None));
        }

        Assert.That(await StoredKeysAsync("inner"), Is.Empty);
    }
}

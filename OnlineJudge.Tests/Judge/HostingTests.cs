using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OnlineJudge.Tests.Judge;

[NonParallelizable]
public class HostingTests
{
    [Test]
    public async Task The_server_stops_when_the_process_it_follows_has_exited()
    {
        using var follower = Process.Start(new ProcessStartInfo("/bin/sleep", "1") { UseShellExecute = false })!;
        await using var judge = await JudgeServerHarness.StartAsync(new Dictionary<string, string?>
        {
            ["JudgeServer:ExitWithProcessId"] = follower.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var lifetime = judge.Services.GetRequiredService<IHostApplicationLifetime>();
        await follower.WaitForExitAsync();

        await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(10)), Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping)
            .ContinueWith(_ => { }, TaskScheduler.Default));
        Assert.That(lifetime.ApplicationStopping.IsCancellationRequested, Is.True, "the judge server did not stop");
    }

    [Test]
    public void A_server_without_a_token_does_not_start()
    {
        var error = Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
            await JudgeServerHarness.StartAsync(new Dictionary<string, string?> { ["Judge:Token"] = "" }));
        Assert.That(error!.Message, Does.Contain("Judge:Token is required"));
    }
}

using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Judge.Hosting;

/// <summary>
/// Starts one trivial sandbox when the server starts, so that a machine without bubblewrap, without user namespaces or
/// with a bad sandbox setting fails at start with a clear message instead of failing every submission.
/// </summary>
public sealed class SandboxSelfTest(SandboxRunner runner, SandboxHost host, ILogger<SandboxSelfTest> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var output = Path.Combine(host.InstanceDir, "self-test.out");

        var limits = LimitMapper.ForCompile(1000, 5000, 256L * 1024 * 1024);
        var spec = new SandboxSpec(["/bin/sh", "-c", "echo sandbox-ok"], [Compiler.SearchPath], limits, "/tmp", [], "/dev/null", output);
        var outcome = await runner.RunAsync(spec, cancellationToken);
        var text = File.Exists(output) ? (await File.ReadAllTextAsync(output, cancellationToken)).Trim() : "";
        File.Delete(output);
        if (outcome.Error != RunError.None || outcome.ExitCode != 0 || outcome.Signal != 0 || text != "sandbox-ok")
        {
            throw new InvalidOperationException(
                "The bubblewrap sandbox does not work on this machine (install the Debian package bubblewrap, allow user namespaces, "
                + $"check JudgeServer:Sandbox settings). exit code {outcome.ExitCode}, signal {outcome.Signal}, error {outcome.Error}, output: {text}");
        }

        logger.LogInformation("Sandbox self-test passed in {Milliseconds} ms", outcome.RealTimeMs);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Tests.Judge;

/// <summary>
/// No sandbox process outlives its run, however the run ends: the judge is a child subreaper, so any process of a sandbox
/// that is left over becomes its child (alive, or a zombie once it ends).
/// </summary>
[NonParallelizable]
public class SandboxLifecycleTests
{
    private static JudgeServerHarness Server => JudgeTestEnvironment.Server;

    [Test]
    public async Task A_run_cancelled_while_bubblewrap_starts_leaves_no_process_behind()
    {
        var runner = Server.Services.GetRequiredService<SandboxRunner>();
        var host = Server.Services.GetRequiredService<SandboxHost>();
        var spec = new SandboxSpec(["/bin/sleep", "30"], [Compiler.SearchPath], LimitMapper.ForCompile(1000, 60000, 256L * 1024 * 1024), "/tmp", [],
            "/dev/null", Path.Combine(host.InstanceDir, "cancelled.out"));
        var slow = new List<string>();
        try
        {
            // bubblewrap clones the sandbox's init a millisecond or two after it starts and reports it right after: cancel
            // at every point of that window (a kill in between used to leave the init waiting forever for bubblewrap).
            for (var step = 0; step < 120; step++)
            {
                using var cancellation = new CancellationTokenSource();
                var delay = TimeSpan.FromMicroseconds(step * 50);
                var clock = Stopwatch.StartNew();
                var run = runner.RunAsync(spec, cancellation.Token);
                SpinWait.SpinUntil(() => clock.Elapsed >= delay);
                await cancellation.CancelAsync();
                try
                {
                    await run.WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (OperationCanceledException)
                {
                    // cancelled before a slot was taken
                }
                catch (TimeoutException)
                {
                    slow.Add($"cancelled after {delay.TotalMilliseconds} ms");
                }
            }

            Assert.Multiple(() =>
            {
                Assert.That(slow, Is.Empty, "runs that did not end within 10 s of their cancellation");
                Assert.That(SandboxChildren().Select(c => c.Description), Is.Empty, "processes of cancelled sandboxes left with the judge");
            });
        }
        finally
        {
            RemoveLeftovers();
        }
    }

    /// <summary>bubblewrap processes (the outer one, or an init) that are children of this process, with their state.</summary>
    private static List<(int Pid, string Description)> SandboxChildren()
    {
        var found = new List<(int, string)>();
        foreach (var pid in ProcessTree.Children(Environment.ProcessId))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                if (name is "bwrap" or "setpriv" or "prlimit" or "sleep")
                {
                    found.Add((pid, $"{pid} {name} state {stat[stat.LastIndexOf(')') + 2]}"));
                }
            }
            catch (IOException)
            {
                // ended meanwhile
            }
        }

        return found;
    }

    /// <summary>Kills and reaps what a failed run left, so that a failure does not leave processes on the machine.</summary>
    private static void RemoveLeftovers()
    {
        foreach (var (pid, _) in SandboxChildren())
        {
            _ = NativeMethods.kill(pid, NativeMethods.SigKill);
            _ = NativeMethods.wait4(pid, out _, 0, out _);
        }
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Options;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>
/// Runs one program in a fresh sandbox and measures it: CPU time (user time of the whole tree, as upstream) from wait4's
/// rusage, peak resident memory of the tree from GNU time's report, wall time from the clock. At most <c>MaxParallelRuns</c> sandboxes run at once,
/// across all requests, so that measured times are not skewed by the judge's own load.
/// </summary>
public sealed class SandboxRunner : IDisposable
{
    /// <summary>How long past the wall-clock limit a sandbox may run before it is killed (the monitor ticks in between).</summary>
    private const int KillGraceMilliseconds = 10;

    private readonly BwrapCommandBuilder commandBuilder;
    private readonly SandboxMonitor monitor;
    private readonly SemaphoreSlim slots;
    private readonly ILogger<SandboxRunner> logger;

    public SandboxRunner(IOptions<JudgeServerOptions> options, SandboxHost host, SandboxMonitor monitor, ILogger<SandboxRunner> logger)
    {
        commandBuilder = new BwrapCommandBuilder(options.Value.Sandbox, host);
        this.monitor = monitor;
        this.logger = logger;
        slots = new SemaphoreSlim(options.Value.MaxParallelRuns, options.Value.MaxParallelRuns);
    }

    public async Task<SandboxOutcome> RunAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            var argv = commandBuilder.Build(spec);
            var outcome = await Task.Factory.StartNew(() => RunBlocking(argv, spec, cancellationToken), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return outcome with { MemoryBytes = Math.Max(outcome.MemoryBytes, await ReadPeakMemoryAsync(spec.UsagePath, cancellationToken)) };
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();

    /// <summary>GNU time's <c>%M</c>: the largest resident set, in kilobytes, of any process below it. Missing when it was killed.</summary>
    private static async Task<long> ReadPeakMemoryAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var text = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
            File.Delete(path);
            var lastLine = text.Split('\n')[^1];
            return long.TryParse(lastLine, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kilobytes)
                ? kilobytes * 1024
                : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Runs on its own thread from spawn to reap: the sandbox gets SIGKILL through setpriv's parent-death signal if this
    /// thread ever ended first.
    /// </summary>
    private unsafe SandboxOutcome RunBlocking(IReadOnlyList<string> argv, SandboxSpec spec, CancellationToken cancellationToken)
    {
        var fds = stackalloc int[2];
        if (NativeMethods.pipe2(fds, NativeMethods.OCloseOnExec) != 0)
        {
            logger.LogError("pipe2 failed: errno {Errno}", Marshal.GetLastPInvokeError());
            return SandboxOutcome.Failed(RunError.ForkFailed);
        }

        var start = Stopwatch.GetTimestamp();
        int pid;
        try
        {
            pid = NativeSpawner.Spawn(argv, spec.Environment, spec.StdinPath, spec.StdoutPath, fds[1]);
        }
        catch (SpawnException e)
        {
            logger.LogError("Cannot start the sandbox: {Message}", e.Message);
            _ = NativeMethods.close(fds[0]);
            _ = NativeMethods.close(fds[1]);
            return SandboxOutcome.Failed(RunError.ForkFailed);
        }

        _ = NativeMethods.close(fds[1]);
        var deadline = start + (spec.Limits.RealTimeMs + (long)KillGraceMilliseconds) * Stopwatch.Frequency / 1000;
        var running = monitor.Watch(pid, deadline, spec.Limits.TreeMemoryCapBytes);
        using var cancellation = cancellationToken.Register(() => running.Kill(KillReason.Cancelled));
        running.SetInitPid(NativeSpawner.ReadInitPid(fds[0]));
        _ = NativeMethods.close(fds[0]);

        int result, status;
        NativeMethods.ResourceUsage usage;
        do
        {
            result = NativeMethods.wait4(pid, out status, 0, out usage);
        }
        while (result == -1 && Marshal.GetLastPInvokeError() == NativeMethods.EIntr);

        var realTime = (int)Math.Min(Stopwatch.GetElapsedTime(start).TotalMilliseconds, int.MaxValue);
        monitor.Forget(running);
        if (result == -1)
        {
            logger.LogError("wait4 failed: errno {Errno}", Marshal.GetLastPInvokeError());
            running.Kill(KillReason.Cancelled);
            return SandboxOutcome.Failed(RunError.WaitFailed, realTime);
        }

        var (signal, exitCode) = DecodeStatus(status);
        // usage.MaxResidentSetKilobytes is not used: the spawned process starts out sharing the judge's memory.
        var memory = running.Reason == KillReason.Memory ? running.PeakTreeResidentBytes : 0;

        return new SandboxOutcome(
            (int)Math.Min(usage.UserTime.TotalMilliseconds, int.MaxValue),
            realTime,
            memory,
            signal,
            exitCode,
            RunError.None,
            running.Reason == KillReason.Time,
            running.Reason == KillReason.Memory);
    }

    /// <summary>
    /// bubblewrap exits with the program's exit code, or 128 + the signal that ended the program; a signal of bubblewrap
    /// itself means it was killed from outside.
    /// </summary>
    internal static (int Signal, int ExitCode) DecodeStatus(int status)
    {
        var termSignal = status & 0x7f;
        if (termSignal != 0 && termSignal != 0x7f)
        {
            return (termSignal, 0);
        }

        var code = (status >> 8) & 0xff;
        return code is > 128 and <= 128 + 64 ? (code - 128, 0) : (0, code);
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Options;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>
/// Runs one program in a fresh sandbox and measures it: CPU time (user + system of the programs below the sandbox's init,
/// see <see cref="ProcessReaper"/>) and peak resident memory from the rusage of the init, which has reaped everything that
/// ran inside; wall time from the clock.
/// At most <c>MaxParallelRuns</c> sandboxes run at once, across all requests, so that the judge's own load does not skew
/// the measured times.
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
            return await Task.Factory.StartNew(() => RunBlocking(argv, spec, cancellationToken), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();

    /// <summary>
    /// Runs on its own thread from spawn to reap: setpriv gives the sandbox a parent-death signal, which fires when the
    /// spawning thread ends, so the thread must outlive the sandbox.
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
        var running = monitor.Watch(pid, deadline, spec.Limits.TreeMemoryCapBytes, spec.StdoutPath, spec.Limits.OutputBytes);
        using (cancellationToken.Register(() => running.Kill(KillReason.Cancelled)))
        {
            var initPid = NativeSpawner.ReadInitPid(fds[0]);
            running.SetInitPid(initPid);
            _ = NativeMethods.close(fds[0]);
            if (!ProcessReaper.TryReap(pid, out var status, out var outerUsage, logger))
            {
                _ = initPid > 0 ? ProcessReaper.ReapInit(initPid, logger) : null;
                monitor.Forget(running);
                return SandboxOutcome.Failed(RunError.WaitFailed, Elapsed(start));
            }

            var realTime = Elapsed(start);
            // The init was reparented to this process when bubblewrap exited (or bubblewrap reaped it, when it was killed).
            var init = initPid > 0 ? ProcessReaper.ReapInit(initPid, logger) : null;
            monitor.Forget(running);
            return Outcome(status, init, outerUsage, realTime, running);
        }
    }

    private static SandboxOutcome Outcome(int status, InitUsage? init, NativeMethods.ResourceUsage outerUsage, int realTime, RunningSandbox running)
    {
        var (signal, exitCode) = DecodeStatus(status);
        if (running.Reason == KillReason.Output)
        {
            // What the kernel does to any other process at RLIMIT_FSIZE (the program may see only EFBIG).
            (signal, exitCode) = (SigXfsz, 0);
        }

        // Without the init (bubblewrap reaped it after a kill) only bubblewrap's rusage is left: it includes the setup. The
        // outer process's own peak is the judge's (posix_spawn shares its memory until exec): only the init's counts.
        var cpuMicroseconds = init?.ProgramCpuMicroseconds ?? outerUsage.UserTime.TotalMicroseconds + outerUsage.SystemTime.TotalMicroseconds;
        var memory = Math.Max(init?.PeakResidentBytes ?? 0, running.PeakTreeResidentBytes);
        return new SandboxOutcome(
            (int)Math.Min(cpuMicroseconds / 1000, int.MaxValue),
            realTime,
            memory,
            signal,
            exitCode,
            RunError.None,
            running.Reason == KillReason.Time,
            running.Reason == KillReason.Memory);
    }

    private const int SigXfsz = 25;

    private static int Elapsed(long start) => (int)Math.Min(Stopwatch.GetElapsedTime(start).TotalMilliseconds, int.MaxValue);

    /// <summary>bubblewrap exits with the program's exit code, or 128 + the signal that ended it; a signal of bubblewrap itself means it was killed.</summary>
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

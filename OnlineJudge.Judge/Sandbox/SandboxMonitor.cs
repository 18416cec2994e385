using System.Diagnostics;
using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Options;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>
/// One background thread that watches every running sandbox and kills the programs of a sandbox whose wall-clock deadline
/// passed, whose process tree holds more resident memory than its cap, or whose output file reached its cap.
/// </summary>
public sealed class SandboxMonitor : IDisposable
{
    private readonly List<RunningSandbox> running = [];
    private readonly Lock gate = new();
    private readonly ManualResetEventSlim work = new(false);
    private readonly CancellationTokenSource stop = new();
    private readonly int intervalMilliseconds;
    private readonly Thread thread;

    public SandboxMonitor(IOptions<JudgeServerOptions> options)
    {
        intervalMilliseconds = options.Value.Sandbox.MonitorIntervalMilliseconds;
        thread = new Thread(Loop) { IsBackground = true, Name = "sandbox-monitor" };
        thread.Start();
    }

    public RunningSandbox Watch(int pid, long deadlineTimestamp, long? memoryCapBytes, string outputPath, long outputCapBytes)
    {
        var sandbox = new RunningSandbox(pid, deadlineTimestamp, memoryCapBytes, outputPath, outputCapBytes);
        lock (gate)
        {
            running.Add(sandbox);
            work.Set();
        }

        return sandbox;
    }

    public void Forget(RunningSandbox sandbox)
    {
        sandbox.MarkExited();
        lock (gate)
        {
            running.Remove(sandbox);
            if (running.Count == 0)
            {
                work.Reset();
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        work.Set();
        thread.Join(TimeSpan.FromSeconds(2));
        stop.Dispose();
        work.Dispose();
    }

    private void Loop()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                work.Wait(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            RunningSandbox[] snapshot;
            lock (gate)
            {
                snapshot = [.. running];
            }

            var now = Stopwatch.GetTimestamp();
            foreach (var sandbox in snapshot)
            {
                sandbox.Check(now);
            }

            stop.Token.WaitHandle.WaitOne(intervalMilliseconds);
        }
    }
}

public enum KillReason
{
    None,
    Time,
    Memory,
    Output,
    Cancelled,
}

/// <summary>
/// A started sandbox as the monitor sees it. Killing targets the processes below the sandbox's init, so that the init
/// reaps them and exits normally with their CPU time and peak memory; it is killed itself, then bubblewrap, only when
/// that does not end the sandbox. Until bubblewrap has reported its init a kill waits: bubblewrap clones the init and
/// then lets it go on, so killing bubblewrap in between would leave the init waiting forever (a stray process of the judge).
/// </summary>
public sealed class RunningSandbox(int pid, long deadlineTimestamp, long? memoryCapBytes, string outputPath, long outputCapBytes)
{
    private static readonly long EscalateAfterTicks = Stopwatch.Frequency / 4;

    /// <summary>How long a kill waits for bubblewrap's report before bubblewrap itself is killed (it reports within milliseconds).</summary>
    private static readonly long UnreportedInitTicks = Stopwatch.Frequency * 5;

    private readonly Lock gate = new();
    private int initPid;
    private bool initReported;
    private bool exited;
    private long killedAt;
    private int escalations;

    public KillReason Reason { get; private set; }

    public long PeakTreeResidentBytes { get; private set; }

    /// <summary>The init's pid from bubblewrap's info (0: bubblewrap reported none); a kill asked for before happens now.</summary>
    public void SetInitPid(int value)
    {
        lock (gate)
        {
            initPid = value;
            initReported = true;
            if (Reason != KillReason.None && !exited)
            {
                killedAt = Stopwatch.GetTimestamp();
                KillPrograms();
            }
        }
    }

    public void Kill(KillReason reason)
    {
        lock (gate)
        {
            if (exited || Reason != KillReason.None)
            {
                return;
            }

            Reason = reason;
            killedAt = Stopwatch.GetTimestamp();
            if (initReported)
            {
                KillPrograms();
            }
        }
    }

    internal void MarkExited()
    {
        lock (gate)
        {
            exited = true;
        }
    }

    internal void Check(long now)
    {
        if (Reason != KillReason.None)
        {
            Escalate(now);
            return;
        }

        if (now > deadlineTimestamp)
        {
            Kill(KillReason.Time);
            return;
        }

        if (memoryCapBytes is { } cap)
        {
            var resident = ProcessTree.ResidentBytes(initPid > 0 ? initPid : pid);
            PeakTreeResidentBytes = Math.Max(PeakTreeResidentBytes, resident);
            if (resident > cap)
            {
                Kill(KillReason.Memory);
                return;
            }
        }

        if (OutputLength() >= outputCapBytes)
        {
            Kill(KillReason.Output);
        }
    }

    private long OutputLength()
    {
        try
        {
            return new FileInfo(outputPath).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The programs below the init, or the init itself when it has none (yet), or bubblewrap when there is no init.</summary>
    private void KillPrograms()
    {
        var programs = initPid > 0 ? ProcessTree.Children(initPid).ToList() : [];
        if (programs.Count == 0)
        {
            _ = NativeMethods.kill(initPid > 0 ? initPid : pid, NativeMethods.SigKill);
        }

        foreach (var program in programs)
        {
            _ = NativeMethods.kill(program, NativeMethods.SigKill);
        }
    }

    private void Escalate(long now)
    {
        lock (gate)
        {
            if (exited || now - killedAt <= (initReported ? EscalateAfterTicks : UnreportedInitTicks))
            {
                return;
            }

            _ = NativeMethods.kill(escalations++ == 0 && initPid > 0 ? initPid : pid, NativeMethods.SigKill);
            killedAt = now;
        }
    }
}

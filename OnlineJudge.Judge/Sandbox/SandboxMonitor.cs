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
/// that does not end the sandbox.
/// </summary>
public sealed class RunningSandbox(int pid, long deadlineTimestamp, long? memoryCapBytes, string outputPath, long outputCapBytes)
{
    private static readonly long EscalateAfterTicks = Stopwatch.Frequency / 4;

    private readonly Lock gate = new();
    private int initPid;
    private bool exited;
    private long killedAt;
    private int escalations;

    public KillReason Reason { get; private set; }

    public long PeakTreeResidentBytes { get; private set; }

    public void SetInitPid(int value)
    {
        lock (gate)
        {
            initPid = value;
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

    private void Escalate(long now)
    {
        lock (gate)
        {
            if (exited || now - killedAt <= EscalateAfterTicks)
            {
                return;
            }

            _ = NativeMethods.kill(escalations++ == 0 && initPid > 0 ? initPid : pid, NativeMethods.SigKill);
            killedAt = now;
        }
    }
}

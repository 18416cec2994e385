using System.Diagnostics;
using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Options;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>
/// One background thread that watches every running sandbox: it kills a sandbox whose wall-clock deadline passed or whose
/// process tree holds more resident memory than its cap. Killing the sandbox's init process makes the kernel kill every
/// process of the sandbox and hand their CPU time and peak memory up to the process we wait for.
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

    public RunningSandbox Watch(int pid, long deadlineTimestamp, long? memoryCapBytes)
    {
        var sandbox = new RunningSandbox(pid, deadlineTimestamp, memoryCapBytes);
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
    Cancelled,
}

/// <summary>A started sandbox as the monitor sees it: the pid we wait for and, once bubblewrap reports it, its init's pid.</summary>
public sealed class RunningSandbox(int pid, long deadlineTimestamp, long? memoryCapBytes)
{
    private static readonly long EscalateAfterTicks = Stopwatch.Frequency / 2;

    private readonly Lock gate = new();
    private int initPid;
    private bool exited;
    private long killedAt;

    public KillReason Reason { get; private set; }

    public long PeakTreeResidentBytes { get; private set; }

    public void SetInitPid(int pid)
    {
        lock (gate)
        {
            initPid = pid;
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
            _ = NativeMethods.kill(initPid > 0 ? initPid : pid, NativeMethods.SigKill);
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
            var resident = ProcessTree.ResidentBytes(pid);
            PeakTreeResidentBytes = Math.Max(PeakTreeResidentBytes, resident);
            if (resident > cap)
            {
                Kill(KillReason.Memory);
            }
        }
    }

    /// <summary>Should the sandbox's init not take the whole sandbox down quickly, bubblewrap itself is killed.</summary>
    private void Escalate(long now)
    {
        lock (gate)
        {
            if (!exited && now - killedAt > EscalateAfterTicks)
            {
                _ = NativeMethods.kill(pid, NativeMethods.SigKill);
                killedAt = now;
            }
        }
    }
}

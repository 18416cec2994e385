using System.Globalization;
using System.Runtime.InteropServices;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>What ran below a sandbox's init: the CPU time (user + system) of its programs and the peak resident set.</summary>
public sealed record InitUsage(long ProgramCpuMicroseconds, long PeakResidentBytes);

/// <summary>
/// Reaps the processes of a sandbox with wait4. The init's rusage counts the init itself (bubblewrap's namespace setup,
/// a few milliseconds) and every program it reaped; the init's own run time is read from /proc while it is a zombie,
/// before it is reaped, and taken off, so that only the programs are counted.
/// </summary>
internal static unsafe class ProcessReaper
{
    /// <summary>wait4 on one child, retried on EINTR; false when it is not (or no longer) a child of this process.</summary>
    public static bool TryReap(int pid, out int status, out NativeMethods.ResourceUsage usage, ILogger logger)
    {
        int result;
        do
        {
            result = NativeMethods.wait4(pid, out status, 0, out usage);
        }
        while (result == -1 && Marshal.GetLastPInvokeError() == NativeMethods.EIntr);

        if (result == -1 && Marshal.GetLastPInvokeError() != NativeMethods.ENoChild)
        {
            logger.LogError("wait4({Pid}) failed: errno {Errno}", pid, Marshal.GetLastPInvokeError());
        }

        return result != -1;
    }

    /// <summary>
    /// Waits for the init (a child of this process once bubblewrap has exited) and reaps it; null when it is not a child
    /// of this process (bubblewrap reaped it after it was killed).
    /// </summary>
    public static InitUsage? ReapInit(int initPid, ILogger logger)
    {
        if (!WaitExitedWithoutReaping(initPid))
        {
            return null;
        }

        var ownMicroseconds = OwnRunTimeMicroseconds(initPid);
        if (!TryReap(initPid, out _, out var usage, logger))
        {
            return null;
        }

        var total = usage.UserTime.TotalMicroseconds + usage.SystemTime.TotalMicroseconds;
        return new InitUsage(Math.Max(0, total - ownMicroseconds), usage.MaxResidentSetKilobytes * 1024);
    }

    /// <summary>The CPU time a process used itself (not its children), from /proc/PID/schedstat (nanoseconds); 0 when unreadable.</summary>
    internal static long OwnRunTimeMicroseconds(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/schedstat");
            var first = text.AsSpan(0, Math.Max(0, text.IndexOf(' ', StringComparison.Ordinal)));
            return long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds) ? nanoseconds / 1000 : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>waitid(WEXITED | WNOWAIT): blocks until the child has exited and leaves it a zombie, so /proc still describes it.</summary>
    private static bool WaitExitedWithoutReaping(int pid)
    {
        var info = stackalloc byte[NativeMethods.SigInfoBytes];
        int result;
        do
        {
            result = NativeMethods.waitid(NativeMethods.PPid, pid, info, NativeMethods.WExited | NativeMethods.WNoWait);
        }
        while (result == -1 && Marshal.GetLastPInvokeError() == NativeMethods.EIntr);

        return result == 0;
    }
}

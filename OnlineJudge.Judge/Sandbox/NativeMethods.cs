using System.Runtime.InteropServices;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>
/// The few libc calls the sandbox needs. <see cref="System.Diagnostics.Process"/> cannot give the rusage of a finished
/// process tree (peak memory, CPU time), so the sandbox is started with posix_spawn and reaped with wait4 here.
/// </summary>
internal static unsafe partial class NativeMethods
{
    private const string Libc = "libc.so.6";

    public const int OReadOnly = 0;
    public const int OWriteOnly = 1;
    public const int OCreate = 0x40;
    public const int OTruncate = 0x200;
    public const int OCloseOnExec = 0x80000;

    public const short PosixSpawnSetSigDef = 0x04;
    public const short PosixSpawnSetSigMask = 0x08;
    public const short PosixSpawnSetSid = 0x80;

    public const int SigKill = 9;
    public const int EIntr = 4;

    /// <summary>glibc's posix_spawn_file_actions_t is 80 bytes, posix_spawnattr_t 336, sigset_t 128: these sizes leave room.</summary>
    public const int OpaqueBufferBytes = 1024;

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeValue
    {
        public long Seconds;
        public long Microseconds;

        public readonly long TotalMilliseconds => Seconds * 1000 + Microseconds / 1000;

        public readonly long TotalMicroseconds => Seconds * 1_000_000 + Microseconds;
    }

    /// <summary>struct rusage of Linux x86-64 and arm64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        public long MaxResidentSetKilobytes;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }

    [LibraryImport(Libc)]
    public static partial int posix_spawn_file_actions_init(IntPtr actions);

    [LibraryImport(Libc)]
    public static partial int posix_spawn_file_actions_destroy(IntPtr actions);

    [LibraryImport(Libc, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addopen(IntPtr actions, int fd, string path, int flags, uint mode);

    [LibraryImport(Libc)]
    public static partial int posix_spawn_file_actions_adddup2(IntPtr actions, int fd, int newFd);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_init(IntPtr attributes);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_destroy(IntPtr attributes);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_setflags(IntPtr attributes, short flags);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_setsigmask(IntPtr attributes, IntPtr signals);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_setsigdefault(IntPtr attributes, IntPtr signals);

    [LibraryImport(Libc)]
    public static partial int sigemptyset(IntPtr signals);

    [LibraryImport(Libc)]
    public static partial int sigfillset(IntPtr signals);

    /// <summary>Returns 0 or an error number (not errno).</summary>
    [LibraryImport(Libc, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn(out int pid, string path, IntPtr actions, IntPtr attributes, IntPtr argv, IntPtr envp);

    [LibraryImport(Libc, SetLastError = true)]
    public static partial int wait4(int pid, out int status, int options, out ResourceUsage usage);

    public const int PPid = 1;
    public const int WExited = 4;
    public const int WNoWait = 0x01000000;

    /// <summary>siginfo_t is 128 bytes on Linux.</summary>
    public const int SigInfoBytes = 128;

    [LibraryImport(Libc, SetLastError = true)]
    public static partial int waitid(int idType, int id, byte* info, int options);

    [LibraryImport(Libc, SetLastError = true)]
    public static partial int kill(int pid, int signal);

    [LibraryImport(Libc, SetLastError = true)]
    public static partial int pipe2(int* fds, int flags);

    [LibraryImport(Libc, SetLastError = true)]
    public static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport(Libc, SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport(Libc)]
    public static partial uint geteuid();

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chown(string path, int owner, int group);

    public const int PrSetChildSubreaper = 36;
    public const int ENoChild = 10;

    [LibraryImport(Libc, SetLastError = true)]
    public static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}

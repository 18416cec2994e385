using System.Runtime.InteropServices;
using System.Text;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>
/// Starts a process with posix_spawn: stdin from a file, stdout and stderr to one file, a pipe as fd 3 for bubblewrap's
/// info, default signal handling, an empty signal mask and a new session. The caller reaps it with wait4.
/// </summary>
internal static unsafe class NativeSpawner
{
    /// <summary>Returns the pid, or throws with the error number when the process could not be started.</summary>
    public static int Spawn(IReadOnlyList<string> argv, IReadOnlyList<string> environment, string stdinPath, string stdoutPath, int infoWriteFd)
    {
        var actions = (IntPtr)NativeMemory.AllocZeroed(NativeMethods.OpaqueBufferBytes);
        var attributes = (IntPtr)NativeMemory.AllocZeroed(NativeMethods.OpaqueBufferBytes);
        var emptySet = (IntPtr)NativeMemory.AllocZeroed(NativeMethods.OpaqueBufferBytes);
        var fullSet = (IntPtr)NativeMemory.AllocZeroed(NativeMethods.OpaqueBufferBytes);
        var nativeArgv = ToNative(argv);
        var nativeEnv = ToNative(environment);
        try
        {
            Check(NativeMethods.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(NativeMethods.posix_spawnattr_init(attributes), "posix_spawnattr_init");
            try
            {
                Check(NativeMethods.posix_spawn_file_actions_addopen(actions, 0, stdinPath, NativeMethods.OReadOnly, 0), "addopen stdin");
                Check(NativeMethods.posix_spawn_file_actions_addopen(actions, 1, stdoutPath,
                    NativeMethods.OWriteOnly | NativeMethods.OCreate | NativeMethods.OTruncate, Convert.ToUInt32("600", 8)), "addopen stdout");
                Check(NativeMethods.posix_spawn_file_actions_adddup2(actions, 1, 2), "adddup2 stderr");
                Check(NativeMethods.posix_spawn_file_actions_adddup2(actions, infoWriteFd, BwrapCommandBuilder.InfoFd), "adddup2 info");
                _ = NativeMethods.sigemptyset(emptySet);
                _ = NativeMethods.sigfillset(fullSet);
                Check(NativeMethods.posix_spawnattr_setsigmask(attributes, emptySet), "setsigmask");
                Check(NativeMethods.posix_spawnattr_setsigdefault(attributes, fullSet), "setsigdefault");
                Check(NativeMethods.posix_spawnattr_setflags(attributes,
                    NativeMethods.PosixSpawnSetSigMask | NativeMethods.PosixSpawnSetSigDef | NativeMethods.PosixSpawnSetSid), "setflags");
                Check(NativeMethods.posix_spawn(out var pid, argv[0], actions, attributes, nativeArgv, nativeEnv), $"posix_spawn {argv[0]}");
                return pid;
            }
            finally
            {
                _ = NativeMethods.posix_spawn_file_actions_destroy(actions);
                _ = NativeMethods.posix_spawnattr_destroy(attributes);
            }
        }
        finally
        {
            FreeNative(nativeArgv, argv.Count);
            FreeNative(nativeEnv, environment.Count);
            NativeMemory.Free((void*)actions);
            NativeMemory.Free((void*)attributes);
            NativeMemory.Free((void*)emptySet);
            NativeMemory.Free((void*)fullSet);
        }
    }

    /// <summary>Reads bubblewrap's info document up to its closing brace (or end of file) and returns the sandbox init's pid, or 0.</summary>
    public static int ReadInitPid(int fd)
    {
        var text = new StringBuilder();
        var buffer = stackalloc byte[512];
        while (text.Length < 65536)
        {
            var count = NativeMethods.read(fd, buffer, 512);
            if (count < 0 && Marshal.GetLastPInvokeError() == NativeMethods.EIntr)
            {
                continue;
            }

            if (count <= 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, (int)count));
            if (text.ToString().Contains('}', StringComparison.Ordinal))
            {
                break;
            }
        }

        var match = System.Text.RegularExpressions.Regex.Match(text.ToString(), "\"child-pid\"\\s*:\\s*(\\d+)");
        return match.Success && int.TryParse(match.Groups[1].Value, out var pid) ? pid : 0;
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new SpawnException($"{what} failed: error {error}", error);
        }
    }

    private static IntPtr ToNative(IReadOnlyList<string> values)
    {
        var array = (IntPtr*)NativeMemory.AllocZeroed((nuint)(values.Count + 1), (nuint)sizeof(IntPtr));
        for (var i = 0; i < values.Count; i++)
        {
            array[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
        }

        return (IntPtr)array;
    }

    private static void FreeNative(IntPtr native, int count)
    {
        var array = (IntPtr*)native;
        for (var i = 0; i < count; i++)
        {
            Marshal.FreeCoTaskMem(array[i]);
        }

        NativeMemory.Free(array);
    }
}

public sealed class SpawnException(string message, int errorNumber) : Exception(message)
{
    public int ErrorNumber { get; } = errorNumber;
}

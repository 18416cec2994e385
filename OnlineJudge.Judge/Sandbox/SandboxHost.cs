using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Options;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>
/// The host side of the sandboxes: whether we run as root (then sandboxes run as the configured unprivileged user), this
/// server instance's scratch folder (removed at stop; folders of instances that died are removed at start), and the small
/// /etc/passwd and /etc/group shown inside.
/// </summary>
public sealed class SandboxHost : IDisposable
{
    private const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly SandboxOptions sandbox;
    private readonly ILogger<SandboxHost> logger;

    public SandboxHost(IOptions<JudgeServerOptions> options, ILogger<SandboxHost> logger)
    {
        sandbox = options.Value.Sandbox;
        this.logger = logger;
        RunsAsRoot = NativeMethods.geteuid() == 0;
        // bubblewrap's outer process exits without reaping the sandbox's init, which holds the CPU time and peak memory of
        // everything that ran inside: as a subreaper this process inherits it and reaps it with wait4.
        if (NativeMethods.prctl(NativeMethods.PrSetChildSubreaper, 1, 0, 0, 0) != 0)
        {
            throw new InvalidOperationException($"prctl(PR_SET_CHILD_SUBREAPER) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var workDir = options.Value.WorkDir;
        CreateTraversable(workDir);
        RemoveDeadInstances(workDir);
        InstanceDir = Path.Combine(workDir, $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
        CreateTraversable(InstanceDir);
        var etc = Path.Combine(InstanceDir, "etc");
        CreateTraversable(etc);
        PasswdFile = Path.Combine(etc, "passwd");
        GroupFile = Path.Combine(etc, "group");
        File.WriteAllText(PasswdFile, "root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/tmp:/usr/sbin/nologin\n");
        File.WriteAllText(GroupFile, "root:x:0:\nnogroup:x:65534:\n");
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(PasswdFile, readable);
        File.SetUnixFileMode(GroupFile, readable);
    }

    public bool RunsAsRoot { get; }

    public string InstanceDir { get; }

    public string PasswdFile { get; }

    public string GroupFile { get; }

    /// <summary>A folder only the judge can read (outputs, compiler messages, test-case copies).</summary>
    public static void CreatePrivate(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, Private);
    }

    /// <summary>A folder that others may pass through but not list.</summary>
    public static void CreateTraversable(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, Traversable);
    }

    /// <summary>A folder the sandbox user owns and may write (the compile folder, File IO folders).</summary>
    public void CreateForSandbox(string path)
    {
        CreatePrivate(path);
        GiveToSandbox(path);
    }

    public void GiveToSandbox(string path)
    {
        if (RunsAsRoot && NativeMethods.chown(path, sandbox.Uid, sandbox.Gid) != 0)
        {
            throw new IOException($"chown {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(InstanceDir, recursive: true);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not remove {Folder}", InstanceDir);
        }
    }

    private void RemoveDeadInstances(string workDir)
    {
        foreach (var folder in Directory.EnumerateDirectories(workDir))
        {
            var name = Path.GetFileName(folder);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Could not remove the folder {Folder} of a stopped judge server", folder);
            }
        }
    }
}

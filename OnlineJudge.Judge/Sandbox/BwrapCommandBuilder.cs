using System.Globalization;
using OnlineJudge.Judge.Options;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>
/// The command line that starts one sandbox: <c>setpriv</c> (drop to the sandbox user when root; die with the judge),
/// <c>bwrap</c> (fresh user, PID, network, IPC, UTS and cgroup namespaces; read-only system folders; private /tmp), and
/// <c>prlimit</c> inside, which sets the program's rlimits just before it starts.
/// </summary>
public sealed class BwrapCommandBuilder(SandboxOptions options, SandboxHost host)
{
    /// <summary>User and group the program has inside its user namespace ("nobody").</summary>
    public const int InsideId = 65534;

    /// <summary>File descriptor on which bubblewrap reports the pid of the sandbox's init process.</summary>
    public const int InfoFd = 3;

    private static readonly string[] HostLinkedRoots = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    public IReadOnlyList<string> Build(SandboxSpec spec)
    {
        var args = new List<string>(96) { options.SetprivPath };
        if (host.RunsAsRoot)
        {
            args.Add($"--reuid={options.Uid.ToString(CultureInfo.InvariantCulture)}");
            args.Add($"--regid={options.Gid.ToString(CultureInfo.InvariantCulture)}");
            args.Add("--clear-groups");
        }

        args.AddRange(["--pdeathsig", "KILL", "--", options.BwrapPath]);
        args.AddRange(["--unshare-all", "--unshare-user", "--die-with-parent", "--new-session", "--hostname", "judge"]);
        args.AddRange(["--uid", InsideId.ToString(CultureInfo.InvariantCulture), "--gid", InsideId.ToString(CultureInfo.InvariantCulture)]);
        AddSystemFolders(args);
        args.AddRange(["--ro-bind", host.PasswdFile, "/etc/passwd", "--ro-bind", host.GroupFile, "/etc/group"]);
        args.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        AddTmpfs(args, "/tmp");
        foreach (var mount in spec.Mounts)
        {
            switch (mount.Kind)
            {
                case SandboxMountKind.Bind:
                    args.AddRange(["--bind", mount.HostPath!, mount.SandboxPath]);
                    break;
                case SandboxMountKind.ReadOnlyBind:
                    args.AddRange(["--ro-bind", mount.HostPath!, mount.SandboxPath]);
                    break;
                case SandboxMountKind.Tmpfs:
                    AddTmpfs(args, mount.SandboxPath);
                    break;
            }
        }

        // The sandbox's root is a tmpfs without a size cap: only the mounts above may be written.
        args.AddRange(["--remount-ro", "/"]);
        args.AddRange(["--chdir", spec.WorkingDirectory, "--info-fd", InfoFd.ToString(CultureInfo.InvariantCulture), "--"]);
        AddLimits(args, spec);
        args.Add("--");
        args.AddRange(spec.Command);
        return args;
    }

    private void AddSystemFolders(List<string> args)
    {
        foreach (var root in HostLinkedRoots)
        {
            var info = new DirectoryInfo(root);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, root]);
            }
            else if (info.Exists)
            {
                args.AddRange(["--ro-bind", root, root]);
            }
        }

        foreach (var path in options.EffectiveReadOnlyPaths)
        {
            args.AddRange(["--ro-bind-try", path, path]);
        }
    }

    private void AddTmpfs(List<string> args, string path) =>
        args.AddRange(["--size", options.TmpfsBytes.ToString(CultureInfo.InvariantCulture), "--tmpfs", path]);

    private void AddLimits(List<string> args, SandboxSpec spec)
    {
        var limits = spec.Limits;
        args.Add(options.PrlimitPath);
        args.Add($"--cpu={limits.CpuRlimitSeconds.ToString(CultureInfo.InvariantCulture)}");
        if (limits.AddressSpaceBytes is { } addressSpace)
        {
            args.Add($"--as={addressSpace.ToString(CultureInfo.InvariantCulture)}");
        }

        args.Add($"--stack={limits.StackBytes.ToString(CultureInfo.InvariantCulture)}");
        args.Add($"--fsize={limits.OutputBytes.ToString(CultureInfo.InvariantCulture)}");
        args.Add($"--nproc={options.MaxProcesses.ToString(CultureInfo.InvariantCulture)}");
        args.Add($"--nofile={options.MaxOpenFiles.ToString(CultureInfo.InvariantCulture)}");
        args.Add("--core=0");
    }
}

using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Judge.Options;

/// <summary>How programs are confined (section <c>JudgeServer:Sandbox</c>).</summary>
public sealed class SandboxOptions
{
    [Required(AllowEmptyStrings = false)]
    public string BwrapPath { get; set; } = "/usr/bin/bwrap";

    [Required(AllowEmptyStrings = false)]
    public string PrlimitPath { get; set; } = "/usr/bin/prlimit";

    /// <summary>Used only when the server runs as root, to drop to <see cref="Uid"/> before bubblewrap starts.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SetprivPath { get; set; } = "/usr/bin/setpriv";

    /// <summary>Unprivileged host user and group that sandboxes run as when the server runs as root.</summary>
    [Range(1, int.MaxValue)]
    public int Uid { get; set; } = 65534;

    [Range(1, int.MaxValue)]
    public int Gid { get; set; } = 65534;

    /// <summary>Processes and threads one sandbox may hold (RLIMIT_NPROC inside its own user namespace).</summary>
    [Range(8, 4096)]
    public int MaxProcesses { get; set; } = 128;

    /// <summary>Open files per process (RLIMIT_NOFILE).</summary>
    [Range(16, 65536)]
    public int MaxOpenFiles { get; set; } = 256;

    /// <summary>Size cap of each private tmpfs (<c>/tmp</c> and the run's work folder).</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long TmpfsBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>How often running sandboxes are checked for memory (resident set of the whole process tree).</summary>
    [Range(5, 1000)]
    public int MonitorIntervalMilliseconds { get; set; } = 20;

    /// <summary>
    /// Host paths mounted read-only at the same place (missing ones are skipped); empty means <see cref="DefaultReadOnlyPaths"/>.
    /// /bin, /lib, /lib64 and /sbin always follow the host (symlink or folder).
    /// </summary>
    public List<string> ReadOnlyPaths { get; set; } = [];

    /// <summary>What the six languages need: the toolchains under /usr, the alternatives links, the dynamic linker cache, Java's configuration.</summary>
    public static IReadOnlyList<string> DefaultReadOnlyPaths { get; } =
    [
        "/usr", "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime",
        "/etc/java-17-openjdk", "/etc/java-21-openjdk",
    ];

    public IReadOnlyList<string> EffectiveReadOnlyPaths => ReadOnlyPaths.Count > 0 ? ReadOnlyPaths : DefaultReadOnlyPaths;
}

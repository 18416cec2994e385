using OnlineJudge.Judge.Judging;

namespace OnlineJudge.Judge.Sandbox;

public enum SandboxMountKind
{
    Bind,
    ReadOnlyBind,
    Tmpfs,
}

/// <summary>An extra mount of one sandbox: a host path (bind) or a fresh size-capped tmpfs at <see cref="SandboxPath"/>.</summary>
public sealed record SandboxMount(SandboxMountKind Kind, string? HostPath, string SandboxPath)
{
    public static SandboxMount Writable(string hostPath, string sandboxPath) => new(SandboxMountKind.Bind, hostPath, sandboxPath);

    public static SandboxMount ReadOnly(string hostPath, string sandboxPath) => new(SandboxMountKind.ReadOnlyBind, hostPath, sandboxPath);

    public static SandboxMount Tmpfs(string sandboxPath) => new(SandboxMountKind.Tmpfs, null, sandboxPath);
}

/// <summary>
/// One program to run in a fresh sandbox: its command and environment as seen inside, its limits, its mounts beyond the
/// read-only system folders, and the host files that become its stdin and its stdout+stderr.
/// </summary>
public sealed record SandboxSpec(
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Environment,
    RunLimits Limits,
    string WorkingDirectory,
    IReadOnlyList<SandboxMount> Mounts,
    string StdinPath,
    string StdoutPath);

/// <summary>What a run did, in the units of the protocol (ms, bytes).</summary>
public sealed record SandboxOutcome(
    int CpuTimeMs,
    int RealTimeMs,
    long MemoryBytes,
    int Signal,
    int ExitCode,
    int Error,
    bool KilledForTime,
    bool KilledForMemory)
{
    public static SandboxOutcome Failed(int error, int realTimeMs = 0) => new(0, realTimeMs, 0, 0, 0, error, false, false);
}

namespace OnlineJudge.Judge.Judging;

/// <summary>
/// Limits of one sandboxed run. Memory values are bytes, -1 meaning unlimited; <see cref="AddressSpaceBytes"/> is the
/// RLIMIT_AS given to the program (null: none) and <see cref="TreeMemoryCapBytes"/> the resident size of the whole
/// process tree at which the monitor kills it (null: never).
/// </summary>
public sealed record RunLimits(
    int CpuTimeMs,
    int RealTimeMs,
    long MemoryBytes,
    long? AddressSpaceBytes,
    long StackBytes,
    long OutputBytes,
    long? TreeMemoryCapBytes)
{
    /// <summary>RLIMIT_CPU in whole seconds, one second above the limit so that an overrun is measured before the kernel kills.</summary>
    public int CpuRlimitSeconds => (CpuTimeMs + 1000) / 1000;
}

/// <summary>How the request's numbers become sandbox limits (judge.md §3.2, same as the upstream JudgeServer).</summary>
public static class LimitMapper
{
    public const long StackBytes = 128L * 1024 * 1024;
    public const long CompileOutputBytes = 20L * 1024 * 1024;
    public const long MinimumOutputBytes = 16L * 1024 * 1024;

    public static RunLimits ForTestCase(int maxCpuTime, long maxMemory, bool memoryLimitCheckOnly, long expectedOutputSize) => new(
        maxCpuTime,
        RealTimeFor(maxCpuTime),
        maxMemory,
        AddressSpace(maxMemory, memoryLimitCheckOnly),
        StackBytes,
        Math.Max(expectedOutputSize * 2, MinimumOutputBytes),
        TreeCap(maxMemory));

    public static RunLimits ForCompile(int maxCpuTime, int maxRealTime, long maxMemory) => new(
        maxCpuTime,
        maxRealTime,
        maxMemory,
        AddressSpace(maxMemory, checkOnly: false),
        StackBytes,
        CompileOutputBytes,
        TreeCap(maxMemory));

    /// <summary>The wall-clock limit of a test case: three times its CPU limit.</summary>
    public static int RealTimeFor(int maxCpuTime) => (int)Math.Min((long)maxCpuTime * 3, int.MaxValue);

    /// <summary>The <c>{max_memory}</c> placeholder of run commands: kilobytes, truncated like Python's <c>int(x / 1024)</c>.</summary>
    public static long MemoryPlaceholderKilobytes(long maxMemory) => maxMemory / 1024;

    /// <summary>Twice the limit, as upstream: the program can overshoot a little, so that the peak is measured and reported as MLE.</summary>
    private static long? AddressSpace(long maxMemory, bool checkOnly) => maxMemory == -1 || checkOnly ? null : SaturatingDouble(maxMemory);

    /// <summary>The safety net for languages without RLIMIT_AS and for programs that spread over many processes.</summary>
    private static long? TreeCap(long maxMemory) => maxMemory == -1 ? null : SaturatingDouble(maxMemory);

    private static long SaturatingDouble(long value) => value > long.MaxValue / 2 ? long.MaxValue : value * 2;
}

namespace OnlineJudge.Judge.Judging;

/// <summary>Per-case <c>result</c> values (judge.md §3.4), identical to the backend's JudgeStatus.</summary>
public static class RunResult
{
    public const int WrongAnswer = -1;
    public const int Success = 0;
    public const int CpuTimeLimitExceeded = 1;
    public const int RealTimeLimitExceeded = 2;
    public const int MemoryLimitExceeded = 3;
    public const int RuntimeError = 4;
    public const int SystemError = 5;
}

/// <summary>Per-case <c>error</c> values: why the sandbox itself failed (0 when it did not).</summary>
public static class RunError
{
    public const int None = 0;
    public const int InvalidConfig = -1;
    public const int ForkFailed = -2;
    public const int WaitFailed = -4;
    public const int ExecveFailed = -10;
}

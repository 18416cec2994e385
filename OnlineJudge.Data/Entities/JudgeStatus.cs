namespace OnlineJudge.Data.Entities;

/// <summary>Values of <c>submission.result</c> and per-test-case <c>result</c> (data-model.md §1.1).</summary>
public static class JudgeStatus
{
    public const int CompileError = -2;
    public const int WrongAnswer = -1;
    public const int Accepted = 0;
    public const int CpuTimeLimitExceeded = 1;
    public const int RealTimeLimitExceeded = 2;
    public const int MemoryLimitExceeded = 3;
    public const int RuntimeError = 4;
    public const int SystemError = 5;
    public const int Pending = 6;
    public const int Judging = 7;
    public const int PartiallyAccepted = 8;
    public const int AstCheckFailed = 10;

    /// <summary>AST_CHECK_FAILED counts as accepted everywhere.</summary>
    public static bool IsAccepted(int result) => result is Accepted or AstCheckFailed;
}

using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Judge.Judging;

/// <summary>Turns what a sandboxed run did into a <c>result</c> code, in the same order of checks as the upstream sandbox library.</summary>
public static class VerdictRules
{
    private const int SigSegv = 11;

    public static int Classify(SandboxOutcome outcome, RunLimits limits)
    {
        if (outcome.Error != RunError.None)
        {
            return RunResult.SystemError;
        }

        var result = RunResult.Success;
        if (outcome.ExitCode != 0)
        {
            result = RunResult.RuntimeError;
        }

        var overMemory = limits.MemoryBytes != -1 && (outcome.MemoryBytes > limits.MemoryBytes || outcome.KilledForMemory);
        if (outcome.Signal == SigSegv)
        {
            // A fault under RLIMIT_AS is how an over-allocation usually ends: memory decides between MLE and RE.
            return overMemory ? RunResult.MemoryLimitExceeded : RunResult.RuntimeError;
        }

        if (outcome.Signal != 0)
        {
            result = RunResult.RuntimeError;
        }

        if (overMemory)
        {
            result = RunResult.MemoryLimitExceeded;
        }

        if (outcome.RealTimeMs > limits.RealTimeMs)
        {
            result = RunResult.RealTimeLimitExceeded;
        }

        if (outcome.CpuTimeMs > limits.CpuTimeMs)
        {
            result = RunResult.CpuTimeLimitExceeded;
        }

        return result;
    }
}

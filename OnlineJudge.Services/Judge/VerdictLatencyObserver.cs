using OnlineJudge.Data.Entities;
using OnlineJudge.Services.Telemetry;

namespace OnlineJudge.Services.Judge;

/// <summary>Records the time from a submission to its stored verdict (first judgements only; a rejudge is not a student's wait).</summary>
public sealed class VerdictLatencyObserver(SiteMetrics metrics, TimeProvider time) : IVerdictObserver
{
    public Task OnVerdictStoredAsync(VerdictEvent verdict, CancellationToken cancellationToken)
    {
        if (verdict.ReplacedResult is null)
        {
            metrics.RecordVerdictLatency(time.GetUtcNow().UtcDateTime - verdict.Job.CreateTime, ResultName(verdict.Verdict.Result));
        }

        return Task.CompletedTask;
    }

    private static string ResultName(int result) => result switch
    {
        JudgeStatus.Accepted => "accepted",
        JudgeStatus.WrongAnswer => "wrong_answer",
        JudgeStatus.CompileError => "compile_error",
        JudgeStatus.CpuTimeLimitExceeded or JudgeStatus.RealTimeLimitExceeded => "time_limit_exceeded",
        JudgeStatus.MemoryLimitExceeded => "memory_limit_exceeded",
        JudgeStatus.RuntimeError => "runtime_error",
        JudgeStatus.SystemError => "system_error",
        _ => "other",
    };
}

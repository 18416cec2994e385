using System.Text.Json;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Services.Judge;

/// <summary>What a judge run stores: the result, <c>info</c> (null: left as it is) and <c>statistic_info</c>.</summary>
public sealed record Verdict(int Result, JsonElement? Info, SubmissionStatisticInfo StatisticInfo)
{
    public static Verdict SystemError(string message) =>
        new(JudgeStatus.SystemError, null, new SubmissionStatisticInfo { ErrInfo = message });

    public static Verdict CompileError(string message) =>
        new(JudgeStatus.CompileError, null, new SubmissionStatisticInfo { ErrInfo = message, Score = 0 });
}

/// <summary>Turns a well-formed JudgeServer reply into a verdict (judge.md §4, before the AST check).</summary>
public static class VerdictBuilder
{
    public static Verdict FromReply(JudgeReply reply)
    {
        if (reply.Err is not null)
        {
            return Verdict.CompileError(reply.ErrData ?? "");
        }

        var firstFailure = reply.Cases.FirstOrDefault(c => c.Result != JudgeStatus.Accepted);
        return new Verdict(
            firstFailure?.Result ?? JudgeStatus.Accepted,
            reply.Raw,
            new SubmissionStatisticInfo { TimeCost = reply.Cases.Max(c => c.CpuTime), MemoryCost = reply.Cases.Max(c => c.Memory) });
    }
}

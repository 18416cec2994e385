using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnlineJudge.Services.Judge;

/// <summary>The body of <c>POST /judge</c> (judge.md §3.1).</summary>
public sealed record JudgeRequest(
    [property: JsonPropertyName("language_config")] JsonElement LanguageConfig,
    [property: JsonPropertyName("src")] string Src,
    [property: JsonPropertyName("max_cpu_time")] int MaxCpuTime,
    [property: JsonPropertyName("max_memory")] long MaxMemory,
    [property: JsonPropertyName("test_case_id")] string TestCaseId,
    [property: JsonPropertyName("output")] bool Output,
    [property: JsonPropertyName("io_mode")] JudgeIoMode IoMode);

public sealed record JudgeIoMode(
    [property: JsonPropertyName("io_mode")] string Mode,
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("output")] string Output)
{
    public static readonly JudgeIoMode StandardIo = new("Standard IO", "input.txt", "output.txt");
}

/// <summary>One test case of a successful reply (judge.md §3.3), as parsed and checked.</summary>
public sealed record JudgeCaseResult(int TestCase, int Result, int CpuTime, long Memory);

/// <summary>A well-formed reply: an error class with its message, or the test cases (sorted by number) and the raw reply.</summary>
public sealed record JudgeReply(string? Err, string? ErrData, IReadOnlyList<JudgeCaseResult> Cases, JsonElement Raw);

/// <summary>How a call to a judge server ended.</summary>
public enum JudgeCallOutcome
{
    /// <summary>A well-formed reply.</summary>
    Replied,

    /// <summary>The connection was refused or could not be opened: the server never saw the request.</summary>
    Unreachable,

    /// <summary>The request may have reached the server, but no answer came (reset, timeout, HTTP error).</summary>
    Failed,

    /// <summary>An answer came that is not a JudgeServer reply (not JSON, wrong types, bad test-case numbers).</summary>
    Malformed,
}

public sealed record JudgeCallResult(JudgeCallOutcome Outcome, JudgeReply? Reply, string Message)
{
    public static JudgeCallResult Of(JudgeReply reply) => new(JudgeCallOutcome.Replied, reply, "");
}

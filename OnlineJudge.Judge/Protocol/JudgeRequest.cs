namespace OnlineJudge.Judge.Protocol;

/// <summary>A parsed <c>POST /judge</c> body (judge.md §3.1).</summary>
public sealed record JudgeRequest(
    CompileConfig? Compile,
    RunConfig Run,
    string Src,
    int MaxCpuTime,
    long MaxMemory,
    string? TestCaseId,
    IReadOnlyList<InlineTestCase>? InlineTestCases,
    bool Output,
    IoMode IoMode);

/// <summary><c>language_config.compile</c>: how to turn <c>src</c> into something runnable, under its own limits.</summary>
public sealed record CompileConfig(
    string SrcName,
    string ExeName,
    int MaxCpuTime,
    int MaxRealTime,
    long MaxMemory,
    string CompileCommand,
    IReadOnlyList<string> Env);

/// <summary><c>language_config.run</c>. <c>seccomp_rule</c> is accepted and ignored: the bubblewrap sandbox replaces it.</summary>
public sealed record RunConfig(string Command, string? ExeName, IReadOnlyList<string> Env, bool MemoryLimitCheckOnly);

/// <summary><c>io_mode</c>: "Standard IO" (stdin/stdout) or "File IO" (the program reads <c>Input</c> and writes <c>Output</c> in its folder).</summary>
public sealed record IoMode(string Mode, string Input, string Output)
{
    public const string Standard = "Standard IO";
    public const string File = "File IO";

    public static IoMode Default { get; } = new(Standard, "input.txt", "output.txt");

    public bool IsFileIo => Mode == File;
}

/// <summary>One element of the optional inline <c>test_case</c> list.</summary>
public sealed record InlineTestCase(string Input, string Output);

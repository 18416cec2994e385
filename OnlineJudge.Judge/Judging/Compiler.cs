using System.Text;
using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Options;
using OnlineJudge.Judge.Protocol;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Judge.Judging;

/// <summary>
/// Compiles a submission in its own sandbox with the language's compile command and limits (judge.md §3.2). A compiler
/// that fails answers CompileError with its output, or, when it printed nothing, with the raw run result like upstream.
/// </summary>
public sealed class Compiler(SandboxRunner runner, IOptions<JudgeServerOptions> options)
{
    public const string SearchPath = "PATH=/usr/local/bin:/usr/bin:/bin";

    /// <summary>Writes the source and compiles it; returns the executable's path inside the sandbox.</summary>
    public async Task<string> CompileAsync(CompileConfig config, string source, SubmissionWorkspace workspace, CancellationToken cancellationToken)
    {
        var sourcePath = Path.Combine(workspace.CodeDir, config.SrcName);
        await File.WriteAllTextAsync(sourcePath, source, new UTF8Encoding(false), cancellationToken);
        workspace.GiveToSandbox(sourcePath);

        var exePath = workspace.SandboxPathOf(config.ExeName);
        var command = CommandTemplate.Build(config.CompileCommand, new Dictionary<string, string>
        {
            ["src_path"] = workspace.SandboxPathOf(config.SrcName),
            ["exe_dir"] = workspace.SandboxCodeDir,
            ["exe_path"] = exePath,
        });
        ToolchainCheck.EnsureInstalled(command[0], workspace.SandboxCodeDir);

        var limits = LimitMapper.ForCompile(config.MaxCpuTime, config.MaxRealTime, config.MaxMemory);
        var messages = Path.Combine(workspace.OutputDir, "compiler.out");
        var spec = new SandboxSpec(
            command,
            [.. config.Env, SearchPath],
            limits,
            workspace.SandboxCodeDir,
            [SandboxMount.Writable(workspace.CodeDir, workspace.SandboxCodeDir)],
            "/dev/null",
            messages);
        var outcome = await runner.RunAsync(spec, cancellationToken);
        var result = VerdictRules.Classify(outcome, limits);
        if (result == RunResult.Success)
        {
            return exePath;
        }

        var text = (await ReadMessagesAsync(messages, cancellationToken)).Trim();
        throw new CompileErrorException(text.Length > 0 ? text : "Compiler runtime error, info: " + PythonJson.Serialize(RawResult(outcome, result)));
    }

    /// <summary>Writes the source as the program itself, for languages without a compile step.</summary>
    public static async Task<string> WriteScriptAsync(RunConfig config, string source, SubmissionWorkspace workspace, CancellationToken cancellationToken)
    {
        var path = Path.Combine(workspace.CodeDir, config.ExeName!);
        await File.WriteAllTextAsync(path, source, new UTF8Encoding(false), cancellationToken);
        workspace.GiveToSandbox(path);
        return workspace.SandboxPathOf(config.ExeName!);
    }

    /// <summary>The sandbox result fields in upstream's order, as printed in its compile-error message and per test case.</summary>
    public static JsonFields RawResult(SandboxOutcome outcome, int result) => new()
    {
        { "cpu_time", outcome.CpuTimeMs },
        { "real_time", outcome.RealTimeMs },
        { "memory", outcome.MemoryBytes },
        { "signal", outcome.Signal },
        { "exit_code", outcome.ExitCode },
        { "error", outcome.Error },
        { "result", result },
    };

    private async Task<string> ReadMessagesAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        var limit = options.Value.MaxCompileErrorChars;
        await using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(stream.Length, limit * 4L)];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer);
        return text.Length > limit ? text[..limit] : text;
    }
}

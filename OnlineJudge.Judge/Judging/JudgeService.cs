using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Options;
using OnlineJudge.Judge.Protocol;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Judge.Judging;

/// <summary>
/// One <c>POST /judge</c>: compile (or write the script), read the test cases, run them all in parallel (the sandbox runner
/// bounds how many at once), and return the case objects in the order of the <c>info</c> file.
/// </summary>
public sealed class JudgeService(SandboxHost host, Compiler compiler, TestCaseRunner testCaseRunner, IOptions<JudgeServerOptions> options)
{
    public async Task<IReadOnlyList<JsonFields>> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        using var workspace = new SubmissionWorkspace(host);
        var exePath = request.Compile is { } compile
            ? await compiler.CompileAsync(compile, request.Src, workspace, cancellationToken)
            : await Compiler.WriteScriptAsync(request.Run, request.Src, workspace, cancellationToken);

        var testCases = request.TestCaseId is { } id
            ? await TestCaseSet.LoadAsync(options.Value.TestCaseDir, id, cancellationToken)
            : await TestCaseSet.WriteInlineAsync(request.InlineTestCases!, workspace.CreatePrivateFolder("test_case"), cancellationToken);
        if (testCases.IsSpecialJudge)
        {
            throw new JudgeClientErrorException("spj_config or spj_version not set");
        }

        var command = CommandTemplate.Build(request.Run.Command, new Dictionary<string, string>
        {
            ["exe_path"] = exePath,
            ["exe_dir"] = workspace.SandboxCodeDir,
            ["max_memory"] = LimitMapper.MemoryPlaceholderKilobytes(request.MaxMemory).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        ToolchainCheck.EnsureInstalled(command[0], workspace.SandboxCodeDir);

        var plan = new RunPlan(
            command,
            [Compiler.SearchPath, .. request.Run.Env],
            request.MaxCpuTime,
            request.MaxMemory,
            request.Run.MemoryLimitCheckOnly,
            request.IoMode,
            request.Output,
            workspace);
        return await Task.WhenAll(testCases.Cases.Select(testCase => testCaseRunner.RunAsync(plan, testCase, cancellationToken)));
    }
}

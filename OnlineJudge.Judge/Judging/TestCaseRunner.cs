using System.Globalization;
using OnlineJudge.Judge.Protocol;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Judge.Judging;

/// <summary>What every test case of one submission shares: the command, environment, limits and folders.</summary>
public sealed record RunPlan(
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Environment,
    int MaxCpuTime,
    long MaxMemory,
    bool MemoryLimitCheckOnly,
    IoMode IoMode,
    bool ReturnOutput,
    SubmissionWorkspace Workspace);

/// <summary>Runs one test case in a fresh sandbox and checks its output (judge.md §3.2), producing the case object of §3.3.</summary>
public sealed class TestCaseRunner(SandboxRunner runner)
{
    public async Task<JsonFields> RunAsync(RunPlan plan, TestCaseEntry testCase, CancellationToken cancellationToken)
    {
        var workspace = plan.Workspace;
        var limits = LimitMapper.ForTestCase(plan.MaxCpuTime, plan.MaxMemory, plan.MemoryLimitCheckOnly, testCase.OutputSize);
        var mounts = new List<SandboxMount>
        {
            SandboxMount.ReadOnly(workspace.CodeDir, workspace.SandboxCodeDir),
            SandboxMount.Tmpfs(SubmissionWorkspace.SandboxWorkDir),
        };
        var stdout = Path.Combine(workspace.OutputDir, testCase.Id + ".out");
        var userOutput = stdout;
        if (plan.IoMode.IsFileIo)
        {
            userOutput = await PrepareFileIoAsync(plan, testCase, mounts, cancellationToken);
        }

        var spec = new SandboxSpec(plan.Command, plan.Environment, limits, SubmissionWorkspace.SandboxWorkDir, mounts, testCase.InputPath, stdout);
        var outcome = await runner.RunAsync(spec, cancellationToken);
        var result = VerdictRules.Classify(outcome, limits);

        var fields = Compiler.RawResult(outcome, result);
        string? outputMd5 = null;
        if (result == RunResult.Success)
        {
            if (!File.Exists(userOutput))
            {
                result = RunResult.WrongAnswer;
            }
            else
            {
                outputMd5 = await OutputChecker.StrippedMd5Async(userOutput, cancellationToken);
                if (!string.Equals(outputMd5, testCase.StrippedOutputMd5, StringComparison.Ordinal))
                {
                    result = RunResult.WrongAnswer;
                }
            }
        }

        fields[6] = new KeyValuePair<string, object?>("result", result);
        fields.Add("test_case", testCase.Id);
        fields.Add("output_md5", outputMd5);
        fields.Add("output", plan.ReturnOutput && File.Exists(userOutput)
            ? OutputChecker.DecodeForDisplay(await File.ReadAllBytesAsync(userOutput, cancellationToken))
            : null);
        return fields;
    }

    /// <summary>
    /// File IO: the program finds a copy of the input under the configured name in its work folder and writes the configured
    /// output file there; both are host files mounted into the tmpfs, so the output is still there after the sandbox is gone.
    /// </summary>
    private static async Task<string> PrepareFileIoAsync(RunPlan plan, TestCaseEntry testCase, List<SandboxMount> mounts, CancellationToken cancellationToken)
    {
        var folder = plan.Workspace.CreateSandboxFolder("io-" + testCase.Id.ToString(CultureInfo.InvariantCulture));
        var input = Path.Combine(folder, "input");
        var output = Path.Combine(folder, "output");
        await using (var source = File.OpenRead(testCase.InputPath))
        await using (var target = File.Create(input))
        {
            await source.CopyToAsync(target, cancellationToken);
        }

        await File.WriteAllBytesAsync(output, [], cancellationToken);
        plan.Workspace.GiveToSandbox(input);
        plan.Workspace.GiveToSandbox(output);
        mounts.Add(SandboxMount.Writable(input, $"{SubmissionWorkspace.SandboxWorkDir}/{plan.IoMode.Input}"));
        mounts.Add(SandboxMount.Writable(output, $"{SubmissionWorkspace.SandboxWorkDir}/{plan.IoMode.Output}"));
        return output;
    }
}

using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Judge.Judging;

/// <summary>
/// The folders of one <c>POST /judge</c>, removed when it ends: the code folder the compiler writes (mounted at
/// <c>/judger/run/&lt;id&gt;</c>, read-only for test cases), and a judge-only folder for outputs and compiler messages.
/// </summary>
public sealed class SubmissionWorkspace : IDisposable
{
    public const string SandboxRunRoot = "/judger/run";

    /// <summary>Where a test case runs: a private size-capped tmpfs.</summary>
    public const string SandboxWorkDir = "/judger/work";

    private readonly SandboxHost host;

    public SubmissionWorkspace(SandboxHost host)
    {
        this.host = host;
        Id = Guid.NewGuid().ToString("N");
        Root = Path.Combine(host.InstanceDir, Id);
        SandboxHost.CreateTraversable(Root);
        CodeDir = Path.Combine(Root, "code");
        host.CreateForSandbox(CodeDir);
        OutputDir = Path.Combine(Root, "out");
        SandboxHost.CreatePrivate(OutputDir);

        SandboxCodeDir = $"{SandboxRunRoot}/{Id}";
    }

    public string Id { get; }

    public string Root { get; }

    /// <summary>Host folder of sources and binaries.</summary>
    public string CodeDir { get; }

    /// <summary>The same folder as the sandbox sees it (what <c>{exe_dir}</c> names).</summary>
    public string SandboxCodeDir { get; }

    /// <summary>Outputs of the program and the compiler; never mounted in a sandbox.</summary>
    public string OutputDir { get; }

    public string SandboxPathOf(string fileName) => $"{SandboxCodeDir}/{fileName}";

    /// <summary>A folder only the judge reads (inline test cases).</summary>
    public string CreatePrivateFolder(string name)
    {
        var path = Path.Combine(Root, name);
        SandboxHost.CreatePrivate(path);
        return path;
    }

    /// <summary>A folder the sandbox user owns (File IO input and output files).</summary>
    public string CreateSandboxFolder(string name)
    {
        var path = Path.Combine(Root, name);
        host.CreateForSandbox(path);
        return path;
    }

    public void GiveToSandbox(string path) => host.GiveToSandbox(path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The instance folder is removed at stop; a leftover here is harmless.
        }
    }
}

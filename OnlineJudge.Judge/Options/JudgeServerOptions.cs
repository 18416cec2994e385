using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Judge.Options;

/// <summary>Settings of the judge server process (section <c>JudgeServer</c>; the shared token is <c>Judge:Token</c>).</summary>
public sealed class JudgeServerOptions
{
    public const string Section = "JudgeServer";

    /// <summary>Configuration key of the plain token shared with the backend (the backend's <c>judge_server_token</c>).</summary>
    public const string TokenKey = "Judge:Token";

    /// <summary>Plain shared token; only its SHA-256 travels. Read from <c>Judge:Token</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Judge:Token is required: set the token that the backend uses (site option judge_server_token).")]
    public string Token { get; set; } = "";

    /// <summary>Where Kestrel listens (semicolon-separated).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>URL the backend uses to reach this server (sent in heartbeats); default: the first of <see cref="Urls"/>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The backend's base URL or its full heartbeat URL; empty turns heartbeats off.</summary>
    public string? BackendUrl { get; set; }

    [Range(1, 60)]
    public int HeartbeatIntervalSeconds { get; set; } = 5;

    /// <summary>Name this server registers under (the backend keys judge servers by hostname).</summary>
    [StringLength(128)]
    public string? Hostname { get; set; }

    /// <summary>Root of the test-case folders; default <c>Storage:TestCaseDir</c>, else <c>&lt;Storage:DataDir&gt;/test_case</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TestCaseDir { get; set; } = "";

    /// <summary>Scratch space for submissions (sources, binaries, outputs); every sandbox user must be able to traverse it.</summary>
    [Required(AllowEmptyStrings = false)]
    public string WorkDir { get; set; } = Path.Combine(Path.GetTempPath(), "onlinejudge-judge");

    /// <summary>Sandboxes (compiles and test cases, all requests together) running at once; default the core count.</summary>
    [Range(1, 1024)]
    public int MaxParallelRuns { get; set; } = Environment.ProcessorCount;

    /// <summary>Longest compiler message returned, in characters.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxCompileErrorChars { get; set; } = 65536;

    /// <summary>When set, the server stops once this process has exited (build.ps1 passes its own id).</summary>
    public int? ExitWithProcessId { get; set; }

    public SandboxOptions Sandbox { get; set; } = new();

    public string EffectiveHostname => string.IsNullOrWhiteSpace(Hostname) ? Environment.MachineName : Hostname;

    public string EffectiveServiceUrl =>
        !string.IsNullOrWhiteSpace(ServiceUrl) ? ServiceUrl : Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
}

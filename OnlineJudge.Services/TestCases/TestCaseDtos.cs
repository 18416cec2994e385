using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OnlineJudge.Services.TestCases;

/// <summary>One test case as the <c>info</c> file stores it (data-model.md §5); the property order is the file's.</summary>
public sealed record TestCaseInfoEntry(
    [property: JsonPropertyName("input_name")] string InputName,
    [property: JsonPropertyName("input_size")] long InputSize,
    [property: JsonPropertyName("output_name")] string OutputName,
    [property: JsonPropertyName("output_size")] long OutputSize,
    [property: JsonPropertyName("stripped_output_md5")] string StrippedOutputMd5);

/// <summary>One test case in the upload answer (problem.md §2.13).</summary>
public sealed record TestCaseUploadItem(string InputName, string OutputName, long InputSize, long OutputSize, string StrippedOutputMd5);

/// <summary>Data of POST /api/admin/test_case.</summary>
public sealed record TestCaseUploadResult(string Id, IReadOnlyList<TestCaseUploadItem> Info);

/// <summary>A SQL test-case script (GET /api/admin/sql_test_case_scripts).</summary>
public sealed record SqlScriptDto(string Name, string Content);

/// <summary>An orphan test-case directory (GET /api/admin/prune_test_case).</summary>
public sealed record OrphanTestCaseDto(string Id, double CreateTime);

/// <summary>The parsed <c>info</c> file: whether it is a SQL test-case set, and its cases in natural order.</summary>
public sealed record TestCaseInfo(bool Sql, IReadOnlyList<TestCaseInfoEntry> Cases);

/// <summary>
/// Limits of a test-case upload, section <c>TestCases</c> of the configuration. Sizes are counted while decompressing,
/// never taken from the zip headers.
/// </summary>
public sealed class TestCaseLimits
{
    public const string Section = "TestCases";

    /// <summary>Largest number of entries the archive may list.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "TestCases:MaxEntries must be positive")]
    public int MaxEntries { get; set; } = 10000;

    /// <summary>Largest number of test cases taken from one archive.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "TestCases:MaxTestCases must be positive")]
    public int MaxTestCases { get; set; } = 1000;

    /// <summary>Largest uncompressed size of one file, in bytes.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "TestCases:MaxFileBytes must be positive")]
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest uncompressed size of all files together, in bytes.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "TestCases:MaxTotalBytes must be positive")]
    public long MaxTotalBytes { get; set; } = 1024L * 1024 * 1024;
}

/// <summary>Query of <c>GET /api/admin/test_case</c> and <c>GET /api/admin/sql_test_case_scripts</c>.</summary>
public sealed class TestCaseProblemQuery
{
    [Validation.QueryInteger(Missing = "Parameter error, problem_id is required")] public int ProblemId { get; set; }
}

/// <summary>Query of <c>DELETE /api/admin/prune_test_case</c>: one test-case directory, or every orphan without an id.</summary>
public sealed class PruneTestCaseQuery
{
    [Validation.QueryText] public string? Id { get; set; }
}

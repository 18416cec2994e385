using System.Text.Json;

namespace OnlineJudge.Data.Problems;

/// <summary>
/// The stored fields of a problem as an admin saves them (problem.md §2.1), applied to the row by
/// <see cref="ProblemAdminRepository"/>: rich text already sanitised, SQL data already prepared by the service.
/// <see cref="MermaidCode"/> and <see cref="FlowchartHint"/> are written only when sent (null: keep the stored value).
/// </summary>
public sealed record ProblemWriteDto
{
    public required string DisplayId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string InputDescription { get; init; }
    public required string OutputDescription { get; init; }
    public required List<ProblemSample> Samples { get; init; }
    public required string TestCaseId { get; init; }
    public required List<TestCaseScoreEntry> TestCaseScore { get; init; }
    public required int TimeLimit { get; init; }
    public required int MemoryLimit { get; init; }
    public required List<string> Languages { get; init; }
    public required Dictionary<string, string> Template { get; init; }
    public required bool Visible { get; init; }
    public required string Difficulty { get; init; }
    public string? Hint { get; init; }
    public string? Source { get; init; }
    public string? Prompt { get; init; }
    public List<ProblemAnswer>? Answers { get; init; }
    public bool ShareSubmission { get; init; }
    public bool AllowFlowchart { get; init; }
    public bool ShowFlowchart { get; init; }
    public Sent<string?>? MermaidCode { get; init; }
    public Sent<string?>? FlowchartHint { get; init; }
    public JsonElement? AstRules { get; init; }
    public ProblemSqlConfig? SqlConfig { get; init; }
    public JsonElement? SqlDisplay { get; init; }
}

/// <summary>A value the client sent, possibly null, told apart from one it did not send.</summary>
public readonly record struct Sent<T>(T Value);

/// <summary>Where a copied problem goes (make public: the bank, hidden; add from public: a contest, visible).</summary>
public sealed record ProblemCopyDto(int? ContestId, bool IsPublic, bool Visible, string DisplayId);

using System.Text.Json;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>
/// Body of <c>POST /api/flowchart/submission</c> (flowchart.md §1.1). Taken as sent: the reference answers its own
/// validation errors as a field → messages map (<see cref="FlowchartSubmitValidator"/>), not as <c>invalid-&lt;field&gt;</c>.
/// </summary>
public sealed class FlowchartSubmitRequest
{
    [JsonField(Required = false, AllowNull = true)]
    public JsonElement? ProblemId { get; set; }

    [JsonField(Required = false, AllowNull = true)]
    public JsonElement? MermaidCode { get; set; }

    [JsonField(Required = false, AllowNull = true)]
    public JsonElement? FlowchartData { get; set; }
}

/// <summary><c>GET /api/flowchart/submission?id=</c> and the body of the retry (<c>submission_id</c>).</summary>
public sealed class FlowchartIdQuery
{
    [QueryText]
    public string? Id { get; set; }
}

public sealed class FlowchartRetryRequest
{
    [QueryText]
    public string? SubmissionId { get; set; }
}

/// <summary>Query of <c>GET /api/flowchart/submissions</c> (flowchart.md §1.3).</summary>
public sealed class FlowchartListQuery
{
    [QueryPage]
    public PageRequest Page { get; set; }

    /// <summary>A display id.</summary>
    [QueryText]
    public string? ProblemId { get; set; }

    [QueryFlag(TrueValue = "1")]
    public bool Myself { get; set; }

    [QueryText]
    public string? Username { get; set; }

    [QueryFlag(TrueValue = "1")]
    public bool Today { get; set; }

    [QueryText]
    public string? Grade { get; set; }
}

/// <summary>Query of <c>GET /api/flowchart/submission/detail</c> (flowchart.md §1.5).</summary>
public sealed class FlowchartAttemptQuery
{
    [QueryInteger(Missing = "problem_id is required", Invalid = "problem_id must be an integer")]
    public int ProblemId { get; set; }

    [QueryInteger(Invalid = "page must be an integer")]
    public int Page { get; set; }
}

/// <summary>Query of <c>GET /api/flowchart/submission/current</c> (flowchart.md §1.6).</summary>
public sealed class FlowchartCurrentQuery
{
    [QueryInteger(Missing = "problem_id is required", Invalid = "problem_id must be an integer")]
    public int ProblemId { get; set; }
}

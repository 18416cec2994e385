using System.Text.Json;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Ai;

/// <summary>Query of <c>GET /api/ai/detail</c> (ai.md §1.1).</summary>
public sealed class AiDetailQuery
{
    [QueryText]
    public string? Start { get; set; }

    [QueryText]
    public string? End { get; set; }

    [QueryText]
    public string? Username { get; set; }
}

/// <summary>Query of <c>GET /api/ai/duration</c> (ai.md §1.2).</summary>
public sealed class AiDurationQuery
{
    [QueryText]
    public string? End { get; set; }

    [QueryText]
    public string? Duration { get; set; }

    [QueryText]
    public string? Username { get; set; }
}

/// <summary>Query of <c>GET /api/ai/heatmap</c> (ai.md §1.3).</summary>
public sealed class AiHeatmapQuery
{
    [QueryText]
    public string? Username { get; set; }
}

/// <summary>Query of <c>GET /api/ai/login_summary</c> (ai.md §1.4): <c>start</c> is a fallback of the session's previous login.</summary>
public sealed class AiLoginSummaryQuery
{
    [QueryText]
    public string? Start { get; set; }
}

/// <summary>Body of <c>POST /api/ai/analysis</c> (ai.md §2.1): the page's data, not validated.</summary>
public sealed class AiAnalysisRequest
{
    [JsonField(Required = false, AllowNull = true)]
    public JsonElement? Details { get; set; }

    [JsonField(Required = false, AllowNull = true)]
    public JsonElement? Duration { get; set; }
}

/// <summary>Body of <c>POST /api/ai/hint</c> (ai.md §2.2).</summary>
public sealed class AiHintRequest
{
    [QueryText]
    public string? SubmissionId { get; set; }
}

/// <summary>Body of <c>POST /api/ai/class_pk</c> (ai.md §2.3).</summary>
public sealed class AiClassPkRequest
{
    [JsonField(Required = false, AllowNull = true)]
    public JsonElement? Comparisons { get; set; }

    [JsonField(Required = false, AllowNull = true)]
    public JsonElement? TimeRangeLabel { get; set; }
}

/// <summary>Body of <c>POST /api/ai/class_single</c> (ai.md §2.4).</summary>
public sealed class AiClassSingleRequest
{
    [JsonField(Required = false, AllowNull = true)]
    public JsonElement? Comparison { get; set; }
}

/// <summary>Query of <c>GET /api/admin/ai/reports</c> (ai.md §3.1).</summary>
public sealed class AiReportsQuery
{
    [QueryInteger]
    public long? Id { get; set; }

    [QueryText]
    public string? Username { get; set; }

    [QueryFlag(TrueValue = "true")]
    public bool PinnedOnly { get; set; }

    [QueryPage]
    public PageRequest Page { get; set; }
}

/// <summary>Body of <c>POST /api/admin/ai/reports</c> (ai.md §3.2).</summary>
public sealed class AiPinRequest
{
    [QueryInteger(Missing = "AIAnalysis not found")]
    public long Id { get; set; }
}

using System.Text.Json;

namespace OnlineJudge.Data.Flowcharts;

/// <summary><c>FlowchartSubmission</c> of flowchart.md §0.3 (detail).</summary>
public sealed record FlowchartSubmissionDto(
    string Id,
    string Username,
    int Problem,
    string MermaidCode,
    JsonElement FlowchartData,
    int Status,
    DateTime CreateTime,
    double? AiScore,
    string? AiGrade,
    string? AiFeedback,
    string? AiSuggestions,
    JsonElement AiCriteriaDetails,
    string AiProvider,
    string AiModel,
    double? ProcessingTime,
    DateTime? EvaluationTime);

/// <summary>A detail with what the read permission needs (flowchart.md §0.2).</summary>
public sealed record FlowchartDetailRow(int UserId, int ProblemCreatedById, int Status, FlowchartSubmissionDto Submission);

/// <summary><c>FlowchartSubmissionListItem</c> of flowchart.md §0.3; <c>problem</c> is the display id.</summary>
public sealed record FlowchartSubmissionListItemDto(
    string Id,
    string Username,
    string ProblemTitle,
    string Problem,
    int Status,
    DateTime CreateTime,
    double? AiScore,
    string? AiGrade,
    string AiProvider,
    string AiModel,
    double? ProcessingTime,
    DateTime? EvaluationTime);

/// <summary>Filters of the list (flowchart.md §1.3): all optional, combined with AND.</summary>
public sealed record FlowchartListFilter(int? ProblemId, int? UserId, string? Username, DateTime? CreatedSince, string? Grade);

public sealed record FlowchartProblemDto(int Id, bool AllowFlowchart);

/// <summary>Everything a grading run reads (flowchart.md §3.2): the chart and the problem's reference chart and hint.</summary>
public sealed record FlowchartGradingJobDto(string Id, int UserId, string MermaidCode, string? ProblemMermaidCode, string? FlowchartHint);

/// <summary>A successful grade to store (flowchart.md §3.4 step 3).</summary>
public sealed record FlowchartGradeDto(
    double Score,
    string Grade,
    string Feedback,
    string Suggestions,
    JsonElement CriteriaDetails,
    string Provider,
    string Model,
    double ProcessingTime,
    DateTime EvaluationTime);

/// <summary>The caller's latest completed grade on a problem and how many there are (flowchart.md §1.6).</summary>
public sealed record FlowchartCurrentRow(int Count, double? Score, string? Grade);

/// <summary>A completed submission as the admin statistics read it (flowchart.md §2.1).</summary>
public sealed record FlowchartStatisticsRow(int UserId, string Username, double? AiScore, string? AiGrade, JsonElement AiCriteriaDetails, string? AiSuggestions);

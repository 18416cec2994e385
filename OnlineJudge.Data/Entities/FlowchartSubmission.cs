using System.Text.Json;

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>flowchart_submission</c> (data-model.md §2.9).</summary>
public class FlowchartSubmission
{
    public const string DefaultAiProvider = "deepseek";
    public const string DefaultAiModel = "deepseek-v4-flash";

    /// <summary>32 lowercase hex characters, same generator as <see cref="Submission.Id"/>.</summary>
    public string Id { get; set; } = "";

    public int UserId { get; set; }
    public int ProblemId { get; set; }
    public string MermaidCode { get; set; } = "";
    public JsonElement FlowchartData { get; set; } = JsonDefaults.EmptyObject;

    /// <summary><see cref="FlowchartSubmissionStatus"/>.</summary>
    public int Status { get; set; } = FlowchartSubmissionStatus.Pending;

    public DateTime CreateTime { get; set; }
    public double? AiScore { get; set; }
    public string? AiGrade { get; set; }
    public string? AiFeedback { get; set; }
    public string? AiSuggestions { get; set; }

    /// <summary>Criterion name → <c>{score, max, comment}</c> as the model returned it (data-model.md §3.5).</summary>
    public JsonElement AiCriteriaDetails { get; set; } = JsonDefaults.EmptyObject;

    public string AiProvider { get; set; } = DefaultAiProvider;
    public string AiModel { get; set; } = DefaultAiModel;

    /// <summary>Seconds.</summary>
    public double? ProcessingTime { get; set; }

    public DateTime? EvaluationTime { get; set; }

    public User? User { get; set; }
    public Problem? Problem { get; set; }
}

/// <summary>Values of <c>flowchart_submission.status</c> (data-model.md §1.7).</summary>
public static class FlowchartSubmissionStatus
{
    public const int Pending = 0;
    public const int Processing = 1;
    public const int Completed = 2;
    public const int Failed = 3;
}

/// <summary>Values of <c>flowchart_submission.ai_grade</c> (data-model.md §1.8).</summary>
public static class FlowchartGrade
{
    public const string S = "S";
    public const string A = "A";
    public const string B = "B";
    public const string C = "C";
}

using System.Text.Json;

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>ai_analysis</c> (ai.md): a stored personal learning analysis.</summary>
public class AiAnalysis
{
    public const string DefaultProvider = "deepseek";
    public const string DefaultModel = "deepseek-v4-flash";
    public const string StoredUserPrompt = "这段时间内的详细数据，每周或每月的数据。";

    public long Id { get; set; }
    public string Provider { get; set; } = DefaultProvider;
    public AiAnalysisData Data { get; set; } = new();
    public string SystemPrompt { get; set; } = "";
    public string UserPrompt { get; set; } = StoredUserPrompt;
    public string Analysis { get; set; } = "";
    public DateTime CreateTime { get; set; }
    public int UserId { get; set; }
    public string Model { get; set; } = DefaultModel;
    public bool IsPinned { get; set; }

    public User? User { get; set; }
}

/// <summary>Shape of <c>ai_analysis.data</c>: the request body of <c>POST /api/ai/analysis</c> as received; both keys always written.</summary>
public class AiAnalysisData
{
    public JsonElement? Details { get; set; }
    public JsonElement? Duration { get; set; }
}

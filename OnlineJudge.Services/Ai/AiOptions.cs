using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Ai;

/// <summary>
/// The OpenAI-compatible provider of the AI helpers (section <c>Ai</c>; flowchart.md §3.1). Without an API key (here or in
/// the environment variable <c>AI_KEY</c>) the helpers answer <c>缺少 AI_KEY</c>.
/// </summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    [Required(ErrorMessage = "Ai:BaseUrl is required")]
    [Url(ErrorMessage = "Ai:BaseUrl must be an http or https URL")]
    public string BaseUrl { get; set; } = "https://api.deepseek.com";

    public string? ApiKey { get; set; }

    [Required(ErrorMessage = "Ai:Model is required")]
    public string Model { get; set; } = "deepseek-v4-flash";

    [Range(1, 3600, ErrorMessage = "Ai:TimeoutSeconds must be between 1 and 3600")]
    public int TimeoutSeconds { get; set; } = 120;
}

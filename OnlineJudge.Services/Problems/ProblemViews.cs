using System.Text.Json;
using System.Text.Json.Serialization;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Languages;

namespace OnlineJudge.Services.Problems;

/// <summary>
/// <c>ProblemListItem</c> (problem.md §0.4). <see cref="MyStatus"/> is left out for anonymous callers (null) and written as
/// a JSON null or number for logged-in ones.
/// </summary>
public sealed record ProblemListItemDto(
    int Id, [property: JsonPropertyName("_id")] string DisplayId, string Title, long SubmissionNumber, long AcceptedNumber,
    string Difficulty, UserRefDto CreatedBy, List<string> Tags, int? Contest, bool AllowFlowchart, bool ShowFlowchart, bool HasAstRules)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? MyStatus { get; init; }
}

/// <summary>
/// <c>ProblemDetail</c> (problem.md §0.4). <c>ProblemSafe</c> is not served: contest problems show their statistics to
/// every participant (docs/decisions.md).
/// </summary>
public sealed record ProblemDetailDto
{
    public int Id { get; init; }

    [JsonPropertyName("_id")]
    public string DisplayId { get; init; } = "";

    public int? Contest { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string InputDescription { get; init; } = "";
    public string OutputDescription { get; init; } = "";
    public List<ProblemSample> Samples { get; init; } = [];
    public string? Hint { get; init; }
    public List<string> Languages { get; init; } = [];
    public Dictionary<string, string> Template { get; init; } = [];
    public DateTime CreateTime { get; init; }
    public DateTime? LastUpdateTime { get; init; }
    public UserRefDto CreatedBy { get; init; } = new(0, "");
    public int TimeLimit { get; init; }
    public int MemoryLimit { get; init; }

    public string Difficulty { get; init; } = "";

    public string? Source { get; init; }
    public string? Prompt { get; init; }

    public long SubmissionNumber { get; init; }

    public long AcceptedNumber { get; init; }

    public Dictionary<string, int> StatisticInfo { get; init; } = [];

    public bool ShareSubmission { get; init; }
    public bool AllowFlowchart { get; init; }
    public string? MermaidCode { get; init; }
    public JsonElement? FlowchartData { get; init; }
    public string? FlowchartHint { get; init; }
    public bool ShowFlowchart { get; init; }
    public JsonElement? AstRules { get; init; }
    public bool HasAstRules { get; init; }
    public ProblemSqlConfig? SqlConfig { get; init; }
    public JsonElement? SqlDisplay { get; init; }
    public List<string> Tags { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? MyStatus { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MyFailedCount { get; init; }

    /// <summary>The student view of a problem.</summary>
    public static ProblemDetailDto From(ProblemFullRow p) => new()
    {
        Id = p.Id, DisplayId = p.DisplayId, Contest = p.ContestId, Title = p.Title, Description = p.Description,
        InputDescription = p.InputDescription, OutputDescription = p.OutputDescription, Samples = p.Samples, Hint = p.Hint,
        Languages = p.Languages,
        Template = p.Template.ToDictionary(t => t.Key, t => ProblemTemplate.StudentPart(t.Value), StringComparer.Ordinal),
        CreateTime = p.CreateTime, LastUpdateTime = p.LastUpdateTime, CreatedBy = p.CreatedBy, TimeLimit = p.TimeLimit,
        MemoryLimit = p.MemoryLimit, Difficulty = p.Difficulty, Source = p.Source, Prompt = p.Prompt,
        SubmissionNumber = p.SubmissionNumber, AcceptedNumber = p.AcceptedNumber,
        StatisticInfo = p.StatisticInfo, ShareSubmission = p.ShareSubmission, AllowFlowchart = p.AllowFlowchart,
        MermaidCode = p.AllowFlowchart ? null : p.MermaidCode,
        FlowchartData = p.AllowFlowchart ? JsonDefaults.Null : p.FlowchartData,
        FlowchartHint = p.FlowchartHint, ShowFlowchart = p.ShowFlowchart, AstRules = p.AstRules,
        HasAstRules = ProblemViews.HasAstRules(p.AstRules), SqlConfig = p.SqlConfig, SqlDisplay = p.SqlDisplay, Tags = p.Tags,
    };
}

/// <summary><c>ProblemAdmin</c> (problem.md §0.4): every column as stored.</summary>
public sealed record ProblemAdminDto(
    int Id, [property: JsonPropertyName("_id")] string DisplayId, int? Contest, bool IsPublic, string Title, string Description,
    string InputDescription, string OutputDescription, List<ProblemSample> Samples, string TestCaseId,
    List<TestCaseScoreEntry> TestCaseScore, string? Hint, List<string> Languages, Dictionary<string, string> Template,
    DateTime CreateTime, DateTime? LastUpdateTime, UserRefDto CreatedBy, int TimeLimit, int MemoryLimit, bool Visible,
    string Difficulty, string? Source, string? Prompt, List<ProblemAnswer>? Answers, long SubmissionNumber, long AcceptedNumber,
    Dictionary<string, int> StatisticInfo, bool ShareSubmission, bool AllowFlowchart, string? MermaidCode, JsonElement FlowchartData,
    string? FlowchartHint, bool ShowFlowchart, JsonElement? AstRules, bool HasAstRules, ProblemSqlConfig? SqlConfig,
    JsonElement? SqlDisplay, List<string> Tags)
{
    public static ProblemAdminDto From(ProblemFullRow p) => new(
        p.Id, p.DisplayId, p.ContestId, p.IsPublic, p.Title, p.Description, p.InputDescription, p.OutputDescription, p.Samples,
        p.TestCaseId, p.TestCaseScore, p.Hint, p.Languages, p.Template, p.CreateTime, p.LastUpdateTime, p.CreatedBy, p.TimeLimit,
        p.MemoryLimit, p.Visible, p.Difficulty, p.Source, p.Prompt, p.Answers, p.SubmissionNumber, p.AcceptedNumber, p.StatisticInfo,
        p.ShareSubmission, p.AllowFlowchart, p.MermaidCode, p.FlowchartData, p.FlowchartHint, p.ShowFlowchart, p.AstRules,
        ProblemViews.HasAstRules(p.AstRules), p.SqlConfig, p.SqlDisplay, p.Tags);
}

/// <summary>The most frequent reaction of a problem (problem.md §2.2).</summary>
public sealed record TopReactionDto(string Type, int Count);

/// <summary><c>ProblemAdminListItem</c>; <see cref="TopReaction"/> only in the public-bank list.</summary>
public sealed record ProblemAdminListItemDto(
    [property: JsonPropertyName("_id")] string DisplayId, int Id, string Title, UserRefDto CreatedBy, bool Visible, DateTime CreateTime,
    string Difficulty, List<string> Tags, bool HasAstRules, bool AllowFlowchart, bool ShowFlowchart)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? TopReaction { get; init; }

    public static ProblemAdminListItemDto From(ProblemAdminListRow r) => new(
        r.DisplayId, r.Id, r.Title, r.CreatedBy, r.Visible, r.CreateTime, r.Difficulty, r.Tags, ProblemViews.HasAstRules(r.AstRules),
        r.AllowFlowchart, r.ShowFlowchart);
}

public static class ProblemViews
{
    /// <summary>Python truthiness of <c>ast_rules</c>: null, <c>{}</c>, <c>[]</c>, <c>""</c>, <c>0</c> and <c>false</c> are empty.</summary>
    public static bool HasAstRules(JsonElement? rules) => rules is { } value && value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().Any(),
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.True => true,
        _ => false,
    };

    public static ProblemListItemDto ToListItem(ProblemListRow r) => new(
        r.Id, r.DisplayId, r.Title, r.SubmissionNumber, r.AcceptedNumber, r.Difficulty, r.CreatedBy, r.Tags, r.Contest,
        r.AllowFlowchart, r.ShowFlowchart, HasAstRules(r.AstRules));

    /// <summary><c>my_status</c> of a logged-in caller: the stored status or a JSON null.</summary>
    public static JsonElement StatusOf(Dictionary<string, ProblemStatusEntry>? statuses, int problemId) =>
        statuses is not null && statuses.TryGetValue(problemId.ToString(System.Globalization.CultureInfo.InvariantCulture), out var entry)
            ? JsonSerializer.SerializeToElement(entry.Status)
            : JsonDefaults.Null;
}

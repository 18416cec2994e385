using System.Text.Json;

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>problem</c> (data-model.md §2.1).</summary>
public class Problem
{
    public int Id { get; set; }
    public string DisplayId { get; set; } = "";
    public int? ContestId { get; set; }
    public bool IsPublic { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string InputDescription { get; set; } = "";
    public string OutputDescription { get; set; } = "";
    public List<ProblemSample> Samples { get; set; } = [];
    public string TestCaseId { get; set; } = "";
    public List<TestCaseScoreEntry> TestCaseScore { get; set; } = [];
    public string? Hint { get; set; }
    public List<string> Languages { get; set; } = [];
    public Dictionary<string, string> Template { get; set; } = [];
    public DateTime CreateTime { get; set; }
    public DateTime? LastUpdateTime { get; set; }
    public int CreatedById { get; set; }
    public int TimeLimit { get; set; }
    public int MemoryLimit { get; set; }
    public bool Visible { get; set; } = true;
    public string Difficulty { get; set; } = "";
    public string? Source { get; set; }
    public string? Prompt { get; set; }
    public List<ProblemAnswer>? Answers { get; set; }
    public long SubmissionNumber { get; set; }
    public long AcceptedNumber { get; set; }

    /// <summary>Result code as a string → count.</summary>
    public Dictionary<string, int> StatisticInfo { get; set; } = [];

    public bool ShareSubmission { get; set; }
    public bool AllowFlowchart { get; set; }
    public string? MermaidCode { get; set; }
    public JsonElement FlowchartData { get; set; } = JsonDefaults.EmptyObject;
    public string? FlowchartHint { get; set; }
    public bool ShowFlowchart { get; set; }

    /// <summary>Language name → list of rules (judge.md §5); the admin API accepts any JSON here.</summary>
    public JsonElement? AstRules { get; set; }

    public ProblemSqlConfig? SqlConfig { get; set; }

    /// <summary>Generated on save (data-model.md §3.4).</summary>
    public JsonElement? SqlDisplay { get; set; }

    public Contest? Contest { get; set; }
    public User? CreatedBy { get; set; }
    public List<ProblemTag> Tags { get; set; } = [];
}

public class ProblemSample
{
    public string Input { get; set; } = "";
    public string Output { get; set; } = "";
}

public class TestCaseScoreEntry
{
    public string InputName { get; set; } = "";
    public string OutputName { get; set; } = "";
    public int Score { get; set; }
}

public class ProblemAnswer
{
    public string Language { get; set; } = "";
    public string Code { get; set; } = "";
}

/// <summary>Shape of <c>problem.sql_config</c>.</summary>
public class ProblemSqlConfig
{
    /// <summary><see cref="SqlProblemMode"/>.</summary>
    public string Mode { get; set; } = SqlProblemMode.Query;
    public bool OrderSensitive { get; set; }
}

public static class SqlProblemMode
{
    public const string Query = "query";
    public const string Modify = "modify";
}

/// <summary>Values of <c>problem.difficulty</c> (data-model.md §1.2).</summary>
public static class Difficulty
{
    public const string Low = "Low";
    public const string Mid = "Mid";
    public const string High = "High";
}

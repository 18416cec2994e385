using System.Text.Json;
using System.Text.RegularExpressions;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Problems;

/// <summary>The validated problem body of problem.md §2.1 (create and edit, public and contest).</summary>
public partial class ProblemRequest
{
    /// <summary>Default of the optional fields without a default: tells "omitted" from an explicit null.</summary>
    public const string NotSent = "\u0000not-sent";

    [StringField(Name = "_id", MaxLength = 32, AllowNull = true, AllowBlank = true)]
    public string? DisplayId { get; set; }

    [StringField(MaxLength = 1024)]
    public string Title { get; set; } = "";

    [StringField]
    public string Description { get; set; } = "";

    [StringField(AllowBlank = true)]
    public string InputDescription { get; set; } = "";

    [StringField(AllowBlank = true)]
    public string OutputDescription { get; set; } = "";

    [ListField]
    public List<SampleRequest> Samples { get; set; } = [];

    [StringField(MaxLength = 32, Check = nameof(CheckTestCaseId))]
    public string TestCaseId { get; set; } = "";

    [ListField]
    public List<TestCaseScoreRequest> TestCaseScore { get; set; } = [];

    [IntegerField(Min = 1, Max = 60000)]
    public int TimeLimit { get; set; }

    [IntegerField(Min = 1, Max = 1024)]
    public int MemoryLimit { get; set; }

    [ListField, StringField]
    public List<string> Languages { get; set; } = [];

    [DictField, StringField]
    public Dictionary<string, string> Template { get; set; } = [];

    [BooleanField]
    public bool Visible { get; set; }

    [ChoiceField(["Low", "Mid", "High"])]
    public string Difficulty { get; set; } = "";

    [ListField(AllowEmpty = false), StringField(MaxLength = 32)]
    public List<string> Tags { get; set; } = [];

    [StringField(AllowNull = true, AllowBlank = true)]
    public string? Hint { get; set; }

    [StringField(MaxLength = 256, AllowNull = true, AllowBlank = true)]
    public string? Source { get; set; }

    [StringField(AllowNull = true, AllowBlank = true)]
    public string? Prompt { get; set; }

    [ListField(AllowNull = true)]
    public List<AnswerRequest>? Answers { get; set; }

    [BooleanField]
    public bool ShareSubmission { get; set; }

    [BooleanField(Required = false)]
    public bool AllowFlowchart { get; set; }

    [BooleanField(Required = false)]
    public bool ShowFlowchart { get; set; }

    [StringField(Required = false, AllowNull = true, AllowBlank = true, Trim = false)]
    public string? MermaidCode { get; set; } = NotSent;

    [StringField(Required = false, AllowNull = true, AllowBlank = true)]
    public string? FlowchartHint { get; set; } = NotSent;

    [JsonField(Required = false, AllowNull = true)]
    public JsonElement AstRules { get; set; }

    [NestedField(Required = false, AllowNull = true)]
    public SqlConfigRequest? SqlConfig { get; set; }

    [GeneratedRegex("^[a-zA-Z0-9]+$")]
    private static partial Regex TestCaseIdRegex();

    public string? CheckTestCaseId() => TestCaseIdRegex().IsMatch(TestCaseId) ? null : "This value does not match the required pattern.";
}

public sealed class SampleRequest
{
    [StringField(Trim = false)]
    public string Input { get; set; } = "";

    [StringField(Trim = false)]
    public string Output { get; set; } = "";
}

public sealed class TestCaseScoreRequest
{
    [StringField(MaxLength = 32)]
    public string InputName { get; set; } = "";

    [StringField(MaxLength = 32)]
    public string OutputName { get; set; } = "";

    [IntegerField(Min = 0)]
    public int Score { get; set; }
}

public sealed class AnswerRequest
{
    [StringField]
    public string Language { get; set; } = "";

    [StringField(Trim = false)]
    public string Code { get; set; } = "";
}

public sealed class SqlConfigRequest
{
    [ChoiceField(["query", "modify"])]
    public string Mode { get; set; } = "query";

    [BooleanField(Required = false)]
    public bool OrderSensitive { get; set; }
}

public sealed class EditProblemRequest : ProblemRequest
{
    [IntegerField]
    public int Id { get; set; }
}

public class ContestProblemRequest : ProblemRequest
{
    [IntegerField]
    public int ContestId { get; set; }
}

public sealed class EditContestProblemRequest : ContestProblemRequest
{
    [IntegerField]
    public int Id { get; set; }
}

public sealed class ProblemIdRequest
{
    [IntegerField]
    public int Id { get; set; }
}

public sealed class RenameTagRequest
{
    [IntegerField]
    public int Id { get; set; }

    [StringField(MaxLength = 32)]
    public string Name { get; set; } = "";
}

public sealed class BatchTagRequest
{
    [ListField(AllowEmpty = false), IntegerField]
    public List<int> ProblemIds { get; set; } = [];

    [ListField(AllowEmpty = false), StringField(MaxLength = 32)]
    public List<string> TagNames { get; set; } = [];

    [ChoiceField(["add", "remove"])]
    public string Action { get; set; } = "";
}

public sealed class MakePublicRequest
{
    [IntegerField]
    public int Id { get; set; }

    [StringField(MaxLength = 32)]
    public string DisplayId { get; set; } = "";
}

public sealed class AddFromPublicRequest
{
    [IntegerField]
    public int ContestId { get; set; }

    [IntegerField]
    public int ProblemId { get; set; }

    [StringField]
    public string DisplayId { get; set; } = "";
}

using OnlineJudge.Data.Entities;
using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>Body of <c>POST /api/problemset/progress</c>: join a set (problemset.md §1.4).</summary>
public sealed class JoinProblemSetRequest
{
    [IntegerField]
    public long ProblemsetId { get; set; }
}

/// <summary>Body of <c>PUT /api/problemset/progress</c>: report an accepted submission (§1.5).</summary>
public sealed class ReportProgressRequest
{
    [IntegerField]
    public long ProblemsetId { get; set; }

    [IntegerField]
    public int ProblemId { get; set; }

    [StringField]
    public string SubmissionId { get; set; } = "";
}

/// <summary>Body of <c>POST /api/admin/problemset</c> (§2.2); extra fields (the client's <c>visible</c>) are ignored.</summary>
public sealed class CreateProblemSetRequest
{
    [StringField(MaxLength = 200)]
    public string Title { get; set; } = "";

    [StringField]
    public string Description { get; set; } = "";

    [ChoiceField(["Easy", "Medium", "Hard"], Required = false)]
    public string Difficulty { get; set; } = ProblemSetDifficulty.Easy;

    [ChoiceField(["draft", "active", "archived"], Required = false)]
    public string Status { get; set; } = ProblemSetStatus.Active;

    /// <summary><c>null</c> is taken as "no deadline" (the client's create form sends it; docs/decisions.md).</summary>
    [DateTimeField(Required = false, AllowNull = true)]
    public DateTime? EndTime { get; set; }

    public ProblemSetWriteDto ToWriteDto() =>
        new(Title, RichTextSanitizer.Sanitize(Description), Difficulty, Status, true, EndTime is not null, EndTime);
}

/// <summary>Body of <c>PUT /api/admin/problemset</c> (§2.3): the id, then only the fields to change.</summary>
public sealed class EditProblemSetRequest
{
    private DateTime? endTime;

    [IntegerField]
    public long Id { get; set; }

    [StringField(MaxLength = 200, Required = false)]
    public string? Title { get; set; }

    [StringField(Required = false)]
    public string? Description { get; set; }

    [ChoiceField(["Easy", "Medium", "Hard"], Required = false)]
    public string? Difficulty { get; set; }

    [ChoiceField(["draft", "active", "archived"], Required = false)]
    public string? Status { get; set; }

    [BooleanField(Required = false)]
    public bool? Visible { get; set; }

    /// <summary>Absent: unchanged; <c>null</c>: the deadline is cleared.</summary>
    [DateTimeField(Required = false, AllowNull = true)]
    public DateTime? EndTime
    {
        get => endTime;
        set
        {
            endTime = value;
            EndTimeGiven = true;
        }
    }

    public bool EndTimeGiven { get; private set; }

    public ProblemSetWriteDto ToWriteDto() =>
        new(Title, Description is null ? null : RichTextSanitizer.Sanitize(Description), Difficulty, Status, Visible, EndTimeGiven, EndTime);
}

/// <summary>Body of <c>PUT /api/admin/problemset/visible</c> (§2.6).</summary>
public sealed class ProblemSetIdRequest
{
    [IntegerField]
    public long Id { get; set; }
}

/// <summary>Body of <c>PUT /api/admin/problemset/status</c> (§2.7).</summary>
public sealed class ProblemSetStatusRequest
{
    [IntegerField]
    public long Id { get; set; }

    [ChoiceField(["draft", "active", "archived"])]
    public string Status { get; set; } = "";
}

/// <summary>Body of <c>POST /api/admin/problemset/{id}/problems</c> (§2.9): <c>problem_id</c> is the display id.</summary>
public sealed class AddSetProblemRequest
{
    [StringField]
    public string ProblemId { get; set; } = "";

    [IntegerField(Required = false)]
    public int Order { get; set; }

    [BooleanField(Required = false)]
    public bool IsRequired { get; set; } = true;

    [IntegerField(Required = false)]
    public int Score { get; set; }

    [StringField(Required = false, AllowBlank = true)]
    public string Hint { get; set; } = "";

    public SetProblemWriteDto ToWriteDto() => new(Order, IsRequired, Score, Hint);
}

/// <summary>Body of <c>PUT /api/admin/problemset/{id}/problems/{psp_id}</c> (§2.10): only the given fields change.</summary>
public sealed class EditSetProblemRequest
{
    [IntegerField(Required = false)]
    public int? Order { get; set; }

    [BooleanField(Required = false)]
    public bool? IsRequired { get; set; }

    [IntegerField(Required = false)]
    public int? Score { get; set; }

    [StringField(Required = false, AllowBlank = true)]
    public string? Hint { get; set; }

    public SetProblemWriteDto ToWriteDto() => new(Order, IsRequired, Score, Hint);
}

/// <summary>Body of <c>POST /api/admin/problemset/{id}/badges</c> (§2.13); the client's <c>level</c> is ignored.</summary>
public sealed class CreateBadgeRequest
{
    [StringField(MaxLength = 100)]
    public string Name { get; set; } = "";

    [StringField]
    public string Description { get; set; } = "";

    [StringField]
    public string Icon { get; set; } = "";

    [ChoiceField(["all_problems", "problem_count", "score"])]
    public string ConditionType { get; set; } = "";

    [IntegerField(Required = false)]
    public int ConditionValue { get; set; }

    public BadgeWriteDto ToWriteDto() => new(Name, Description, Icon, ConditionType, ConditionValue);
}

/// <summary>Body of <c>PUT /api/admin/problemset/{id}/badges/{badge_id}</c> (§2.14): only the given fields change.</summary>
public sealed class EditBadgeRequest
{
    [StringField(MaxLength = 100, Required = false)]
    public string? Name { get; set; }

    [StringField(Required = false)]
    public string? Description { get; set; }

    [StringField(Required = false)]
    public string? Icon { get; set; }

    [ChoiceField(["all_problems", "problem_count", "score"], Required = false)]
    public string? ConditionType { get; set; }

    [IntegerField(Required = false)]
    public int? ConditionValue { get; set; }

    /// <summary>The condition was part of the request: the answer says the holders were recalculated.</summary>
    public bool ChangesCondition => ConditionType is not null || ConditionValue is not null;

    public BadgeWriteDto ToWriteDto() => new(Name, Description, Icon, ConditionType, ConditionValue);
}

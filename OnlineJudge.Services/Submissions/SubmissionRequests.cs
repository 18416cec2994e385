using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Submissions;

/// <summary>Body of <c>POST /api/submission</c> (submission.md §1.1).</summary>
public sealed class SubmitRequest
{
    public const int MaxCodeLength = 1024 * 1024;

    [IntegerField]
    public int ProblemId { get; set; }

    [StringField]
    public string Language { get; set; } = "";

    /// <summary>Stored verbatim: not trimmed, but an all-blank code is refused.</summary>
    [StringField(MaxLength = MaxCodeLength, Trim = false, Check = nameof(CheckCode))]
    public string Code { get; set; } = "";

    [IntegerField(Required = false, AllowNull = true)]
    public int? ContestId { get; set; }

    /// <summary>Accepted and ignored (submission.md §1.1).</summary>
    [IntegerField(Required = false, AllowNull = true)]
    public int? ProblemsetId { get; set; }

    [StringField(Required = false, AllowNull = true, AllowBlank = true)]
    public string? Captcha { get; set; }

    private string? CheckCode() => string.IsNullOrWhiteSpace(Code) ? "This field may not be blank." : null;
}

/// <summary>Body of <c>PUT /api/submission</c> (submission.md §1.3).</summary>
public sealed class ShareSubmissionRequest
{
    [StringField]
    public string Id { get; set; } = "";

    [BooleanField]
    public bool Shared { get; set; }
}

/// <summary>Body of <c>POST /api/format_code</c> (submission.md §1.7).</summary>
public sealed class FormatCodeRequest
{
    [StringField(MaxLength = SubmitRequest.MaxCodeLength, Trim = false, Check = nameof(CheckCode))]
    public string Code { get; set; } = "";

    [ChoiceField(["python", "c", "cpp", "sql"])]
    public string Language { get; set; } = "";

    private string? CheckCode() => string.IsNullOrWhiteSpace(Code) ? "This field may not be blank." : null;
}

/// <summary>GET /api/submission and GET /api/admin/submission/rejudge: the submission id.</summary>
public sealed class SubmissionIdQuery
{
    [QueryText]
    public string? Id { get; set; }
}

/// <summary>Query of the submission lists (submission.md §1.4, §1.5).</summary>
public sealed class SubmissionListQuery
{
    /// <summary>Null without <c>limit</c> ("Limit is needed").</summary>
    [QueryPage(LimitRequired = true)]
    public PageRequest? Page { get; set; }

    /// <summary>Must be absent on the practice list.</summary>
    [QueryText]
    public string? ContestId { get; set; }

    /// <summary>A display id.</summary>
    [QueryText]
    public string? ProblemId { get; set; }

    [QueryFlag(TrueValue = "1")]
    public bool Myself { get; set; }

    [QueryText]
    public string? Username { get; set; }

    [QueryInteger]
    public int? Result { get; set; }

    [QueryText]
    public string? Language { get; set; }

    [QueryFlag(TrueValue = "1")]
    public bool Today { get; set; }
}

/// <summary>GET /api/submissions/today_count.</summary>
public sealed class TodayCountQuery
{
    [QueryText]
    public string? Language { get; set; }
}

/// <summary>GET /api/submission_exists (legacy).</summary>
public sealed class SubmissionExistsQuery
{
    [QueryInteger(Missing = "Parameter error, problem_id is required")]
    public int ProblemId { get; set; }
}

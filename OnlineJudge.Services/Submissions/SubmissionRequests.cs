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

/// <summary>Query of the submission lists (submission.md §1.4, §1.5), as sent.</summary>
public sealed record SubmissionListQuery(
    string? Limit,
    string? Offset,
    string? ContestId,
    string? ProblemId,
    string? Myself,
    string? Username,
    string? Result,
    string? Language,
    string? Today);

/// <summary>Query of <c>GET /api/admin/submission/statistics</c> (submission.md §2.2), as sent.</summary>
public sealed record SubmissionStatisticsQuery(string? Start, string? End, string? ProblemId, string? Username);

using OnlineJudge.Data.Contests;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Contests;

/// <summary>POST /api/contest/password.</summary>
public sealed class ContestPasswordRequest
{
    [IntegerField]
    public int ContestId { get; set; }

    [StringField(MaxLength = 30)]
    public string Password { get; set; } = "";
}

/// <summary>POST /api/admin/contest (contest.md §2.2). <c>rule_type</c>/<c>real_time_rank</c> are no longer fields: sent ones are dropped.</summary>
public class ContestCreateRequest
{
    [StringField(MaxLength = 128)]
    public string Title { get; set; } = "";

    [StringField]
    public string Description { get; set; } = "";

    [StringField]
    public string Tag { get; set; } = "";

    [DateTimeField]
    public DateTime StartTime { get; set; }

    [DateTimeField]
    public DateTime EndTime { get; set; }

    [StringField(MaxLength = 32, AllowBlank = true)]
    public string Password { get; set; } = "";

    [BooleanField]
    public bool Visible { get; set; }

    [ListField, StringField(MaxLength = 32)]
    public List<string> AllowedIpRanges { get; set; } = [];

    public ContestWriteDto ToWriteDto() => new(Title, Description, Tag, StartTime, EndTime, Password, Visible, AllowedIpRanges);
}

/// <summary>PUT /api/admin/contest (contest.md §2.3): <c>id</c>, then the create fields; the password may be null.</summary>
public sealed class ContestEditRequest : ContestCreateRequest
{
    [IntegerField(BeforeInherited = true)]
    public int Id { get; set; }

    [StringField(MaxLength = 32, AllowBlank = true, AllowNull = true)]
    public new string? Password { get; set; }

    public new ContestWriteDto ToWriteDto() => base.ToWriteDto() with { Password = Password };
}

/// <summary>POST /api/admin/contest/clone.</summary>
public sealed class ContestCloneRequest
{
    [IntegerField]
    public int ContestId { get; set; }
}

/// <summary>PUT /api/admin/contest/acm_helper.</summary>
public sealed class AcmHelperCheckRequest
{
    [IntegerField]
    public int ContestId { get; set; }

    [StringField]
    public string ProblemId { get; set; } = "";

    [IntegerField]
    public int RankId { get; set; }

    [BooleanField]
    public bool Checked { get; set; }
}

/// <summary>POST /api/admin/contest/announcement (legacy).</summary>
public sealed class ContestAnnouncementCreateRequest
{
    [IntegerField]
    public int ContestId { get; set; }

    [StringField(MaxLength = 128)]
    public string Title { get; set; } = "";

    [StringField]
    public string Content { get; set; } = "";

    [BooleanField]
    public bool Visible { get; set; }
}

/// <summary>PUT /api/admin/contest/announcement (legacy): only the given fields change.</summary>
public sealed class ContestAnnouncementEditRequest
{
    [IntegerField]
    public int Id { get; set; }

    [StringField(MaxLength = 128, Required = false)]
    public string? Title { get; set; }

    [StringField(Required = false, AllowBlank = true)]
    public string? Content { get; set; }

    [BooleanField(Required = false, AllowNull = false)]
    public bool? Visible { get; set; }
}

using System.Text.Json.Serialization;
using OnlineJudge.Data.Account;

namespace OnlineJudge.Data.Contests;

/// <summary>Computed contest values (data-model.md §1.3, §1.4), rendered as the reference's strings.</summary>
public static class ContestValues
{
    public const string NotStarted = "1";
    public const string Ended = "-1";
    public const string Underway = "0";

    public const string Public = "Public";
    public const string PasswordProtected = "Password Protected";
}

/// <summary>The student <c>Contest</c> shape of contest.md §0.5; <c>status</c> and <c>contest_type</c> are computed in SQL.</summary>
public record ContestDto
{
    public int Id { get; init; }

    public UserRefDto CreatedBy { get; init; } = null!;

    public string Status { get; init; } = "";

    public string ContestType { get; init; } = "";

    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    public string Tag { get; init; } = "";

    public DateTime StartTime { get; init; }

    public DateTime EndTime { get; init; }

    public DateTime CreateTime { get; init; }

    public DateTime LastUpdateTime { get; init; }
}

/// <summary>GET /api/contest: the contest plus the server time (<c>datetime2str</c>, UTC with <c>Z</c>).</summary>
public sealed record ContestDetailDto : ContestDto
{
    [JsonConverter(typeof(UtcDateTimeConverter))]
    public DateTime Now { get; init; }
}

/// <summary>The <c>ContestAdmin</c> shape: the contest plus password, visibility and IP ranges.</summary>
public sealed record ContestAdminDto : ContestDto
{
    public string? Password { get; init; }

    public bool Visible { get; init; }

    public List<string> AllowedIpRanges { get; init; } = [];
}

/// <summary>The fields an admin writes on create and edit (contest.md §2.2, §2.3).</summary>
public sealed record ContestWriteDto(
    string Title,
    string Description,
    string Tag,
    DateTime StartTime,
    DateTime EndTime,
    string? Password,
    bool Visible,
    List<string> AllowedIpRanges);

/// <summary>One row of the contest rank (contest.md §1.5), in rank order; <c>user.real_name</c> is filled for contest admins only.</summary>
public sealed record ContestRankRowDto(
    int Id,
    UserRefDto User,
    int SubmissionNumber,
    int AcceptedNumber,
    int TotalTime,
    Dictionary<string, AcmSubmissionInfoEntry> SubmissionInfo,
    int Contest);

/// <summary>A rank row with at least one accepted problem, as the ACM helper reads it (contest.md §2.5).</summary>
public sealed record AcmHelperRankDto(int Id, string Username, string? RealName, Dictionary<string, AcmSubmissionInfoEntry> SubmissionInfo);

/// <summary>A contest problem's ids and title (rank download columns, ACM helper display ids).</summary>
public sealed record ContestProblemRefDto(int Id, string DisplayId, string Title);

/// <summary>The legacy <c>ContestAnnouncement</c> shape (contest.md §5).</summary>
public sealed record ContestAnnouncementDto(
    int Id,
    int Contest,
    string Title,
    string Content,
    UserRefDto CreatedBy,
    bool Visible,
    DateTime CreateTime);

/// <summary>An accepted contest submission for the legacy download (contest.md §5.3), newest first.</summary>
public sealed record AcceptedSubmissionCodeDto(int UserId, string Username, bool UserIsAdminRole, int ProblemId, string Code);

namespace OnlineJudge.Data.Account;

/// <summary>The "user" inside a profile (account.md, UserSerializer): no password, API key or tokens.</summary>
public sealed record ProfileUserDto(
    int Id,
    string Username,
    string? Email,
    string AdminType,
    string ProblemPermission,
    DateTime? CreateTime,
    DateTime? LastLogin,
    bool OpenApi,
    bool IsDisabled,
    string? ClassName);

/// <summary>The profile object of account.md ("UserProfileSerializer"); <c>real_name</c> only for the owner.</summary>
public sealed record ProfileDto(
    int Id,
    ProfileUserDto User,
    string? RealName,
    AcmProblemsStatus AcmProblemsStatus,
    string Avatar,
    string? Blog,
    string? Mood,
    string? Github,
    string? School,
    string? Major,
    string? Language,
    int AcceptedNumber,
    int SubmissionNumber);

/// <summary>The fields of <c>PUT /api/profile</c> that were sent (null members were not sent).</summary>
public sealed record ProfileChangesDto
{
    public bool SetRealName { get; init; }
    public string? RealName { get; init; }
    public string? Avatar { get; init; }
    public string? Blog { get; init; }
    public string? Mood { get; init; }
    public string? Github { get; init; }
    public string? School { get; init; }
    public string? Major { get; init; }
    public string? Language { get; init; }
}

/// <summary>First and newest non-contest submission times of a user (GET /api/metrics).</summary>
public sealed record SubmissionSpanDto(DateTime First, DateTime Latest);


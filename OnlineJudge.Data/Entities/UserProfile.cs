using System.Text.Json.Serialization;

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>user_profile</c> (account.md, Part D).</summary>
public class UserProfile
{
    public const string DefaultAvatar = "/public/avatar/default.png";

    public int Id { get; set; }
    public int UserId { get; set; }
    public AcmProblemsStatus AcmProblemsStatus { get; set; } = new();
    public string? RealName { get; set; }
    public string Avatar { get; set; } = DefaultAvatar;
    public string? Blog { get; set; }
    public string? Mood { get; set; }
    public string? Github { get; set; }
    public string? School { get; set; }
    public string? Major { get; set; }
    public string? Language { get; set; }
    public int AcceptedNumber { get; set; }
    public int SubmissionNumber { get; set; }

    public User? User { get; set; }
}

/// <summary>Shape of <c>user_profile.acm_problems_status</c> (data-model.md §3.3). Either part may be absent.</summary>
public class AcmProblemsStatus
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, ProblemStatusEntry>? Problems { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, ProblemStatusEntry>? ContestProblems { get; set; }
}

public class ProblemStatusEntry
{
    public int Status { get; set; }

    [JsonPropertyName("_id")]
    public string DisplayId { get; set; } = "";
}

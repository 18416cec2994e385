using System.Text.Json.Serialization;

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>problemset_progress</c> (problemset.md).</summary>
public class ProblemSetProgress
{
    public long Id { get; set; }
    public DateTime JoinTime { get; set; }
    public DateTime? CompleteTime { get; set; }
    public bool IsCompleted { get; set; }
    public double ProgressPercentage { get; set; }
    public int CompletedProblemsCount { get; set; }
    public int TotalProblemsCount { get; set; }
    public int TotalScore { get; set; }

    /// <summary>Keyed by problem id as a string.</summary>
    public Dictionary<string, ProgressDetailEntry> ProgressDetail { get; set; } = [];

    public long ProblemSetId { get; set; }
    public int UserId { get; set; }

    public ProblemSet? ProblemSet { get; set; }
    public User? User { get; set; }
}

/// <summary>One value of <c>problemset_progress.progress_detail</c>.</summary>
public class ProgressDetailEntry
{
    public int Score { get; set; }

    /// <summary>ISO 8601 with offset <c>+00:00</c> and microseconds; older rows hold a client-supplied value, kept as is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubmitTime { get; set; }
}

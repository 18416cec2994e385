namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>problemset</c> (problemset.md).</summary>
public class ProblemSet
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime CreateTime { get; set; }
    public DateTime LastUpdateTime { get; set; }
    public bool Visible { get; set; } = true;
    public string Difficulty { get; set; } = ProblemSetDifficulty.Easy;
    public string Status { get; set; } = ProblemSetStatus.Draft;
    public int CreatedById { get; set; }
    public DateTime? EndTime { get; set; }

    public User? CreatedBy { get; set; }
    public List<ProblemSetProblem> Problems { get; set; } = [];
    public List<ProblemSetBadge> Badges { get; set; } = [];
    public List<ProblemSetProgress> Progresses { get; set; } = [];
}

/// <summary>Problem-set difficulty (not the problem difficulties <c>Low/Mid/High</c>).</summary>
public static class ProblemSetDifficulty
{
    public const string Easy = "Easy";
    public const string Medium = "Medium";
    public const string Hard = "Hard";
}

public static class ProblemSetStatus
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Archived = "archived";
}

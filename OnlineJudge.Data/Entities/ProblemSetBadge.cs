namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>problemset_badge</c> (problemset.md).</summary>
public class ProblemSetBadge
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Icon { get; set; } = "";
    public string ConditionType { get; set; } = "";
    public int ConditionValue { get; set; }
    public long ProblemSetId { get; set; }

    public ProblemSet? ProblemSet { get; set; }
}

public static class BadgeConditionType
{
    public const string AllProblems = "all_problems";
    public const string ProblemCount = "problem_count";
    public const string Score = "score";
}

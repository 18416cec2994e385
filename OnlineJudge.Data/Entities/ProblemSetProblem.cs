namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>problemset_problem</c> (problemset.md).</summary>
public class ProblemSetProblem
{
    public long Id { get; set; }
    public int Order { get; set; }
    public bool IsRequired { get; set; } = true;
    public int Score { get; set; }
    public string? Hint { get; set; }
    public int ProblemId { get; set; }
    public long ProblemSetId { get; set; }

    public Problem? Problem { get; set; }
    public ProblemSet? ProblemSet { get; set; }
}

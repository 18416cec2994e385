namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>problemset_submission</c> (problemset.md): first accepted submission reported per (set, user, problem).</summary>
public class ProblemSetSubmission
{
    public long Id { get; set; }
    public int ProblemId { get; set; }
    public long ProblemSetId { get; set; }
    public string SubmissionId { get; set; } = "";
    public int UserId { get; set; }
}

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>problem_tags</c>: the problem ↔ tag join (data-model.md §2.3); also reachable as <see cref="Problem.Tags"/>.</summary>
public class ProblemTagLink
{
    public int Id { get; set; }
    public int ProblemId { get; set; }
    public int ProblemTagId { get; set; }
}

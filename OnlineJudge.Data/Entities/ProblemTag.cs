namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>problem_tag</c> (data-model.md §2.2).</summary>
public class ProblemTag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

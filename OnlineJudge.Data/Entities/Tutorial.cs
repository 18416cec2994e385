namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>tutorial</c> (tutorial.md).</summary>
public class Tutorial
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool IsPublic { get; set; }
    public int Order { get; set; }
    public int CreatedById { get; set; }
    public string? Code { get; set; }
    public string Type { get; set; } = TutorialType.Python;

    public User? CreatedBy { get; set; }
    public List<Exercise> Exercises { get; set; } = [];
}

public static class TutorialType
{
    public const string Python = "python";
    public const string C = "c";
}

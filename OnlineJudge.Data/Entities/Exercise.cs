using System.Text.Json;

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>exercise</c> (tutorial.md).</summary>
public class Exercise
{
    public int Id { get; set; }
    public string Type { get; set; } = "";

    /// <summary>Any JSON value except null; shapes per type in tutorial.md §0, never inspected by the server.</summary>
    public JsonElement Data { get; set; } = JsonDefaults.EmptyObject;

    public int Order { get; set; }
    public DateTime CreatedAt { get; set; }
    public int TutorialId { get; set; }

    public Tutorial? Tutorial { get; set; }
}

public static class ExerciseType
{
    public const string Mcq = "mcq";
    public const string Sort = "sort";
    public const string Fill = "fill";
    public const string Match = "match";
    public const string Predict = "predict";
    public const string Debug = "debug";
    public const string Group = "group";
}

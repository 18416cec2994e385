namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>reaction</c> (comment.md "Data — table reaction").</summary>
public class Reaction
{
    public int Id { get; set; }

    /// <summary><see cref="ReactionType"/>.</summary>
    public string Type { get; set; } = "";

    public DateTime CreateTime { get; set; }
    public int ProblemId { get; set; }
    public int UserId { get; set; }

    public Problem? Problem { get; set; }
    public User? User { get; set; }
}

/// <summary>Values of <c>reaction.type</c> (comment.md, Part A).</summary>
public static class ReactionType
{
    public const string TooEasy = "too_easy";
    public const string TooHard = "too_hard";
    public const string Confusing = "confusing";
    public const string Buggy = "buggy";
    public const string Learned = "learned";
    public const string Interesting = "interesting";
    public const string WantExplain = "want_explain";

    /// <summary>Display and tie-break order.</summary>
    public static readonly IReadOnlyList<string> All =
        [TooEasy, TooHard, Confusing, Buggy, Learned, Interesting, WantExplain];
}

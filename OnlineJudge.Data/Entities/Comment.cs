namespace OnlineJudge.Data.Entities;

/// <summary>Legacy table <c>comment</c> (comment.md "Legacy table comment"), required by spec README decision 1.</summary>
public class Comment
{
    public const short DefaultRating = 5;

    public int Id { get; set; }
    public int ProblemId { get; set; }
    public int UserId { get; set; }
    public string SubmissionId { get; set; } = "";

    /// <summary><see cref="CommentLanguage"/>.</summary>
    public string Language { get; set; } = CommentLanguage.Python;

    public short DescriptionRating { get; set; } = DefaultRating;
    public short DifficultyRating { get; set; } = DefaultRating;
    public short ComprehensiveRating { get; set; } = DefaultRating;
    public string? Content { get; set; }
    public DateTime CreateTime { get; set; }

    public Problem? Problem { get; set; }
    public User? User { get; set; }
    public Submission? Submission { get; set; }
}

/// <summary>Values of <c>comment.language</c>; a <c>Python3</c> submission is stored as <c>Python</c>.</summary>
public static class CommentLanguage
{
    public const string Python = "Python";
    public const string C = "C";
    public const string Cpp = "C++";
    public const string Java = "Java";
}

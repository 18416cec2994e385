using OnlineJudge.Data.Account;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Comments;

/// <summary>The caller's own comment on a problem (comment.md B2).</summary>
public sealed record MyCommentDto(int ComprehensiveRating, int DescriptionRating, int DifficultyRating, string? Content, DateTime CreateTime);

/// <summary>Count and rating averages of a problem's comments (comment.md B3), before rounding.</summary>
public sealed record CommentAggregateDto(int Count, double Description, double Difficulty, double Comprehensive);

/// <summary>An admin comment list item (comment.md B4): every column, the problem as display id, the user as a reference.</summary>
public sealed record AdminCommentDto(
    int Id, string Problem, UserRefDto User, string Submission, string Language, int DescriptionRating, int DifficultyRating,
    int ComprehensiveRating, string? Content, DateTime CreateTime);

/// <summary>What a new comment needs from the caller's accepted submission.</summary>
public sealed record AcceptedSubmissionRefDto(string Id, string Language);

public class CommentRepository(OnlineJudgeDbContext db)
{
    public Task<bool> VisibleProblemExistsAsync(int problemId, CancellationToken cancellationToken) =>
        db.Problems.AnyAsync(p => p.Id == problemId && p.Visible, cancellationToken);

    /// <summary>The caller's newest accepted submission of the problem (the model's default ordering).</summary>
    public Task<AcceptedSubmissionRefDto?> FindAcceptedSubmissionAsync(int problemId, int userId, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.ProblemId == problemId && s.UserId == userId
                && (s.Result == JudgeStatus.Accepted || s.Result == JudgeStatus.AstCheckFailed))
            .OrderByDescending(s => s.CreateTime)
            .Select(s => new AcceptedSubmissionRefDto(s.Id, s.Language))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<int> CreateAsync(Comment comment, CancellationToken cancellationToken)
    {
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment.Id;
    }

    public Task<MyCommentDto?> FindMineAsync(int problemId, int userId, CancellationToken cancellationToken) =>
        db.Comments.Where(c => c.ProblemId == problemId && c.UserId == userId)
            .OrderByDescending(c => c.CreateTime).ThenByDescending(c => c.Id)
            .Select(c => new MyCommentDto(c.ComprehensiveRating, c.DescriptionRating, c.DifficultyRating, c.Content, c.CreateTime))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<CommentAggregateDto?> AggregateAsync(int problemId, CancellationToken cancellationToken) =>
        db.Comments.Where(c => c.ProblemId == problemId)
            .GroupBy(c => c.ProblemId)
            .Select(g => new CommentAggregateDto(
                g.Count(),
                g.Average(c => (double)c.DescriptionRating),
                g.Average(c => (double)c.DifficultyRating),
                g.Average(c => (double)c.ComprehensiveRating)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Non-empty comment texts of a problem, newest first.</summary>
    public Task<List<string>> ListContentsAsync(int problemId, CancellationToken cancellationToken) =>
        db.Comments.Where(c => c.ProblemId == problemId && c.Content != null && c.Content != "")
            .OrderByDescending(c => c.CreateTime).ThenByDescending(c => c.Id)
            .Select(c => c.Content!)
            .ToListAsync(cancellationToken);

    /// <summary>Primary key of the non-contest problem with this display id.</summary>
    public Task<int?> FindPublicProblemIdAsync(string displayId, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.DisplayId == displayId && p.ContestId == null)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<Page<AdminCommentDto>> ListWithContentAsync(int? problemId, PageRequest page, CancellationToken cancellationToken) =>
        db.Comments.Where(c => c.Content != null && c.Content != "" && (problemId == null || c.ProblemId == problemId))
            .OrderByDescending(c => c.CreateTime).ThenByDescending(c => c.Id)
            .Select(c => new AdminCommentDto(c.Id, c.Problem!.DisplayId, new UserRefDto(c.User!.Id, c.User.Username, null), c.SubmissionId,
                c.Language, c.DescriptionRating, c.DifficultyRating, c.ComprehensiveRating, c.Content, c.CreateTime))
            .ToPageAsync(page, cancellationToken);

    public Task<int> DeleteAsync(int id, CancellationToken cancellationToken) =>
        db.Comments.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
}

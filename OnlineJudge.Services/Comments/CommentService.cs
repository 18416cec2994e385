using OnlineJudge.Data.Comments;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Comments;

/// <summary>Body of the legacy <c>POST /api/comment</c> (comment.md B1).</summary>
public sealed class CreateCommentRequest
{
    [IntegerField]
    public int ProblemId { get; set; }

    /// <summary>The column is a non-negative smallint; the reference did not check and crashed on bad values.</summary>
    [IntegerField(Min = 0, Max = short.MaxValue)]
    public int DescriptionRating { get; set; }

    [IntegerField(Min = 0, Max = short.MaxValue)]
    public int DifficultyRating { get; set; }

    [IntegerField(Min = 0, Max = short.MaxValue)]
    public int ComprehensiveRating { get; set; }

    [StringField(Required = false, AllowBlank = true)]
    public string? Content { get; set; }
}

/// <summary>Query of <c>GET /api/comment</c>, <c>GET /api/comment/statistics</c> and <c>GET /api/reaction</c>.</summary>
public sealed class ProblemIdQuery
{
    [QueryInteger(Missing = "problem_id is required")] public int ProblemId { get; set; }
}

/// <summary>Query of <c>GET /api/admin/comment</c> and <c>GET /api/admin/reaction</c>: <c>problem</c> is a display id.</summary>
public sealed class ProblemFilterQuery
{
    [QueryText] public string? Problem { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

/// <summary>Query of <c>DELETE /api/admin/comment</c>: without an id nothing is deleted.</summary>
public sealed class CommentIdQuery
{
    [QueryInteger] public int? Id { get; set; }
}

/// <summary>B3: count, average ratings (2 decimals) and the non-empty texts.</summary>
public sealed record CommentStatisticsDto(int Count, CommentRatingDto Rating, IReadOnlyList<string> Contents);

public sealed record CommentRatingDto(double Description, double Difficulty, double Comprehensive);

/// <summary>Legacy problem comments (comment.md Part B) with the <c>comment_stats:&lt;problem_id&gt;</c> cache.</summary>
public class CommentService(CommentRepository comments, CacheService cache, TimeProvider time)
{
    public async Task<ServiceResult> CreateAsync(CreateCommentRequest request, CurrentUser caller, CancellationToken cancellationToken)
    {
        if (!await comments.VisibleProblemExistsAsync(request.ProblemId, cancellationToken))
        {
            return ServiceError.Of("Problem does not exist");
        }

        if (await comments.FindAcceptedSubmissionAsync(request.ProblemId, caller.Id, cancellationToken) is not { } submission)
        {
            return ServiceError.Of("Submission does not exist");
        }

        await comments.CreateAsync(new Comment
        {
            ProblemId = request.ProblemId,
            UserId = caller.Id,
            SubmissionId = submission.Id,
            Language = LanguageOf(submission.Language),
            DescriptionRating = (short)request.DescriptionRating,
            DifficultyRating = (short)request.DifficultyRating,
            ComprehensiveRating = (short)request.ComprehensiveRating,
            Content = request.Content,
            CreateTime = time.GetUtcNow().UtcDateTime,
        }, cancellationToken);
        await cache.DeleteAsync(CacheKeys.CommentStats(request.ProblemId));
        return ServiceResult.Ok();
    }

    public async Task<ServiceResult<MyCommentDto?>> GetMineAsync(int problemId, CurrentUser caller, CancellationToken cancellationToken) =>
        await comments.FindMineAsync(problemId, caller.Id, cancellationToken);

    public async Task<ServiceResult<CommentStatisticsDto?>> GetStatisticsAsync(int problemId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CacheKeys.CommentStats(problemId), CacheKeys.CommentStatsTtl, async ct =>
        {
            if (await comments.AggregateAsync(problemId, ct) is not { } aggregate)
            {
                return null;
            }

            var contents = await comments.ListContentsAsync(problemId, ct);
            return new CommentStatisticsDto(aggregate.Count,
                new CommentRatingDto(Round(aggregate.Description), Round(aggregate.Difficulty), Round(aggregate.Comprehensive)), contents);
        }, cancellationToken);

    /// <summary>B4: comments with text, newest first; <c>problem</c> is the display id of a non-contest problem.</summary>
    public async Task<ServiceResult<Page<AdminCommentDto>>> ListForAdminAsync(ProblemFilterQuery query, CancellationToken cancellationToken)
    {
        int? problemId = null;
        if (!string.IsNullOrEmpty(query.Problem))
        {
            problemId = await comments.FindPublicProblemIdAsync(query.Problem, cancellationToken);
            if (problemId is null)
            {
                return ServiceError.Of("Problem doesn't exist");
            }
        }

        return await comments.ListWithContentAsync(problemId, query.Page, cancellationToken);
    }

    public async Task<ServiceResult> DeleteAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } commentId)
        {
            await comments.DeleteAsync(commentId, cancellationToken);
        }

        return ServiceResult.Ok();
    }

    /// <summary>The comment's language column: <c>Python3</c> is stored as <c>Python</c>; at most 10 characters.</summary>
    private static string LanguageOf(string language)
    {
        var value = language == "Python3" ? CommentLanguage.Python : language;
        return value.Length > 10 ? value[..10] : value;
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.ToEven);
}

using OnlineJudge.Data.Comments;
using OnlineJudge.Services.Comments;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>
/// comment.md for super admins: reaction statistics per problem (A3, optional) and the legacy comments (B4–B5).
/// </summary>
[SuperAdminRequired]
public class CommentAdminController(ReactionService reactions, CommentService comments) : ApiControllerBase
{
    [HttpGet("/api/admin/reaction")]
    public Task<ServiceResult<Page<ReactionStatsDto>>> ReactionStatistics(ProblemFilterQuery query, CancellationToken cancellationToken) =>
        reactions.ListStatsAsync(query, cancellationToken);

    [HttpGet("/api/admin/comment")]
    public Task<ServiceResult<Page<AdminCommentDto>>> Comments(ProblemFilterQuery query, CancellationToken cancellationToken) =>
        comments.ListForAdminAsync(query, cancellationToken);

    [HttpDelete("/api/admin/comment")]
    public Task<ServiceResult> DeleteComment(CommentIdQuery query, CancellationToken cancellationToken) =>
        comments.DeleteAsync(query.Id, cancellationToken);
}

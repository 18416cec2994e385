using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Comments;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Comments;
using OnlineJudge.Services.Common;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>comment.md B4–B5 (legacy): super admins list and delete comments.</summary>
public class CommentAdminController(CommentService comments) : ApiControllerBase
{
    [SuperAdminRequired]
    [HttpGet("/api/admin/comment")]
    public Task<ServiceResult<Page<AdminCommentDto>>> List(ProblemFilterQuery query, CancellationToken cancellationToken) =>
        comments.ListForAdminAsync(query, cancellationToken);

    [SuperAdminRequired]
    [HttpDelete("/api/admin/comment")]
    public Task<ServiceResult> Delete(CommentIdQuery query, CancellationToken cancellationToken) =>
        comments.DeleteAsync(query.Id, cancellationToken);
}

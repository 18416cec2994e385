using OnlineJudge.Data.Comments;
using OnlineJudge.Services.Comments;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>comment.md Part B (legacy): ratings and comments after solving a problem.</summary>
public class CommentController(CommentService comments) : ApiControllerBase
{
    /// <summary>B1: validation first, then login.</summary>
    [LoginRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/comment")]
    public Task<ServiceResult> Create(CreateCommentRequest request, CancellationToken cancellationToken) =>
        comments.CreateAsync(request, CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/comment")]
    public Task<ServiceResult<MyCommentDto?>> Mine(ProblemIdQuery query, CancellationToken cancellationToken) =>
        comments.GetMineAsync(query.ProblemId, CurrentUser!, cancellationToken);

    [HttpGet("/api/comment/statistics")]
    public Task<ServiceResult<CommentStatisticsDto?>> Statistics(ProblemIdQuery query, CancellationToken cancellationToken) =>
        comments.GetStatisticsAsync(query.ProblemId, cancellationToken);
}

using OnlineJudge.Services.Comments;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>comment.md Part A: the caller's verdict on a problem and, once given, everyone's counts.</summary>
public class ReactionController(ReactionService reactions) : ApiControllerBase
{
    [LoginRequired]
    [HttpGet("/api/reaction")]
    public Task<ServiceResult<ReactionStateDto>> Get(ProblemIdQuery query, CancellationToken cancellationToken) =>
        reactions.GetAsync(query.ProblemId, CurrentUser!, cancellationToken);

    [LoginRequired]
    [HttpPost("/api/reaction")]
    public Task<ServiceResult<ReactionStateDto>> Set(SetReactionRequest request, CancellationToken cancellationToken) =>
        reactions.SetAsync(request, CurrentUser!, cancellationToken);
}

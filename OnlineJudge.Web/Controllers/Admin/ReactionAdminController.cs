using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Comments;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Comments;
using OnlineJudge.Services.Common;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>comment.md A3 (optional): reaction statistics per problem, super admins only.</summary>
public class ReactionAdminController(ReactionService reactions) : ApiControllerBase
{
    [SuperAdminRequired]
    [HttpGet("/api/admin/reaction")]
    public Task<ServiceResult<Page<ReactionStatsDto>>> Statistics(ProblemFilterQuery query, CancellationToken cancellationToken) =>
        reactions.ListStatsAsync(query, cancellationToken);
}

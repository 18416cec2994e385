using System.Text.Json;
using OnlineJudge.Services.Conf;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>conf.md §4 (the site configuration itself is <see cref="WebsiteController"/>).</summary>
public class ConfController(HitokotoService hitokoto) : ApiControllerBase
{
    [HttpGet("/api/hitokoto")]
    public Task<ServiceResult<JsonElement>> Hitokoto(CancellationToken cancellationToken) =>
        hitokoto.GetSentenceAsync(cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Conf;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>conf.md §1: the site configuration, public; the same handler answers the admin URL behind the admin gate.</summary>
public class WebsiteController(SiteOptionsService siteOptions) : ApiControllerBase
{
    [HttpGet("/api/website")]
    [HttpGet("/api/admin/website")]
    public async Task<ServiceResult<WebsiteConfig>> Get(CancellationToken cancellationToken) =>
        await siteOptions.GetWebsiteConfigAsync(cancellationToken);
}

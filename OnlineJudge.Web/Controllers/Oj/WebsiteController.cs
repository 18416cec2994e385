using OnlineJudge.Services.Conf;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>conf.md §1–§2: the site configuration, public; the same handlers answer the admin URLs behind the admin gate.</summary>
public class WebsiteController(SiteOptionsService siteOptions) : ApiControllerBase
{
    [HttpGet("/api/website")]
    [HttpGet("/api/admin/website")]
    public async Task<ServiceResult<WebsiteConfig>> Get(CancellationToken cancellationToken) =>
        await siteOptions.GetWebsiteConfigAsync(cancellationToken);

    /// <summary>Super admin first, then validation (conf.md §2).</summary>
    [SuperAdminRequired]
    [HttpPost("/api/website")]
    [HttpPost("/api/admin/website")]
    public Task<ServiceResult> Save(WebsiteConfigRequest request, CancellationToken cancellationToken) =>
        siteOptions.SaveWebsiteConfigAsync(request, cancellationToken);
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OnlineJudge.Web.Infrastructure.Hosting;

/// <summary>
/// The reverse proxies in front of the web instances (README, Deployment). Requests from them have their
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> applied (client address, https behind a TLS-terminating proxy);
/// requests from anyone else keep their own. Loopback is always trusted (a proxy on the same machine).
/// </summary>
public class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses (<c>10.0.0.2</c>) or networks (<c>10.0.0.0/24</c>) of the proxies.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    public static WebApplicationBuilder AddTrustedProxies(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(Section).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in configured.TrustedProxies.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
        return builder;
    }
}

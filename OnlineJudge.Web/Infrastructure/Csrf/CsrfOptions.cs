namespace OnlineJudge.Web.Infrastructure.Csrf;

public class CsrfOptions
{
    public const string Section = "Csrf";

    /// <summary>
    /// Origins (scheme://host[:port]) accepted besides the request's own, e.g. the public https origin behind a
    /// TLS-terminating proxy, or a development client on another port.
    /// </summary>
    public List<string> TrustedOrigins { get; set; } = [];
}

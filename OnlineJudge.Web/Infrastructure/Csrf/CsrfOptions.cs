using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Web.Infrastructure.Csrf;

public class CsrfOptions : IValidatableObject
{
    public const string Section = "Csrf";

    /// <summary>
    /// Origins (scheme://host[:port]) accepted besides the request's own, e.g. the public https origin behind a
    /// TLS-terminating proxy, or a development client on another port.
    /// </summary>
    public List<string> TrustedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < TrustedOrigins.Count; i++)
        {
            if (!Uri.TryCreate(TrustedOrigins[i], UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https")
                || origin.PathAndQuery != "/")
            {
                yield return new ValidationResult($"Csrf:TrustedOrigins:{i} must be an origin such as https://oj.example.edu",
                    [nameof(TrustedOrigins)]);
            }
        }
    }
}

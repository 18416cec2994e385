using System.Security.Cryptography;
using System.Text;

namespace OnlineJudge.Web.Infrastructure.Csrf;

/// <summary>
/// The <c>csrftoken</c> cookie that the client copies into <c>X-CSRFToken</c> (platform.md §9.2): double-submit, as
/// Django compares the cookie's secret with the header's.
/// </summary>
public static class CsrfTokens
{
    public const string CookieName = "csrftoken";
    public const string HeaderName = "X-CSRFToken";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int Length = 32;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(31_449_600);

    /// <summary>Sets the cookie, keeping a valid existing token (GET /api/profile).</summary>
    public static string Ensure(HttpContext httpContext)
    {
        var existing = httpContext.Request.Cookies[CookieName];
        return IsWellFormed(existing) ? Write(httpContext, existing!) : Rotate(httpContext);
    }

    /// <summary>Issues a new token (login).</summary>
    public static string Rotate(HttpContext httpContext) => Write(httpContext, RandomNumberGenerator.GetString(Alphabet, Length));

    public static bool Matches(string? cookie, string? header) =>
        IsWellFormed(cookie) && header is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie!), Encoding.ASCII.GetBytes(header));

    private static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    private static string Write(HttpContext httpContext, string token)
    {
        httpContext.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
        return token;
    }
}

namespace OnlineJudge.Web.Infrastructure.Auth;

/// <summary>The <c>sessionid</c> cookie (platform.md §9.1).</summary>
public static class SessionCookie
{
    public const string Name = "sessionid";

    public static void Write(HttpResponse response, string key, int maxAgeSeconds) =>
        response.Cookies.Append(Name, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = TimeSpan.FromSeconds(maxAgeSeconds),
            Secure = false,
            IsEssential = true,
        });

    public static void Delete(HttpResponse response) =>
        response.Cookies.Delete(Name, new CookieOptions { Path = "/", SameSite = SameSiteMode.Lax });
}

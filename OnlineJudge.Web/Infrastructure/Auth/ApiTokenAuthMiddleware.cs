using OnlineJudge.Services.Account;

namespace OnlineJudge.Web.Infrastructure.Auth;

/// <summary>
/// <c>APPKEY: &lt;key&gt;</c> authenticates the request as that user, for this request only (platform.md §9.3).
/// An unknown key is ignored silently. Keys are checked against PostgreSQL while Redis is unreachable.
/// </summary>
public class ApiTokenAuthMiddleware(RequestDelegate next)
{
    public const string HeaderName = "APPKEY";

    public async Task InvokeAsync(HttpContext httpContext, AuthenticationService authentication)
    {
        var key = httpContext.Request.Headers[HeaderName].ToString();
        if (!string.IsNullOrEmpty(key) && key.Length <= 128)
        {
            var user = await authentication.FromAppKeyAsync(key, httpContext.RequestAborted);
            if (user is not null)
            {
                var context = httpContext.GetRequestContext();
                context.User = user;
                context.ViaApiKey = true;
                context.SessionKey = null;
                context.Session = null;
            }
        }

        await next(httpContext);
    }
}

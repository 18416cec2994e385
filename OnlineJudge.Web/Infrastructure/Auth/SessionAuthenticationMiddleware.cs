using OnlineJudge.Services.Account;
using OnlineJudge.Services.Sessions;
using StackExchange.Redis;

namespace OnlineJudge.Web.Infrastructure.Auth;

/// <summary>
/// Loads the session named by the <c>sessionid</c> cookie and its user (platform.md §10 steps 1 and 3). A session whose
/// user is gone or whose password changed since login is discarded: the request is anonymous.
/// </summary>
public class SessionAuthenticationMiddleware(RequestDelegate next, ILogger<SessionAuthenticationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext httpContext, SessionStore sessions, AuthenticationService authentication)
    {
        var context = httpContext.GetRequestContext();
        context.ClientIp = ClientIpOf(httpContext);

        var key = httpContext.Request.Cookies[SessionCookie.Name];
        if (SessionStore.IsWellFormedKey(key))
        {
            await AuthenticateAsync(httpContext, context, key!, sessions, authentication);
        }

        await next(httpContext);
    }

    private async Task AuthenticateAsync(HttpContext httpContext, RequestContext context, string key, SessionStore sessions, AuthenticationService authentication)
    {
        SessionData? session;
        try
        {
            session = await sessions.LoadAsync(key);
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Session store unavailable; request treated as anonymous");
            return;
        }

        if (session is null)
        {
            return;
        }

        var user = await authentication.FromSessionAsync(session, httpContext.RequestAborted);
        if (user is null)
        {
            await sessions.DeleteAsync(key, session.UserId);
            SessionCookie.Delete(httpContext.Response);
            return;
        }

        context.User = user;
        context.SessionKey = key;
        context.Session = session;
    }

    private static string ClientIpOf(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers["X-Real-IP"].ToString();
        return !string.IsNullOrWhiteSpace(header) ? header.Trim() : httpContext.Connection.RemoteIpAddress?.ToString() ?? "";
    }
}

using OnlineJudge.Services.Account;
using OnlineJudge.Services.Resilience;
using OnlineJudge.Services.Sessions;
using StackExchange.Redis;

namespace OnlineJudge.Web.Infrastructure.Auth;

/// <summary>
/// Loads the session named by the <c>sessionid</c> cookie and its user (platform.md §10 steps 1 and 3). A session whose
/// user is gone or whose password changed since login is discarded: the request is anonymous. So is every request while
/// the session store (Redis) is unreachable.
/// </summary>
public class SessionAuthenticationMiddleware(RequestDelegate next, ILogger<SessionAuthenticationMiddleware> logger, TimeProvider time)
{
    private static long nextWarningTicks;

    public async Task InvokeAsync(HttpContext httpContext, SessionStore sessions, AuthenticationService authentication, RedisGuard redis)
    {
        var context = httpContext.GetRequestContext();
        context.ClientIp = ClientIpOf(httpContext);

        // While the breaker refuses Redis calls, sessions cannot be read: anonymous, without trying.
        var key = httpContext.Request.Cookies[SessionCookie.Name];
        if (SessionStore.IsWellFormedKey(key) && !redis.IsRefusing)
        {
            await AuthenticateAsync(httpContext, context, key!, sessions, authentication);
        }

        await next(httpContext);
    }

    private async Task AuthenticateAsync(HttpContext httpContext, RequestContext context, string key, SessionStore sessions, AuthenticationService authentication)
    {
        SessionAuthentication? found;
        try
        {
            found = await authentication.FromSessionKeyAsync(key, httpContext.RequestAborted);
        }
        catch (RedisException exception)
        {
            WarnUnavailable(exception);
            return;
        }

        if (found is null)
        {
            return;
        }

        if (found.User is null)
        {
            try
            {
                await sessions.DeleteAsync(key, found.Session.UserId);
            }
            catch (RedisException exception)
            {
                WarnUnavailable(exception);
            }

            SessionCookie.Delete(httpContext.Response);
            return;
        }

        context.User = found.User;
        context.SessionKey = key;
        context.Session = found.Session;
    }

    // At most one warning a minute: during an outage every request with a cookie would log one.
    private void WarnUnavailable(RedisException exception)
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref nextWarningTicks);
        if (now >= next && Interlocked.CompareExchange(ref nextWarningTicks, now + TimeSpan.TicksPerMinute, next) == next)
        {
            logger.LogWarning(exception, "Session store unavailable; requests are treated as anonymous");
        }
    }

    private static string ClientIpOf(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers["X-Real-IP"].ToString();
        return !string.IsNullOrWhiteSpace(header) ? header.Trim() : httpContext.Connection.RemoteIpAddress?.ToString() ?? "";
    }
}

using Microsoft.Extensions.Options;
using OnlineJudge.Services.Sessions;
using StackExchange.Redis;

namespace OnlineJudge.Web.Infrastructure.Auth;

/// <summary>
/// For a session-authenticated request: records IP, user agent and last activity in the session and renews it, which
/// slides its expiry and re-issues the cookie (platform.md §9.1, §10.3).
/// </summary>
public class SessionRecordMiddleware(RequestDelegate next, ILogger<SessionRecordMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext httpContext, SessionStore sessions, IOptions<UserSessionOptions> options, TimeProvider time)
    {
        var context = httpContext.GetRequestContext();
        if (context is { SessionKey: { } key, Session: { } session, ViaApiKey: false })
        {
            session.Ip = context.ClientIp;
            session.UserAgent = httpContext.Request.Headers.UserAgent.ToString();
            session.LastActivity = time.GetUtcNow().UtcDateTime;
            try
            {
                await sessions.SaveAsync(key, session);
                SessionCookie.Write(httpContext.Response, key, options.Value.IdleTimeoutSeconds);
            }
            catch (RedisException exception)
            {
                logger.LogWarning(exception, "Could not renew session of user {UserId}", session.UserId);
            }
        }

        await next(httpContext);
    }
}

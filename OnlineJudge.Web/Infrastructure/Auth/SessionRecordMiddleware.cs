using Microsoft.Extensions.Options;
using OnlineJudge.Services.Sessions;
using StackExchange.Redis;

namespace OnlineJudge.Web.Infrastructure.Auth;

/// <summary>
/// For a session-authenticated request: records IP, user agent and last activity in the session and renews it, which
/// slides its expiry, and re-issues the cookie (platform.md §9.1, §10.3). The session is written when the IP or user
/// agent changed or its last activity is older than <see cref="RecordInterval"/>, not on every request: a write per
/// request would double the Redis work of a logged-in read for a two-week expiry and a minute-precise activity time.
/// </summary>
public class SessionRecordMiddleware(RequestDelegate next, ILogger<SessionRecordMiddleware> logger)
{
    public static readonly TimeSpan RecordInterval = TimeSpan.FromMinutes(1);

    public async Task InvokeAsync(HttpContext httpContext, SessionStore sessions, IOptions<UserSessionOptions> options, TimeProvider time)
    {
        var context = httpContext.GetRequestContext();
        if (context is { SessionKey: { } key, Session: { } session, ViaApiKey: false })
        {
            var now = time.GetUtcNow().UtcDateTime;
            var userAgent = httpContext.Request.Headers.UserAgent.ToString();
            if (session.Ip != context.ClientIp || session.UserAgent != userAgent || session.LastActivity is not { } last
                || now - last >= RecordInterval)
            {
                session.Ip = context.ClientIp;
                session.UserAgent = userAgent;
                session.LastActivity = now;
                try
                {
                    await sessions.SaveAsync(key, session);
                }
                catch (RedisException exception)
                {
                    logger.LogWarning(exception, "Could not renew session of user {UserId}", session.UserId);
                }
            }

            SessionCookie.Write(httpContext.Response, key, options.Value.IdleTimeoutSeconds);
        }

        await next(httpContext);
    }
}

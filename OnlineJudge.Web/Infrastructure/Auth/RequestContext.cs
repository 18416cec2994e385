using OnlineJudge.Services.Account;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Web.Infrastructure.Auth;

/// <summary>Who is calling and through which session; set by the authentication middlewares for every request.</summary>
public sealed class RequestContext
{
    public CurrentUser? User { get; set; }

    /// <summary>Key of the loaded session (null when anonymous or authenticated by API key).</summary>
    public string? SessionKey { get; set; }

    public SessionData? Session { get; set; }

    /// <summary>True when an <c>APPKEY</c> header authenticated the request (no session, no CSRF).</summary>
    public bool ViaApiKey { get; set; }

    /// <summary><c>X-Real-IP</c>, else the socket peer address (platform.md §10.3).</summary>
    public string ClientIp { get; set; } = "";

    public bool IsAuthenticated => User is not null;
}

public static class RequestContextExtensions
{
    public static RequestContext GetRequestContext(this HttpContext httpContext)
    {
        var context = httpContext.Features.Get<RequestContext>();
        if (context is null)
        {
            context = new RequestContext();
            httpContext.Features.Set(context);
        }

        return context;
    }
}

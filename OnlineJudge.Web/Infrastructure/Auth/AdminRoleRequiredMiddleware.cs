using OnlineJudge.Services.Common;
using OnlineJudge.Web.Infrastructure.Envelopes;

namespace OnlineJudge.Web.Infrastructure.Auth;

/// <summary>
/// Every path under <c>/api/admin/</c> or <c>/admin/</c>, existing or not, needs an admin role (platform.md §10.2).
/// </summary>
public class AdminRoleRequiredMiddleware(RequestDelegate next)
{
    public static readonly ServiceError Error = ServiceError.LoginRequired("Please login in first");

    public async Task InvokeAsync(HttpContext httpContext)
    {
        var path = httpContext.Request.Path;
        if ((path.StartsWithSegments("/api/admin") || path.StartsWithSegments("/admin"))
            && httpContext.GetRequestContext().User is not { IsAdminRole: true })
        {
            await EnvelopeWriter.WriteAsync(httpContext, Envelope.Of(Error));
            return;
        }

        await next(httpContext);
    }
}

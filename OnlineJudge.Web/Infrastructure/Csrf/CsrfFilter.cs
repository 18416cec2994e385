using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OnlineJudge.Web.Infrastructure.Auth;

namespace OnlineJudge.Web.Infrastructure.Csrf;

/// <summary>Endpoints the CSRF check skips (judge heartbeat, image uploads).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CsrfExemptAttribute : Attribute;

/// <summary>
/// CSRF on POST, PUT, PATCH and DELETE (platform.md §9.2): the <c>X-CSRFToken</c> header must equal the
/// <c>csrftoken</c> cookie, and an <c>Origin</c> header must be the request's own origin or a trusted one.
/// Runs after the admin gate and before body parsing; failure is Django's 403 page.
/// </summary>
public class CsrfFilter(IOptions<CsrfOptions> options, ILogger<CsrfFilter> logger) : IAsyncAuthorizationFilter
{
    public const string ForbiddenHtml =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>403 Forbidden</title>\n</head>\n<body>\n  <h1>Forbidden (403)</h1>\n"
        + "  <p>CSRF verification failed. Request aborted.</p>\n</body>\n</html>\n";

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method)
            || context.ActionDescriptor.EndpointMetadata.OfType<CsrfExemptAttribute>().Any()
            || context.HttpContext.GetRequestContext().ViaApiKey)
        {
            return Task.CompletedTask;
        }

        var reason = Check(request);
        if (reason is not null)
        {
            logger.LogWarning("CSRF check failed for {Method} {Path}: {Reason}", request.Method, request.Path, reason);
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status403Forbidden,
                Content = ForbiddenHtml,
                ContentType = "text/html; charset=utf-8",
            };
        }

        return Task.CompletedTask;
    }

    private string? Check(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin) && !IsAllowedOrigin(request, origin))
        {
            return $"origin {origin} does not match";
        }

        if (string.IsNullOrEmpty(origin) && request.IsHttps && !IsAllowedReferer(request))
        {
            return "referer missing or from another host";
        }

        var cookie = request.Cookies[CsrfTokens.CookieName];
        if (cookie is null)
        {
            return "CSRF cookie not set";
        }

        return CsrfTokens.Matches(cookie, request.Headers[CsrfTokens.HeaderName].ToString()) ? null : "CSRF token missing or incorrect";
    }

    private bool IsAllowedOrigin(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
        || options.Value.TrustedOrigins.Any(trusted => string.Equals(trusted.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));

    private bool IsAllowedReferer(HttpRequest request)
    {
        if (!Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer))
        {
            return false;
        }

        return IsAllowedOrigin(request, referer.GetLeftPart(UriPartial.Authority));
    }
}

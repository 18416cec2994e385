using OnlineJudge.Services.Common;
using OnlineJudge.Web.Infrastructure.Envelopes;
using OnlineJudge.Web.Infrastructure.RequestParsing;

namespace OnlineJudge.Web.Infrastructure.Errors;

/// <summary>
/// Routing outcomes of platform.md §1: an unknown URL is a small HTML 404 page; a known URL with another method is
/// 405 with an empty body and <c>Allow</c>, except that body parsing comes first, so e.g. a PATCH without
/// Content-Type gets the <c>invalid-request</c> envelope.
/// </summary>
public class StatusPagesMiddleware(RequestDelegate next)
{
    public const string NotFoundHtml =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1>"
        + "<p>The requested resource was not found on this server.</p>\n</body>\n</html>\n";

    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    public async Task InvokeAsync(HttpContext httpContext)
    {
        if (httpContext.GetEndpoint()?.DisplayName == MethodNotAllowedEndpoint)
        {
            var parsed = await RequestBodyParser.ParseAsync(httpContext.Request, httpContext.RequestAborted);
            if (parsed.Error is { } error)
            {
                await EnvelopeWriter.WriteAsync(httpContext, Envelope.Of(error));
                return;
            }
        }

        await next(httpContext);

        if (httpContext.Response.StatusCode == StatusCodes.Status404NotFound && !httpContext.Response.HasStarted
            && httpContext.GetEndpoint() is null)
        {
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            await httpContext.Response.WriteAsync(NotFoundHtml, httpContext.RequestAborted);
        }
    }
}

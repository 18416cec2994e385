using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OnlineJudge.Services.Common;
using OnlineJudge.Web.Infrastructure.Envelopes;

namespace OnlineJudge.Web.Infrastructure.RequestParsing;

/// <summary>Skips request-data parsing: upload endpoints read multipart bodies themselves (platform.md §4.3).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RawBodyAttribute : Attribute;

/// <summary>
/// Parses the request data before anything else of the endpoint runs (after CSRF), so that permission filters,
/// validation and actions all see the same <see cref="Services.Validation.RequestData"/>.
/// </summary>
public class RequestDataFilter : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<RawBodyAttribute>().Any())
        {
            await next();
            return;
        }

        var parsed = await RequestBodyParser.ParseAsync(context.HttpContext.Request, context.HttpContext.RequestAborted);
        if (parsed.TooLarge)
        {
            context.Result = BadRequestPage.Result();
            return;
        }

        if (parsed.Error is { } error)
        {
            context.Result = EnvelopeResultFilter.ToResult(Envelope.Of(error));
            return;
        }

        context.HttpContext.Features.Set(parsed.Data);
        await next();
    }
}

public static class BadRequestPage
{
    public const string Html = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Bad Request (400)</title>\n</head>\n<body>\n  <h1>Bad Request (400)</h1><p></p>\n</body>\n</html>\n";

    public static ContentResult Result() => new() { StatusCode = StatusCodes.Status400BadRequest, Content = Html, ContentType = "text/html; charset=utf-8" };
}

using System.Text.Json;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Web.Infrastructure.Envelopes;

/// <summary>Writes an envelope from middleware, outside MVC (admin gate, request errors, unhandled exceptions).</summary>
public static class EnvelopeWriter
{
    public static Task WriteAsync(HttpContext httpContext, Envelope envelope)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ApiJson.ContentType;
        return JsonSerializer.SerializeAsync(httpContext.Response.Body, envelope, ApiJson.Options, httpContext.RequestAborted);
    }
}

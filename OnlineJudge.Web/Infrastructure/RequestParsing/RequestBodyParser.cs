using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Web.Infrastructure.RequestParsing;

/// <summary>Outcome of parsing: the request data, an envelope error, or an HTTP 400 (body too large).</summary>
public sealed record ParsedRequest(RequestData? Data, ServiceError? Error, bool TooLarge)
{
    public static ParsedRequest Ok(RequestData data) => new(data, null, false);

    public static ParsedRequest Fail(string message) => new(null, ServiceError.InvalidRequest(message), false);

    public static ParsedRequest BodyTooLarge { get; } = new(null, null, true);
}

/// <summary>
/// Request data as platform.md §4 defines it: the query string for GET and DELETE; otherwise the body, JSON or
/// urlencoded by Content-Type, with the reference's <c>invalid-request</c> errors and size limits.
/// </summary>
public static class RequestBodyParser
{
    /// <summary>Django's DATA_UPLOAD_MAX_MEMORY_SIZE.</summary>
    public const int MaxBodyBytes = 2_621_440;

    /// <summary>Django's DATA_UPLOAD_MAX_NUMBER_FIELDS.</summary>
    public const int MaxFormFields = 1000;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    public static async Task<ParsedRequest> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method))
        {
            return ParsedRequest.Ok(RequestData.FromForm(ToDictionary(request.Query)));
        }

        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            return ParsedRequest.Fail("content_type is required");
        }

        var isJson = contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        var isForm = contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!isJson && !isForm)
        {
            return ParsedRequest.Fail($"unknown content_type '{contentType}'");
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ParsedRequest.BodyTooLarge;
        }

        return isJson ? ParseJson(body) : ParseForm(body);
    }

    private static ParsedRequest ParseJson(byte[] body)
    {
        if (body.Length == 0 || IsWhiteSpace(body))
        {
            return body.Length == 0
                ? ParsedRequest.Ok(RequestData.FromJson(JsonDocument.Parse("{}").RootElement))
                : ParsedRequest.Fail("Expecting value: line 1 column 1 (char 0)");
        }

        try
        {
            using var document = JsonDocument.Parse(body, JsonOptions);
            return ParsedRequest.Ok(RequestData.FromJson(document.RootElement.Clone()));
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            var reason = exception.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                ? "JSON nested too deeply (at most 64 levels)"
                : "Invalid JSON";
            return ParsedRequest.Fail($"{reason}: line {line} column {column}");
        }
    }

    private static ParsedRequest ParseForm(byte[] body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return ParsedRequest.Fail("'utf-8' codec can't decode the form body");
        }

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var count = 0;
        var reader = new FormReader(text);
        while (reader.ReadNextPair() is { } pair)
        {
            if (++count > MaxFormFields)
            {
                return ParsedRequest.BodyTooLarge;
            }

            if (!fields.TryGetValue(pair.Key, out var values))
            {
                fields[pair.Key] = values = [];
            }

            values.Add(pair.Value);
        }

        return ParsedRequest.Ok(RequestData.FromForm(fields.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal)));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsWhiteSpace(byte[] body) => body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private static Dictionary<string, string[]> ToDictionary(IQueryCollection query) =>
        query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);
}

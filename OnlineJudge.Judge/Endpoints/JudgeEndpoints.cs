using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Heartbeat;
using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Options;
using OnlineJudge.Judge.Protocol;

namespace OnlineJudge.Judge.Endpoints;

/// <summary>
/// The JudgeServer HTTP protocol (judge.md §3.3): <c>POST /judge</c>, <c>/ping</c>, <c>/compile_spj</c>, each checked against
/// the token header; any other request answers <c>{"err": "InvalidRequest", "data": "404"}</c>. Always HTTP 200 with the
/// body formatted as upstream's Python <c>json.dumps</c>.
/// </summary>
public static class JudgeEndpoints
{
    public const string TokenHeader = "X-Judge-Server-Token";

    public static void MapJudgeEndpoints(this WebApplication app)
    {
        app.MapPost("/judge", JudgeAsync);
        app.MapPost("/ping", Ping);
        app.MapPost("/compile_spj", CompileSpj);
        app.MapFallback(() => Answer("InvalidRequest", "404"));
    }

    private static async Task<IResult> JudgeAsync(HttpContext context, JudgeService judge, IOptions<JudgeServerOptions> options, ILoggerFactory loggers)
    {
        return await GuardAsync(context, options, loggers, async cancellationToken =>
        {
            var body = await ReadBodyAsync(context.Request, cancellationToken);
            var request = JudgeRequestParser.Parse(body);
            return await judge.JudgeAsync(request, cancellationToken);
        });
    }

    private static Task<IResult> Ping(HttpContext context, ServerInfo serverInfo, IOptions<JudgeServerOptions> options, ILoggerFactory loggers) =>
        GuardAsync(context, options, loggers, _ =>
        {
            var info = serverInfo.Describe();
            info.Add("action", "pong");
            return Task.FromResult<object?>(info);
        });

    private static Task<IResult> CompileSpj(HttpContext context, IOptions<JudgeServerOptions> options, ILoggerFactory loggers) =>
        GuardAsync(context, options, loggers, _ =>
            throw new SpjCompileErrorException("Special judge is not supported by this judge server"));

    /// <summary>Token check, then the action; expected failures become their error class, anything else JudgeClientError "Name :message".</summary>
    private static async Task<IResult> GuardAsync(HttpContext context, IOptions<JudgeServerOptions> options, ILoggerFactory loggers,
        Func<CancellationToken, Task<object?>> action)
    {
        try
        {
            if (!TokenMatches(context.Request.Headers[TokenHeader].ToString(), options.Value.Token))
            {
                throw new TokenVerificationFailedException();
            }

            return Answer(null, await action(context.RequestAborted));
        }
        catch (JudgeServerException e)
        {
            return Answer(e.ErrorClass, e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Answer("JudgeClientError", "request aborted");
        }
        catch (Exception e)
        {
            loggers.CreateLogger(typeof(JudgeEndpoints)).LogError(e, "Judge request failed");
            return Answer("JudgeClientError", $"{e.GetType().Name} :{e.Message}");
        }
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Upstream treats an unreadable body as no arguments at all.
            return default;
        }
    }

    private static bool TokenMatches(string header, string token)
    {
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), expected);
    }

    private static IResult Answer(string? error, object? data) =>
        Results.Text(PythonJson.Serialize(new JsonFields { { "err", error }, { "data", data } }), "application/json", Encoding.UTF8);
}

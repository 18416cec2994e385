using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Common;
using Polly;
using Polly.CircuitBreaker;

namespace OnlineJudge.Services.Ai;

/// <summary>Chat completions of the AI provider: the system and user prompts in, the answer's text out, whole or streamed.</summary>
public interface IAiChatClient
{
    /// <summary>False without an API key: every call would answer <see cref="AiChatClient.MissingKey"/>.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// The answer (<c>choices[0].message.content</c>; <c>""</c> when null or when there is no choice), or the error to
    /// show (<c>缺少 AI_KEY</c>, <c>AI 服务调用失败: …</c>); failures are logged.
    /// </summary>
    Task<ServiceResult<string>> CompleteAsync(string system, string user, double? temperature, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="CompleteAsync"/> but one attempt only, given up after <paramref name="deadline"/> (error
    /// <c>AI 服务调用失败: 超时</c>): for an answer someone waits for on screen, where a late answer is worth nothing.
    /// </summary>
    Task<ServiceResult<string>> CompleteOnceAsync(string system, string user, TimeSpan deadline, CancellationToken cancellationToken);

    /// <summary>
    /// A streamed answer (ai.md §4.1): <see cref="AiStreamEventKind.Started"/> once the provider accepted the request,
    /// then fragments, then <see cref="AiStreamEventKind.Finished"/> (a finish reason arrived) or
    /// <see cref="AiStreamEventKind.Failed"/>; a stream that simply ends has neither. Cancelling
    /// <paramref name="cancellationToken"/> closes the provider connection and throws.
    /// </summary>
    IAsyncEnumerable<AiStreamEvent> StreamAsync(string system, string user, CancellationToken cancellationToken);
}

public enum AiStreamEventKind
{
    Started,
    Delta,
    Finished,
    Failed,
}

/// <summary>One step of a streamed answer; <see cref="Text"/> is the fragment or the error message.</summary>
public readonly record struct AiStreamEvent(AiStreamEventKind Kind, string Text = "");

/// <summary>
/// <see cref="IAiChatClient"/> over an OpenAI-compatible <c>POST {BaseUrl}/chat/completions</c>. Non-streaming calls go
/// through the typed <see cref="HttpClient"/> with the standard resilience pipeline (retries, circuit breaker, attempt
/// timeout: <see cref="AiRegistration"/>); streams and single-attempt calls through a plain named client (a retry cannot
/// replay a half-sent answer), with their own timeouts.
/// </summary>
public sealed partial class AiChatClient(HttpClient http, IHttpClientFactory clients, IOptions<AiOptions> options, ILogger<AiChatClient> logger)
    : IAiChatClient
{
    public const string MissingKey = "缺少 AI_KEY";
    public const string FailurePrefix = "AI 服务调用失败: ";

    private AiOptions Settings => options.Value;

    public bool IsConfigured => Settings.IsConfigured;

    public async Task<ServiceResult<string>> CompleteAsync(string system, string user, double? temperature, CancellationToken cancellationToken)
    {
        if (!Settings.IsConfigured)
        {
            return ServiceError.Of(MissingKey);
        }

        return await SendAsync(http, system, user, temperature, cancellationToken, cancellationToken);
    }

    public async Task<ServiceResult<string>> CompleteOnceAsync(string system, string user, TimeSpan deadline, CancellationToken cancellationToken)
    {
        if (!Settings.IsConfigured)
        {
            return ServiceError.Of(MissingKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        return await SendAsync(clients.CreateClient(SingleAttemptClientName), system, user, null, timeout.Token, cancellationToken);
    }

    /// <summary>
    /// One whole answer through <paramref name="client"/>; <paramref name="token"/> bounds the call, and its cancellation
    /// is a timeout unless the caller's own <paramref name="cancellationToken"/> was cancelled (then it throws).
    /// </summary>
    private async Task<ServiceResult<string>> SendAsync(HttpClient client, string system, string user, double? temperature,
        CancellationToken token, CancellationToken cancellationToken)
    {
        using var request = BuildRequest(system, user, temperature, stream: false);
        try
        {
            using var response = await client.SendAsync(request, token);
            var text = await response.Content.ReadAsStringAsync(token);
            if (!response.IsSuccessStatusCode)
            {
                LogProviderFailure(logger, (int)response.StatusCode, Shorten(text));
                return ServiceError.Of($"{FailurePrefix}HTTP {(int)response.StatusCode}");
            }

            return ReadContent(text);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or InvalidOperationException or ExecutionRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogProviderException(logger, exception);
            return ServiceError.Of(FailurePrefix + Describe(exception));
        }
    }

    /// <summary><c>choices[0].message.content</c>, <c>""</c> when null or absent.</summary>
    private static string ReadContent(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices)
            || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return "";
        }

        return choices[0].ValueKind == JsonValueKind.Object && choices[0].TryGetProperty("message", out var message)
               && message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var content)
               && content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : "";
    }

    private HttpRequestMessage BuildRequest(string system, string user, double? temperature, bool stream)
    {
        var settings = Settings;
        var body = new JsonObject
        {
            ["model"] = settings.Model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = system },
                new JsonObject { ["role"] = "user", ["content"] = user }),
        };
        if (stream)
        {
            body["stream"] = true;
        }

        body["thinking"] = new JsonObject { ["type"] = "disabled" };
        if (temperature is { } value)
        {
            body["temperature"] = value;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, settings.BaseUrl.TrimEnd('/') + "/chat/completions")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        return request;
    }

    private static string Describe(Exception exception) => exception switch
    {
        BrokenCircuitException => "服务暂时不可用（连续失败，稍后再试）",
        Polly.Timeout.TimeoutRejectedException or OperationCanceledException => "超时",
        JsonException => "响应不是有效的 JSON",
        _ => exception.Message,
    };

    private static string Shorten(string text) => text.Length > 500 ? text[..500] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI provider answered HTTP {Status}: {Body}")]
    private static partial void LogProviderFailure(ILogger logger, int status, string body);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI provider call failed")]
    private static partial void LogProviderException(ILogger logger, Exception exception);
}

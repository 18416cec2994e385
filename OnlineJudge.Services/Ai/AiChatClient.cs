using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Ai;

/// <summary>One chat completion of the AI provider: the system and user prompts in, the answer's text out.</summary>
public interface IAiChatClient
{
    /// <summary>The answer, or the error to show (<c>缺少 AI_KEY</c>, <c>AI 服务调用失败: …</c>); failures are logged.</summary>
    Task<ServiceResult<string>> CompleteAsync(string system, string user, double? temperature, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="IAiChatClient"/> over an OpenAI-compatible <c>POST {BaseUrl}/chat/completions</c> (flowchart.md §3.1), a typed
/// <see cref="IHttpClientFactory"/> client whose timeout is <see cref="AiOptions.TimeoutSeconds"/>.
/// </summary>
public sealed partial class AiChatClient(HttpClient http, IOptions<AiOptions> options, ILogger<AiChatClient> logger) : IAiChatClient
{
    public async Task<ServiceResult<string>> CompleteAsync(string system, string user, double? temperature, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.ApiKey))
        {
            return ServiceError.Of("缺少 AI_KEY");
        }

        var body = new JsonObject
        {
            ["model"] = settings.Model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = system },
                new JsonObject { ["role"] = "user", ["content"] = user }),
            ["thinking"] = new JsonObject { ["type"] = "disabled" },
        };
        if (temperature is { } value)
        {
            body["temperature"] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.BaseUrl.TrimEnd('/') + "/chat/completions")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogProviderFailure(logger, (int)response.StatusCode, text.Length > 500 ? text[..500] : text);
                return ServiceError.Of($"AI 服务调用失败: HTTP {(int)response.StatusCode}");
            }

            using var document = JsonDocument.Parse(text);
            var content = document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            return content ?? "";
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException
            or IndexOutOfRangeException or InvalidOperationException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogProviderException(logger, exception);
            return ServiceError.Of("AI 服务调用失败: " + (exception is OperationCanceledException ? "超时" : exception.Message));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI provider answered HTTP {Status}: {Body}")]
    private static partial void LogProviderFailure(ILogger logger, int status, string body);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI provider call failed")]
    private static partial void LogProviderException(ILogger logger, Exception exception);
}

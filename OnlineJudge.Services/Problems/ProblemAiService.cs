using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Problems;

/// <summary>
/// The two AI helpers of the problem editor (problem.md §2.16, §2.17): one OpenAI-compatible chat completion each
/// (flowchart.md §3.1). Settings: <c>Ai:BaseUrl</c> (default https://api.deepseek.com), <c>Ai:ApiKey</c> (else the
/// environment variable <c>AI_KEY</c>), <c>Ai:Model</c> (default deepseek-v4-flash), <c>Ai:TimeoutSeconds</c> (default 120).
/// </summary>
public partial class ProblemAiService(IConfiguration configuration, ILogger<ProblemAiService> logger)
{
    public sealed record SqlGenerationDto(string Sql);

    public sealed record FlowchartGenerationDto(string Flowchart);

    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private const string SqlSystemPrompt =
        "你是一名 SQL 出题助手。请根据用户给出的标准答案 SQL，推断它所需要的表结构，编写一个自洽的 SQLite 初始化脚本"
        + "（CREATE TABLE 语句和 INSERT 语句）。数据要让标准答案产生有意义的结果：查询题要既有被选中的行，也有被过滤掉的行；"
        + "修改题要既有被修改的行，也有保持不变的行。只输出脚本本身，不要使用代码块标记，不要任何解释。";

    private const string FlowchartSystemPrompt =
        "Convert the user's Python code into a flowchart written as plain Mermaid text. Wrap every node text that contains "
        + "parentheses in quotes, and take care to choose single or double quotes so that the quotes inside the text stay valid. "
        + "Return only the Mermaid code, without code fences and without any explanation.";

    public async Task<ServiceResult<SqlGenerationDto>> GenerateSqlAsync(string? refSql, string? mode, CancellationToken cancellationToken)
    {
        var result = await CompleteAsync(SqlSystemPrompt, $"题型：{mode ?? "query"}\n标准答案：\n{refSql ?? ""}", null, cancellationToken);
        return result.Error is { } error ? error : new SqlGenerationDto(result.Data!);
    }

    public async Task<ServiceResult<FlowchartGenerationDto>> GenerateFlowchartAsync(string? python, CancellationToken cancellationToken)
    {
        var result = await CompleteAsync(FlowchartSystemPrompt, python ?? "", 0, cancellationToken);
        return result.Error is { } error ? error : new FlowchartGenerationDto(result.Data!);
    }

    private async Task<ServiceResult<string>> CompleteAsync(string system, string user, double? temperature, CancellationToken cancellationToken)
    {
        var key = configuration["Ai:ApiKey"];
        if (string.IsNullOrEmpty(key))
        {
            key = configuration["AI_KEY"];
        }

        if (string.IsNullOrEmpty(key))
        {
            return ServiceError.Of("缺少 AI_KEY");
        }

        var baseUrl = (configuration["Ai:BaseUrl"] is { Length: > 0 } configured ? configured : "https://api.deepseek.com").TrimEnd('/');
        var model = configuration["Ai:Model"] is { Length: > 0 } name ? name : "deepseek-v4-flash";
        var timeout = int.TryParse(configuration["Ai:TimeoutSeconds"], out var seconds) && seconds > 0 ? seconds : 120;

        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = system },
                new JsonObject { ["role"] = "user", ["content"] = user }),
            ["thinking"] = new JsonObject { ["type"] = "disabled" },
        };
        if (temperature is { } value)
        {
            body["temperature"] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/chat/completions")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(TimeSpan.FromSeconds(timeout));
        try
        {
            using var response = await Http.SendAsync(request, timeoutSource.Token);
            var text = await response.Content.ReadAsStringAsync(timeoutSource.Token);
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

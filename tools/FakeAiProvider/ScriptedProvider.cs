using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tools.FakeAi;

/// <summary>What kind of call a chat request is, read from its prompts (the data items the spec fixes for each).</summary>
public enum ScriptedReplyKind
{
    /// <summary>Any <c>"stream": true</c> call: the learning analysis, a hint, a class report.</summary>
    StreamedAnalysis,

    /// <summary>Flowchart grading: its system prompt asks for <c>criteria_details</c> (flowchart.md §3.2).</summary>
    FlowchartGrade,

    /// <summary>The login summary: its system prompt asks for a last line starting with <c>结论：</c> (ai.md §4.2).</summary>
    LoginSummary,

    /// <summary>The problem editor's Python → Mermaid helper.</summary>
    MermaidFromPython,

    /// <summary>The problem editor's SQL data helper.</summary>
    SqlScript,

    Other,
}

/// <summary>
/// The answers of the fake provider a person runs (<see cref="FakeAiProgram"/>): for each kind of call a fixed reply
/// our server accepts — a grade as a fenced JSON block, a one-line summary with its <c>结论：</c> line, a Markdown analysis
/// streamed in several chunks. Any non-empty bearer key is accepted; without one it answers 401 as a real provider.
/// </summary>
public sealed class ScriptedProvider(TimeSpan replyDelay, TimeSpan chunkDelay, Action<string>? log = null)
{
    public const string FlowchartGrade = """
        评分如下：
        ```json
        {
          "score": 86,
          "grade": "A",
          "feedback": "流程清晰，输入、判断和输出都齐全；循环结束条件可以写得更明确。",
          "suggestions": "【重点】在判断框中写明循环结束条件\n输出前可以说明输出的内容",
          "criteria_details": {
            "逻辑正确性": {"score": 35, "max": 40, "comment": "主要逻辑正确"},
            "完整性": {"score": 26, "max": 30, "comment": "步骤基本齐全"},
            "规范性": {"score": 17, "max": 20, "comment": "符号使用规范"},
            "清晰度": {"score": 8, "max": 10, "comment": "布局清楚"}
          }
        }
        ```
        """;

    public const string LoginSummary = "这段时间提交积极，通过率也不错，可以多挑战一些新题。\n结论：保持节奏，继续加油！";

    public const string MermaidFromPython = "flowchart TD\n    A([开始]) --> B[/输入 n/]\n    B --> C{n > 0?}\n    C -- 是 --> D[/输出 正数/]\n    C -- 否 --> E[/输出 非正数/]\n    D --> F([结束])\n    E --> F";

    public const string SqlScript = "CREATE TABLE student (id INTEGER PRIMARY KEY, name TEXT, score INTEGER);\nINSERT INTO student VALUES (1, '张三', 90), (2, '李四', 58), (3, '王五', 75);";

    public const string Other = "这是本地假 AI 服务的回答。";

    /// <summary>The streamed analysis, one fragment per chunk.</summary>
    public static readonly string[] Analysis =
    [
        "## 学习情况分析\n\n",
        "这段时间你一共完成了不少练习，",
        "**通过率**保持在不错的水平。",
        "\n\n### 做得好的地方\n\n",
        "- 坚持每周都有提交\n",
        "- 流程图的结构越来越清楚\n",
        "\n### 可以改进的地方\n\n",
        "- 提交前多自己测试几组边界数据\n",
        "- 遇到错误先读懂判题结果再修改\n",
        "\n继续加油，下一道题一定能一次通过！",
    ];

    public async Task<IResult> AnswerAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path.Value?.EndsWith(ChatCompletions.Path, StringComparison.Ordinal) != true)
        {
            return Results.NotFound();
        }

        if (context.Request.Headers.Authorization.FirstOrDefault() is not { Length: > 7 } authorization
            || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            log?.Invoke("refused with 401: no bearer key (set Ai:ApiKey to any text)");
            return Results.Json(new { error = new { message = "Missing API key", type = "invalid_request_error" } }, statusCode: 401);
        }

        var kind = KindOf(FakeUpstream.BodyOf(context));
        log?.Invoke($"chat completion: {kind}");
        if (kind == ScriptedReplyKind.StreamedAnalysis)
        {
            return new ScriptedStream(Analysis) { Delay = chunkDelay };
        }

        try
        {
            await Task.Delay(replyDelay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            log?.Invoke($"chat completion: {kind}, the caller gave up before the reply");
            return Results.Empty;
        }

        return ChatCompletions.Reply(ReplyFor(kind));
    }

    public static string ReplyFor(ScriptedReplyKind kind) => kind switch
    {
        ScriptedReplyKind.FlowchartGrade => FlowchartGrade,
        ScriptedReplyKind.LoginSummary => LoginSummary,
        ScriptedReplyKind.MermaidFromPython => MermaidFromPython,
        ScriptedReplyKind.SqlScript => SqlScript,
        _ => Other,
    };

    public static ScriptedReplyKind KindOf(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } request)
        {
            return ScriptedReplyKind.Other;
        }

        if (request.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            return ScriptedReplyKind.StreamedAnalysis;
        }

        var system = request.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
                     && messages.GetArrayLength() > 0 && messages[0].TryGetProperty("content", out var content)
                     && content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : "";
        return system switch
        {
            _ when system.Contains("criteria_details", StringComparison.Ordinal) => ScriptedReplyKind.FlowchartGrade,
            _ when system.Contains("结论：", StringComparison.Ordinal) => ScriptedReplyKind.LoginSummary,
            _ when system.Contains("Mermaid", StringComparison.OrdinalIgnoreCase) => ScriptedReplyKind.MermaidFromPython,
            _ when system.Contains("SQL", StringComparison.Ordinal) => ScriptedReplyKind.SqlScript,
            _ => ScriptedReplyKind.Other,
        };
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>A grade read from the model's reply.</summary>
public sealed record FlowchartReply(double Score, string Grade, string Feedback, string Suggestions, JsonElement CriteriaDetails);

/// <summary>A reply that cannot be used; the message is what the student sees and what the failure frame carries.</summary>
public sealed class FlowchartReplyException(string message) : Exception(message);

/// <summary>
/// Reads the grading reply (flowchart.md §3.3): the JSON object of the first fenced block, else the text from the first
/// <c>{</c> to the last <c>}</c>; <c>score</c>, <c>grade</c> and <c>feedback</c> required, <c>suggestions</c> and
/// <c>criteria_details</c> optional. Where the spec is silent (docs/decisions.md, Flowcharts): a score must be a number
/// (or a numeric text) and is clamped to 0–100; a grade must be a non-empty text of at most 10 characters, kept as sent;
/// a list of suggestions is joined one per line.
/// </summary>
public static partial class FlowchartReplyParser
{
    public const string NoJson = "AI响应中未找到JSON数据";
    public const string MissingScoreOrGrade = "AI响应缺少必要字段: score 或 grade";
    public const string MissingFeedback = "AI响应缺少必要字段: feedback";

    public static FlowchartReply Parse(string content)
    {
        var json = ExtractJson(content);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new FlowchartReplyException("AI响应中的JSON无法解析: " + exception.Message);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FlowchartReplyException(NoJson);
        }

        if (!root.TryGetProperty("score", out var score) || !root.TryGetProperty("grade", out var grade))
        {
            throw new FlowchartReplyException(MissingScoreOrGrade);
        }

        if (!root.TryGetProperty("feedback", out var feedback))
        {
            throw new FlowchartReplyException(MissingFeedback);
        }

        var suggestions = root.TryGetProperty("suggestions", out var s) ? Suggestions(s) : "";
        var criteria = root.TryGetProperty("criteria_details", out var c) && c.ValueKind == JsonValueKind.Object
            ? c
            : JsonDocument.Parse("{}").RootElement.Clone();
        return new FlowchartReply(Score(score), Grade(grade), Text(feedback), suggestions, criteria);
    }

    private static string ExtractJson(string content)
    {
        var fenced = FencedJson().Match(content);
        if (fenced.Success)
        {
            return fenced.Groups[1].Value;
        }

        var first = content.IndexOf('{', StringComparison.Ordinal);
        var last = content.LastIndexOf('}');
        return first >= 0 && last > first ? content[first..(last + 1)] : throw new FlowchartReplyException(NoJson);
    }

    private static double Score(JsonElement score)
    {
        double value;
        if (score.ValueKind == JsonValueKind.Number)
        {
            value = score.GetDouble();
        }
        else if (score.ValueKind != JsonValueKind.String
                 || !double.TryParse(score.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            throw new FlowchartReplyException("AI响应中的分数无效: " + score.GetRawText());
        }

        return double.IsFinite(value) ? Math.Clamp(value, 0, 100) : throw new FlowchartReplyException("AI响应中的分数无效: " + score.GetRawText());
    }

    private static string Grade(JsonElement grade) =>
        grade.ValueKind == JsonValueKind.String && grade.GetString()!.Trim() is { Length: > 0 and <= 10 } text
            ? text
            : throw new FlowchartReplyException("AI响应中的等级无效: " + grade.GetRawText());

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    private static string Suggestions(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? string.Join('\n', value.EnumerateArray().Select(Text).Where(t => t.Length > 0))
        : Text(value);

    /// <summary>A fenced block (optionally marked <c>json</c>) holding an object: the shortest match up to a <c>}</c> before the closing fence.</summary>
    [GeneratedRegex(@"```(?:json)?\s*(\{[\s\S]*?\})\s*```")]
    private static partial Regex FencedJson();
}

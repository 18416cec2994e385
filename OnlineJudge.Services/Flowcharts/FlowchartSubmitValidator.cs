using System.Globalization;
using System.Text.Json;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>A submission that passed <see cref="FlowchartSubmitValidator"/>.</summary>
public sealed record ValidFlowchartSubmission(int ProblemId, string MermaidCode, JsonElement FlowchartData);

/// <summary>
/// The reference's serializer of a flowchart submission (flowchart.md §1.1): every failing field with its messages,
/// DRF's wording for the generic rules and the spec's for the three of its own.
/// </summary>
public static class FlowchartSubmitValidator
{
    public const int MaxMermaidLength = 50000;
    public const int MaxMermaidLines = 200;
    public const int MaxFlowchartDataLength = 500 * 1024;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The valid submission, or the field → messages map to answer.</summary>
    public static (ValidFlowchartSubmission? Value, Dictionary<string, string[]>? Errors) Validate(FlowchartSubmitRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var problemId = ProblemIdOf(request.ProblemId, errors);
        var mermaid = MermaidOf(request.MermaidCode, errors);
        var data = request.FlowchartData ?? EmptyObject;
        if (request.FlowchartData is { ValueKind: JsonValueKind.Null })
        {
            errors["flowchart_data"] = ["This field may not be null."];
        }
        else if (PythonJsonLength(data) > MaxFlowchartDataLength)
        {
            errors["flowchart_data"] = ["流程图数据过大"];
        }

        return errors.Count > 0 ? (null, errors) : (new ValidFlowchartSubmission(problemId!.Value, mermaid!, data), null);
    }

    private static int? ProblemIdOf(JsonElement? value, Dictionary<string, string[]> errors)
    {
        string? message = null;
        int? id = null;
        switch (value)
        {
            case null:
                message = "This field is required.";
                break;
            case { ValueKind: JsonValueKind.Null }:
                message = "This field may not be null.";
                break;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var n):
                id = n;
                break;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue:
                id = (int)d;
                break;
            case { ValueKind: JsonValueKind.String } text when int.TryParse(text.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                id = parsed;
                break;
            default:
                message = "A valid integer is required.";
                break;
        }

        if (message is not null)
        {
            errors["problem_id"] = [message];
        }

        return id;
    }

    private static string? MermaidOf(JsonElement? value, Dictionary<string, string[]> errors)
    {
        string? text = value switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            _ => null,
        };
        string? message = value switch
        {
            null => "This field is required.",
            { ValueKind: JsonValueKind.Null } => "This field may not be null.",
            _ when text is null => "Not a valid string.",
            _ when string.IsNullOrWhiteSpace(text) => "Mermaid代码不能为空",
            _ when text.Trim().Length > MaxMermaidLength => $"Ensure this field has no more than {MaxMermaidLength} characters.",
            _ when text.Split('\n').Count(line => !string.IsNullOrWhiteSpace(line)) > MaxMermaidLines => "流程图过于复杂，请简化后提交",
            _ => null,
        };
        if (message is not null)
        {
            errors["mermaid_code"] = [message];
            return null;
        }

        // DRF's CharField trims surrounding white space.
        return text!.Trim();
    }

    /// <summary>The length of Python's <c>json.dumps(value)</c>: <c>", "</c> and <c>": "</c> separators, non-ASCII as <c>\uXXXX</c>.</summary>
    public static long PythonJsonLength(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => 2 + value.EnumerateObject().Sum(p => StringLength(p.Name) + 2 + PythonJsonLength(p.Value))
                                + 2 * Math.Max(0, value.EnumerateObject().Count() - 1),
        JsonValueKind.Array => 2 + value.EnumerateArray().Sum(PythonJsonLength) + 2 * Math.Max(0, value.GetArrayLength() - 1),
        JsonValueKind.String => StringLength(value.GetString()!),
        JsonValueKind.True => 4,
        JsonValueKind.False => 5,
        JsonValueKind.Null => 4,
        _ => value.GetRawText().Length,
    };

    private static long StringLength(string text)
    {
        long length = 2;
        foreach (var c in text)
        {
            length += c switch
            {
                '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
                < ' ' or > '~' => 6,
                _ => 1,
            };
        }

        return length;
    }
}

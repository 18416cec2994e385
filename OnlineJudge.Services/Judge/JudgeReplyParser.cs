using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// Reads a JudgeServer reply (judge.md §3.3) strictly: anything but <c>{"err": string, "data": any}</c> or
/// <c>{"err": null, "data": [case, ...]}</c> with integer fields and distinct positive test-case numbers is malformed.
/// The cases of the stored <c>info</c> are sorted by test-case number (§4).
/// </summary>
public static class JudgeReplyParser
{
    public static JudgeCallResult Parse(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException exception)
        {
            return Malformed("not JSON: " + exception.Message);
        }

        if (root is not JsonObject reply || !reply.ContainsKey("err") || !reply.ContainsKey("data"))
        {
            return Malformed("not an object with err and data");
        }

        var err = reply["err"];
        if (err is not null)
        {
            if (err.GetValueKind() != JsonValueKind.String)
            {
                return Malformed("err is not a string");
            }

            var data = reply["data"];
            var message = data is null ? "" : data.GetValueKind() == JsonValueKind.String ? data.GetValue<string>() : data.ToJsonString();
            return JudgeCallResult.Of(new JudgeReply(err.GetValue<string>(), message, [], ToElement(reply)));
        }

        if (reply["data"] is not JsonArray cases || cases.Count == 0)
        {
            return Malformed("data is not a non-empty list of test cases");
        }

        var parsed = new List<(JudgeCaseResult Result, JsonNode Node)>();
        foreach (var node in cases)
        {
            if (node is not JsonObject item)
            {
                return Malformed("a test case is not an object");
            }

            if (!TryTestCaseNumber(item["test_case"], out var number) || number < 1)
            {
                return Malformed("a test case has no positive test_case number");
            }

            if (!TryInteger(item["result"], out var result) || !TryInteger(item["cpu_time"], out var cpuTime) || !TryInteger(item["memory"], out var memory))
            {
                return Malformed($"test case {number} lacks an integer result, cpu_time or memory");
            }

            if (result is < -1 or > 5)
            {
                return Malformed($"test case {number} has an unknown result {result}");
            }

            parsed.Add((new JudgeCaseResult((int)number, (int)result, (int)Math.Clamp(cpuTime, 0, int.MaxValue), Math.Max(memory, 0)), item));
        }

        if (parsed.Select(p => p.Result.TestCase).Distinct().Count() != parsed.Count)
        {
            return Malformed("a test case number appears twice");
        }

        parsed.Sort((a, b) => a.Result.TestCase.CompareTo(b.Result.TestCase));
        var sorted = new JsonArray([.. parsed.Select(p => p.Node.DeepClone())]);
        var stored = new JsonObject { ["err"] = null, ["data"] = sorted };
        return JudgeCallResult.Of(new JudgeReply(null, null, [.. parsed.Select(p => p.Result)], ToElement(stored)));
    }

    private static JudgeCallResult Malformed(string why) => new(JudgeCallOutcome.Malformed, null, why);

    private static JsonElement ToElement(JsonNode node) => JsonElement.Parse(node.ToJsonString());

    private static bool TryInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is JsonValue json && json.GetValueKind() == JsonValueKind.Number)
        {
            if (json.TryGetValue(out long whole))
            {
                value = whole;
                return true;
            }

            if (json.TryGetValue(out double real) && double.IsFinite(real) && Math.Abs(real) < long.MaxValue)
            {
                value = (long)real;
                return true;
            }
        }

        return false;
    }

    /// <summary>The JudgeServer sends the test-case key as a string (<c>"1"</c>); a number is accepted too.</summary>
    private static bool TryTestCaseNumber(JsonNode? node, out long value)
    {
        value = 0;
        if (node is JsonValue json && json.GetValueKind() == JsonValueKind.String)
        {
            return long.TryParse(json.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        return TryInteger(node, out value);
    }
}

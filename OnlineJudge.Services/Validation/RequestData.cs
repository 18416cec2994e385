using System.Text.Json;

namespace OnlineJudge.Services.Validation;

/// <summary>
/// The parsed "request data" of platform.md §4: the query string for GET/DELETE, the form for urlencoded bodies,
/// or the JSON value of a JSON body (any JSON value: object, array, string, number or null).
/// </summary>
public sealed class RequestData
{
    private RequestData(JsonElement? json, IReadOnlyDictionary<string, string[]>? form)
    {
        Json = json;
        Form = form;
    }

    /// <summary>The JSON body; null when the data came from a query string or a form.</summary>
    public JsonElement? Json { get; }

    /// <summary>Query string or urlencoded form, every value of every key in order; null for a JSON body.</summary>
    public IReadOnlyDictionary<string, string[]>? Form { get; }

    public static RequestData FromJson(JsonElement json) => new(json, null);

    public static RequestData FromForm(IReadOnlyDictionary<string, string[]> form) => new(null, form);

    public static RequestData Empty { get; } = FromForm(new Dictionary<string, string[]>());

    /// <summary>A single value as the reference's <c>data.get(name)</c> reads it: the last value of a form key, or a JSON object's member.</summary>
    public string? GetString(string name)
    {
        if (Form is not null)
        {
            return Form.TryGetValue(name, out var values) && values.Length > 0 ? values[^1] : null;
        }

        if (Json is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value))
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            };
        }

        return null;
    }
}

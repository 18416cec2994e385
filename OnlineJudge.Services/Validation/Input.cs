using System.Text;
using System.Text.Json;

namespace OnlineJudge.Services.Validation;

internal enum InputKind
{
    Null,
    String,
    Integer,
    Float,
    True,
    False,
    Array,
    Object,
}

/// <summary>One value to validate, seen as the Python value the reference would see: a JSON value, or form text.</summary>
internal readonly struct Input
{
    private static readonly IReadOnlyDictionary<string, string[]> NoForm = new Dictionary<string, string[]>();

    private readonly JsonElement element;
    private readonly string? text;
    private readonly IReadOnlyList<string>? texts;
    private readonly IReadOnlyDictionary<string, string[]>? form;

    private Input(InputKind kind, JsonElement element, string? text, IReadOnlyList<string>? texts, IReadOnlyDictionary<string, string[]>? form)
    {
        Kind = kind;
        this.element = element;
        this.text = text;
        this.texts = texts;
        this.form = form;
    }

    public InputKind Kind { get; }

    /// <summary>Set when the value is (part of) a form: DRF then uses its HTML-input rules.</summary>
    public IReadOnlyDictionary<string, string[]>? Form => form;

    public bool IsJson => text is null && texts is null && form is null && element.ValueKind != JsonValueKind.Undefined;

    public JsonElement Element => element;

    public static Input Null { get; } = new(InputKind.Null, default, null, null, null);

    public static Input False { get; } = new(InputKind.False, default, null, null, null);

    public static Input EmptyForm { get; } = FromForm(NoForm);

    public static Input EmptyObject { get; } = FromJson(JsonSerializer.SerializeToElement(new Dictionary<string, int>()));

    public static Input FromText(string value) => new(InputKind.String, default, value, null, null);

    public static Input FromTexts(IReadOnlyList<string> values) => new(InputKind.Array, default, null, values, null);

    public static Input FromForm(IReadOnlyDictionary<string, string[]> values) => new(InputKind.Object, default, null, null, values);

    public static Input FromJson(JsonElement value)
    {
        var kind = value.ValueKind switch
        {
            JsonValueKind.String => InputKind.String,
            JsonValueKind.Number => value.GetRawText().AsSpan().IndexOfAny(".eE") >= 0 ? InputKind.Float : InputKind.Integer,
            JsonValueKind.True => InputKind.True,
            JsonValueKind.False => InputKind.False,
            JsonValueKind.Array => InputKind.Array,
            JsonValueKind.Object => InputKind.Object,
            _ => InputKind.Null,
        };
        return new(kind, value, null, null, null);
    }

    public string Text => text ?? JsonString(element);

    public string NumberText => element.GetRawText();

    public int Count => texts?.Count ?? form?.Count ?? (Kind == InputKind.Array ? element.GetArrayLength() : Members().Count());

    public IEnumerable<Input> Items()
    {
        if (texts is not null)
        {
            return texts.Select(FromText);
        }

        return element.EnumerateArray().Select(FromJson);
    }

    /// <summary>Object members as Python's json.loads builds the dict: a repeated key keeps its first position and last value.</summary>
    public IEnumerable<KeyValuePair<string, Input>> Members()
    {
        if (form is not null)
        {
            return form.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Length > 0 ? FromText(pair.Value[^1]) : FromTexts(pair.Value)));
        }

        var members = new List<KeyValuePair<string, Input>>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var pair = KeyValuePair.Create(property.Name, FromJson(property.Value));
            if (positions.TryGetValue(property.Name, out var position))
            {
                members[position] = pair;
            }
            else
            {
                positions.Add(property.Name, members.Count);
                members.Add(pair);
            }
        }

        return members;
    }

    public bool TryGetMember(string name, out Input value)
    {
        if (element.TryGetProperty(name, out var member))
        {
            value = FromJson(member);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A JsonElement that outlives the request's JsonDocument.</summary>
    public JsonElement ToElement()
    {
        if (IsJson)
        {
            return element.Clone();
        }

        return Kind switch
        {
            InputKind.String => JsonSerializer.SerializeToElement(text),
            InputKind.Array => JsonSerializer.SerializeToElement(texts),
            InputKind.Object => JsonSerializer.SerializeToElement(Members().ToDictionary(pair => pair.Key, pair => pair.Value.Text)),
            InputKind.False => JsonSerializer.SerializeToElement(false),
            _ => JsonSerializer.SerializeToElement<object?>(null),
        };
    }

    private static string JsonString(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape (e.g. "\ud800"): Python keeps it in the str, so decode it by hand.
            return DecodeJsonString(value.GetRawText());
        }
    }

    private static string DecodeJsonString(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            c = raw[++i];
            switch (c)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    builder.Append((char)Convert.ToInt32(raw.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}

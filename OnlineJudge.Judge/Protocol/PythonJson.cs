using System.Globalization;
using System.Text;

namespace OnlineJudge.Judge.Protocol;

/// <summary>
/// Writes JSON exactly as Python's <c>json.dumps</c> with default arguments, which the upstream JudgeServer uses for every
/// answer: <c>", "</c> and <c>": "</c> separators, every non-ASCII character escaped as lowercase <c>\uXXXX</c>, floats in
/// their shortest round-trip form with a <c>.0</c> when integral. Objects are ordered key/value lists so that key order is kept.
/// </summary>
public static class PythonJson
{
    public static string Serialize(object? value)
    {
        var builder = new StringBuilder(256);
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case string s:
                WriteString(builder, s);
                break;
            case int or long:
                builder.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                WriteFloat(builder, d);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                WriteObject(builder, pairs);
                break;
            case System.Collections.IEnumerable items:
                WriteArray(builder, items);
                break;
            default:
                throw new ArgumentException($"PythonJson cannot write {value.GetType().Name}", nameof(value));
        }
    }

    private static void WriteObject(StringBuilder builder, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        builder.Append('{');
        var first = true;
        foreach (var (key, item) in pairs)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            WriteString(builder, key);
            builder.Append(": ");
            Write(builder, item);
        }

        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, System.Collections.IEnumerable items)
    {
        builder.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            Write(builder, item);
        }

        builder.Append(']');
    }

    private static void WriteFloat(StringBuilder builder, double value)
    {
        if (double.IsNaN(value))
        {
            builder.Append("NaN");
            return;
        }

        if (double.IsInfinity(value))
        {
            builder.Append(value > 0 ? "Infinity" : "-Infinity");
            return;
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        builder.Append(text);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            builder.Append(".0");
        }
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}

/// <summary>An ordered JSON object for <see cref="PythonJson"/>.</summary>
public sealed class JsonFields : List<KeyValuePair<string, object?>>
{
    public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));
}

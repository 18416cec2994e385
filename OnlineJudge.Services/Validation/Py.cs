using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace OnlineJudge.Services.Validation;

/// <summary>The few Python built-ins whose exact behaviour DRF's messages and coercions depend on.</summary>
internal static partial class Py
{
    /// <summary>str.isspace(): .NET's white space plus the four ASCII separators U+001C..U+001F.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    public static string Strip(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsSpace(value[start]))
        {
            start++;
        }

        while (end > start && IsSpace(value[end - 1]))
        {
            end--;
        }

        return start == 0 && end == value.Length ? value : value[start..end];
    }

    /// <summary>len(str): code points, so a surrogate pair counts once.</summary>
    public static int Length(string value)
    {
        var length = value.Length;
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    public static string TypeName(Input input) => input.Kind switch
    {
        InputKind.Null => "NoneType",
        InputKind.String => "str",
        InputKind.Integer => "int",
        InputKind.Float => "float",
        InputKind.True or InputKind.False => "bool",
        InputKind.Array => "list",
        _ => "dict",
    };

    /// <summary>str(value) of the value json.loads (or a form) produced.</summary>
    public static string Str(Input input) => input.Kind == InputKind.String ? input.Text : Repr(input);

    public static string Repr(Input input)
    {
        switch (input.Kind)
        {
            case InputKind.Null: return "None";
            case InputKind.True: return "True";
            case InputKind.False: return "False";
            case InputKind.Integer: return BigInteger.Parse(input.NumberText, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            case InputKind.Float: return FloatRepr(ParseJsonFloat(input.NumberText));
            case InputKind.String: return ReprString(input.Text);
            case InputKind.Array: return "[" + string.Join(", ", input.Items().Select(Repr)) + "]";
            default: return "{" + string.Join(", ", input.Members().Select(pair => ReprString(pair.Key) + ": " + Repr(pair.Value))) + "}";
        }
    }

    public static double ParseJsonFloat(string raw) => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>repr(float): shortest round-trip digits, exponent form when the exponent is &lt; -4 or &gt;= 16.</summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0)
        {
            return sign + "0.0";
        }

        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        point -= leadingZeros;

        string body;
        if (point is < -3 or > 16)
        {
            var scientific = point - 1;
            body = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : string.Empty) + "e"
                + (scientific < 0 ? "-" : "+") + Math.Abs(scientific).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (point <= 0)
        {
            body = "0." + new string('0', -point) + digits;
        }
        else if (point >= digits.Length)
        {
            body = digits + new string('0', point - digits.Length) + ".0";
        }
        else
        {
            body = digits[..point] + "." + digits[point..];
        }

        return sign + body;
    }

    /// <summary>int(text) for a str: surrounding white space, a sign, Unicode decimal digits, single underscores between digits.</summary>
    public static bool TryParseInt(string text, out BigInteger value)
    {
        value = default;
        var s = Strip(text);
        var start = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        var digits = AsciiDigits(s.AsSpan(start));
        if (digits is null)
        {
            return false;
        }

        value = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        if (start == 1 && s[0] == '-')
        {
            value = -value;
        }

        return true;
    }

    /// <summary>float(text) for a str.</summary>
    public static bool TryParseFloat(string text, out double value)
    {
        value = default;
        var s = Strip(text);
        var unsigned = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        var negative = s.Length > 0 && s[0] == '-';
        switch (unsigned.ToLowerInvariant())
        {
            case "inf" or "infinity":
                value = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
        }

        var ascii = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            ascii.Append(char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c);
        }

        var normalized = ascii.ToString();
        if (!FloatLiteral().IsMatch(normalized))
        {
            return false;
        }

        value = double.Parse(normalized.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>How a validator limit prints; the reference declares its float limits as integers (e.g. 100, not 100.0).</summary>
    public static string FormatLimit(double limit) =>
        double.IsInteger(limit) && Math.Abs(limit) < 1e16 ? ((long)limit).ToString(CultureInfo.InvariantCulture) : FloatRepr(limit);

    public static string ReprString(string value)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder(value.Length + 2).Append(quote);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == quote || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '\t')
            {
                builder.Append("\\t");
            }
            else if (c == '\n')
            {
                builder.Append("\\n");
            }
            else if (c == '\r')
            {
                builder.Append("\\r");
            }
            else if (c < ' ' || c == '\x7f')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else if (c < '\x7f')
            {
                builder.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var rune = new Rune(c, value[++i]);
                if (IsPrintable(Rune.GetUnicodeCategory(rune)))
                {
                    builder.Append(c).Append(value[i]);
                }
                else
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
                }
            }
            else if (!char.IsSurrogate(c) && IsPrintable(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(c <= '\xff' ? "\\x" : "\\u").Append(((int)c).ToString(c <= '\xff' ? "x2" : "x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append(quote).ToString();
    }

    private static bool IsPrintable(UnicodeCategory category) => category is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);

    /// <summary>Digits with single underscores between them, as ASCII; null when that is not what the text is.</summary>
    private static string? AsciiDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && i > 0 && i + 1 < text.Length && text[i - 1] != '_' && char.IsDigit(text[i + 1]))
            {
                continue;
            }

            if (!char.IsDigit(c))
            {
                return null;
            }

            builder.Append((char)('0' + (int)char.GetNumericValue(c)));
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^[+-]?(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)(?:[eE][+-]?[0-9](?:_?[0-9])*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex FloatLiteral();
}

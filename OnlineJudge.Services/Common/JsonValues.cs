using System.Globalization;
using System.Numerics;
using System.Text.Json;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Common;

/// <summary>
/// Reads of request values that the reference took without a validator, as its ORM would have taken them.
/// </summary>
public static class JsonValues
{
    /// <summary>
    /// An id as the ORM converts it: a JSON integer (or an integral number such as <c>5.0</c>), or a string holding an
    /// integer (Python's <c>int()</c>); within the 32-bit range.
    /// </summary>
    public static bool TryGetInteger(JsonElement value, out int result)
    {
        result = 0;
        if (!TryGetInt64(value, out var number) || number is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        result = (int)number;
        return true;
    }

    /// <summary>The same within the 64-bit range (<c>bigint</c> ids).</summary>
    public static bool TryGetInt64(JsonElement value, out long result)
    {
        result = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out result):
                return true;
            case JsonValueKind.Number when value.TryGetDouble(out var number) && number == Math.Floor(number)
                                          && number is >= -9.2e18 and <= 9.2e18:
                result = (long)number;
                return true;
            case JsonValueKind.String when Py.TryParseInt(value.GetString()!, out var parsed) && parsed >= long.MinValue && parsed <= long.MaxValue:
                result = (long)parsed;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// What a Django <c>BooleanField</c> stores: <c>true</c>/<c>false</c>, the numbers 1 and 0, and the strings
    /// <c>"t"</c>, <c>"True"</c>, <c>"1"</c>, <c>"f"</c>, <c>"False"</c>, <c>"0"</c>.
    /// </summary>
    public static bool TryGetDjangoBoolean(JsonElement value, out bool result)
    {
        result = false;
        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                result = value.GetBoolean();
                return true;
            case JsonValueKind.Number when value.TryGetDouble(out var number) && number is 0 or 1:
                result = number == 1;
                return true;
            case JsonValueKind.String:
                switch (value.GetString())
                {
                    case "t" or "True" or "1":
                        result = true;
                        return true;
                    case "f" or "False" or "0":
                        return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// A JSON integer as Python's <c>isinstance(value, int)</c> sees it: an integer literal (no fraction or exponent), or
    /// <c>true</c>/<c>false</c> as 1/0. False for floats such as <c>5.0</c>, strings and values beyond the 32-bit range.
    /// </summary>
    public static bool TryGetStrictInteger(JsonElement value, out int result)
    {
        result = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                result = value.GetBoolean() ? 1 : 0;
                return true;
            case JsonValueKind.Number:
                var raw = value.GetRawText();
                return raw.IndexOfAny(['.', 'e', 'E']) < 0 && BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)
                       && big >= int.MinValue && big <= int.MaxValue && (result = (int)big) == result;
            default:
                return false;
        }
    }

    /// <summary>Python's falsiness of a JSON value: null, false, 0, "", [] and {}.</summary>
    public static bool IsFalsy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.Number => value.TryGetDouble(out var number) && number == 0,
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        _ => false,
    };
}

using System.Globalization;

namespace OnlineJudge.Data.Paging;

/// <summary>
/// <c>limit</c> and <c>offset</c> as platform.md §7 reads them: limit defaults to 10 and falls back to 10 when not an
/// integer or outside 0..250; offset defaults to 0 and falls back to 0 when not an integer or negative.
/// </summary>
public readonly record struct PageRequest(int Limit, int Offset)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 250;

    public static PageRequest Parse(string? limit, string? offset)
    {
        var parsedLimit = TryParsePythonInt(limit, out var l) && l is >= 0 and <= MaxLimit ? (int)l : DefaultLimit;
        var parsedOffset = TryParsePythonInt(offset, out var o) && o >= 0 ? (int)Math.Min(o, int.MaxValue) : 0;
        return new PageRequest(parsedLimit, parsedOffset);
    }

    /// <summary>An integer id as the reference's <c>int(value)</c> reads it, within the range of an <c>integer</c> column.</summary>
    public static bool TryParseId(string? text, out int id)
    {
        id = 0;
        if (!TryParsePythonInt(text, out var value) || value is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        id = (int)value;
        return true;
    }

    /// <summary>Python's <c>int()</c> on a string: surrounding whitespace and one leading sign allowed.</summary>
    public static bool TryParsePythonInt(string? text, out long value)
    {
        value = 0;
        if (text is null)
        {
            return false;
        }

        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}

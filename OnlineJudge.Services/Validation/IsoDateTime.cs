using System.Globalization;
using System.Text.RegularExpressions;

namespace OnlineJudge.Services.Validation;

/// <summary>
/// Django's parse_datetime: Python 3.12's datetime.fromisoformat, then Django's own, more lenient pattern.
/// ISO week dates are not supported.
/// </summary>
internal static partial class IsoDateTime
{
    public static bool TryParse(string value, out DateTime local, out TimeSpan? offset) =>
        TryFromIsoFormat(value, out local, out offset) || TryDjangoPattern(value, out local, out offset);

    private static bool TryFromIsoFormat(string s, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        if (s.Length < 8 || !TryDate(s, out var dateLength, out var year, out var month, out var day))
        {
            return false;
        }

        int[] time = [0, 0, 0, 0];
        if (s.Length > dateLength + 1)
        {
            var t = s[(dateLength + 1)..];
            var tzAt = t.IndexOf('-', StringComparison.Ordinal);
            tzAt = tzAt >= 0 ? tzAt : t.IndexOf('+', StringComparison.Ordinal);
            tzAt = tzAt >= 0 ? tzAt : t.IndexOf('Z', StringComparison.Ordinal);
            if (t.Length < 2 || !TryTime(tzAt < 0 ? t : t[..tzAt], out time))
            {
                return false;
            }

            if (tzAt >= 0 && tzAt == t.Length - 1 && t[^1] == 'Z')
            {
                offset = TimeSpan.Zero;
            }
            else if (tzAt >= 0)
            {
                var zone = t[(tzAt + 1)..];
                if (zone.Length is 0 or 1 or 3 || !TryTime(zone, out var z))
                {
                    return false;
                }

                var span = new TimeSpan(0, z[0], z[1], z[2]) + TimeSpan.FromMicroseconds(z[3]);
                if (span >= TimeSpan.FromHours(24))
                {
                    return false;
                }

                offset = t[tzAt] == '-' ? -span : span;
            }
        }
        else if (s.Length == dateLength + 1)
        {
            return false;
        }

        return TryBuild(year, month, day, time, out local);
    }

    private static bool TryDate(string s, out int length, out int year, out int month, out int day)
    {
        var extended = s[4] == '-';
        length = extended ? 10 : 8;
        year = month = day = 0;
        if (s.Length < length || (extended && s[7] != '-'))
        {
            return false;
        }

        return TryDigits(s, 0, 4, out year)
            && TryDigits(s, extended ? 5 : 4, 2, out month)
            && TryDigits(s, extended ? 8 : 6, 2, out day);
    }

    /// <summary>Python's _parse_hh_mm_ss_ff: HH[:?MM[:?SS[{.,}f+]]].</summary>
    private static bool TryTime(string t, out int[] parts)
    {
        parts = [0, 0, 0, 0];
        var pos = 0;
        var hasSeparator = false;
        for (var component = 0; component < 3; component++)
        {
            if (t.Length - pos < 2 || !TryDigits(t, pos, 2, out parts[component]))
            {
                return false;
            }

            pos += 2;
            if (pos >= t.Length || component >= 2)
            {
                break;
            }

            if (component == 0)
            {
                hasSeparator = t[pos] == ':';
            }

            if (hasSeparator && t[pos] != ':')
            {
                return false;
            }

            pos += hasSeparator ? 1 : 0;
        }

        if (pos >= t.Length)
        {
            return true;
        }

        if (t[pos] is not ('.' or ','))
        {
            return false;
        }

        var fraction = t[(pos + 1)..];
        if (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        parts[3] = int.Parse(fraction[..Math.Min(6, fraction.Length)].PadRight(6, '0'), CultureInfo.InvariantCulture);
        return true;
    }

    private static bool TryDjangoPattern(string s, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        var match = DjangoDateTime().Match(s);
        if (!match.Success)
        {
            return false;
        }

        int Group(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var micro = match.Groups["us"].Success ? int.Parse(match.Groups["us"].Value.PadRight(6, '0'), CultureInfo.InvariantCulture) : 0;
        var zone = match.Groups["tz"];
        if (zone.Success)
        {
            if (zone.Value == "Z")
            {
                offset = TimeSpan.Zero;
            }
            else
            {
                var minutes = 60 * int.Parse(zone.Value[1..3], CultureInfo.InvariantCulture)
                    + (zone.Value.Length > 3 ? int.Parse(zone.Value[^2..], CultureInfo.InvariantCulture) : 0);
                offset = TimeSpan.FromMinutes(zone.Value[0] == '-' ? -minutes : minutes);
                if (offset.Value.Duration() >= TimeSpan.FromHours(24))
                {
                    return false;
                }
            }
        }

        return TryBuild(Group("y"), Group("mo"), Group("d"), [Group("h"), Group("mi"), Group("s"), micro], out local);
    }

    private static bool TryBuild(int year, int month, int day, int[] time, out DateTime value)
    {
        value = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || time[0] > 23 || time[1] > 59 || time[2] > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, time[0], time[1], time[2], DateTimeKind.Unspecified).AddTicks(time[3] * 10L);
        return true;
    }

    private static bool TryDigits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2})[T ](?<h>[0-9]{1,2}):(?<mi>[0-9]{1,2})(?::(?<s>[0-9]{1,2})(?:[.,](?<us>[0-9]{1,6})[0-9]{0,6})?)?\s*(?<tz>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$")]
    private static partial Regex DjangoDateTime();
}

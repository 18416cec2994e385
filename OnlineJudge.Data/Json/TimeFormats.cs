using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnlineJudge.Data.Json;

/// <summary>
/// Timestamps as the reference renders them (platform.md §12): model times in UTC+08:00 (Asia/Shanghai, which has no
/// daylight saving), helper times in UTC with <c>Z</c>; microseconds only when non-zero.
/// </summary>
public static class TimeFormats
{
    public static readonly TimeSpan ShanghaiOffset = TimeSpan.FromHours(8);

    public static string ToShanghaiIso(DateTime value) => Format(ToUtc(value) + ShanghaiOffset, "+08:00");

    public static string ToUtcIso(DateTime value) => Format(ToUtc(value), "Z");

    /// <summary>Python's <c>isoformat()</c> of an aware UTC value: <c>2026-08-04T06:35:00.123456+00:00</c>.</summary>
    public static string ToUtcOffsetIso(DateTime value) => Format(ToUtc(value), "+00:00");

    /// <summary>Parses ISO 8601; a value without offset is Asia/Shanghai time. Returns UTC.</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        utc = HasOffset(text) ? parsed.UtcDateTime : DateTime.SpecifyKind(parsed.DateTime - ShanghaiOffset, DateTimeKind.Utc);
        return true;
    }

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (time < 0)
        {
            time = text.IndexOf(' ', StringComparison.Ordinal);
        }

        return time >= 0 && (text.IndexOf('+', time) >= 0 || text.IndexOf('-', time) >= 0);
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static string Format(DateTime value, string suffix)
    {
        var micros = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var main = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return micros == 0
            ? main + suffix
            : main + "." + micros.ToString("D6", CultureInfo.InvariantCulture) + suffix;
    }
}

/// <summary>Default for every <see cref="DateTime"/> in responses: <c>2026-08-07T15:19:10.789123+08:00</c>.</summary>
public sealed class ShanghaiDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeFormats.TryParse(reader.GetString(), out var utc) ? utc : throw new JsonException("Invalid date-time");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TimeFormats.ToShanghaiIso(value));
}

/// <summary>For the few fields the reference renders with <c>datetime2str</c>: <c>2026-08-07T07:19:10.789123Z</c>.</summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeFormats.TryParse(reader.GetString(), out var utc) ? utc : throw new JsonException("Invalid date-time");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TimeFormats.ToUtcIso(value));
}

/// <summary>A UTC time rendered by Python's <c>isoformat()</c>: <c>2026-08-04T06:35:00.123456+00:00</c> (admin achievements).</summary>
public sealed class UtcOffsetDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeFormats.TryParse(reader.GetString(), out var utc) ? utc : throw new JsonException("Invalid date-time");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TimeFormats.ToUtcOffsetIso(value));
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>user_stat</c> (achievement.md).</summary>
public class UserStat
{
    public long Id { get; set; }
    public UserMetrics Metrics { get; set; } = new();
    public DateTime UpdateTime { get; set; }
    public int UserId { get; set; }

    public User? User { get; set; }
}

/// <summary>
/// Shape of <c>user_stat.metrics</c>: metric key → integer (absent = no value yet), plus the
/// underscore-prefixed helper keys of the incremental updates (achievement.md §3.2).
/// </summary>
[JsonConverter(typeof(UserMetricsJsonConverter))]
public class UserMetrics
{
    /// <summary>Metric values by registry key (e.g. <c>accepted_count</c>).</summary>
    public Dictionary<string, int> Values { get; set; } = [];

    /// <summary><c>_active_dates</c>: local dates <c>YYYY-MM-DD</c> with a submission.</summary>
    public List<string>? ActiveDates { get; set; }

    /// <summary><c>_languages</c>: languages seen.</summary>
    public List<string>? Languages { get; set; }

    /// <summary><c>_last_ac_date</c> (<c>YYYY-MM-DD</c>).</summary>
    public string? LastAcDate { get; set; }

    /// <summary><c>_current_ac_streak</c>.</summary>
    public int? CurrentAcStreak { get; set; }

    /// <summary><c>_ac_per_day</c>: local date → first ACs that day.</summary>
    public Dictionary<string, int>? AcPerDay { get; set; }

    /// <summary>Keys that fit none of the above, kept verbatim so a save never loses them.</summary>
    public Dictionary<string, JsonElement> Other { get; set; } = [];
}

/// <summary>
/// The document mixes integer metrics with helper keys of other types, which neither a plain
/// dictionary nor a class with fixed properties can hold.
/// </summary>
public sealed class UserMetricsJsonConverter : JsonConverter<UserMetrics>
{
    private const string ActiveDatesKey = "_active_dates";
    private const string LanguagesKey = "_languages";
    private const string LastAcDateKey = "_last_ac_date";
    private const string CurrentAcStreakKey = "_current_ac_streak";
    private const string AcPerDayKey = "_ac_per_day";

    public override UserMetrics Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var metrics = new UserMetrics();
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return metrics;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!ReadKnown(metrics, property.Name, property.Value))
            {
                metrics.Other[property.Name] = property.Value.Clone();
            }
        }

        return metrics;
    }

    public override void Write(Utf8JsonWriter writer, UserMetrics value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, number) in value.Values)
        {
            writer.WriteNumber(key, number);
        }

        if (value.ActiveDates is not null)
        {
            WriteStrings(writer, ActiveDatesKey, value.ActiveDates);
        }

        if (value.Languages is not null)
        {
            WriteStrings(writer, LanguagesKey, value.Languages);
        }

        if (value.LastAcDate is not null)
        {
            writer.WriteString(LastAcDateKey, value.LastAcDate);
        }

        if (value.CurrentAcStreak is { } streak)
        {
            writer.WriteNumber(CurrentAcStreakKey, streak);
        }

        if (value.AcPerDay is not null)
        {
            writer.WriteStartObject(AcPerDayKey);
            foreach (var (day, count) in value.AcPerDay)
            {
                writer.WriteNumber(day, count);
            }

            writer.WriteEndObject();
        }

        foreach (var (key, element) in value.Other)
        {
            if (!value.Values.ContainsKey(key))
            {
                writer.WritePropertyName(key);
                element.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static bool ReadKnown(UserMetrics metrics, string name, JsonElement value)
    {
        switch (name)
        {
            case ActiveDatesKey:
                metrics.ActiveDates = ReadStrings(value);
                return metrics.ActiveDates is not null;
            case LanguagesKey:
                metrics.Languages = ReadStrings(value);
                return metrics.Languages is not null;
            case LastAcDateKey when value.ValueKind == JsonValueKind.String:
                metrics.LastAcDate = value.GetString();
                return true;
            case CurrentAcStreakKey when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var streak):
                metrics.CurrentAcStreak = streak;
                return true;
            case AcPerDayKey:
                metrics.AcPerDay = ReadCounts(value);
                return metrics.AcPerDay is not null;
            default:
                if (!name.StartsWith('_') && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
                {
                    metrics.Values[name] = number;
                    return true;
                }

                return false;
        }
    }

    private static List<string>? ReadStrings(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            list.Add(item.GetString()!);
        }

        return list;
    }

    private static Dictionary<string, int>? ReadCounts(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var counts = new Dictionary<string, int>();
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.Number || !item.Value.TryGetInt32(out var count))
            {
                return null;
            }

            counts[item.Name] = count;
        }

        return counts;
    }

    private static void WriteStrings(Utf8JsonWriter writer, string key, List<string> values)
    {
        writer.WriteStartArray(key);
        foreach (var item in values)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}

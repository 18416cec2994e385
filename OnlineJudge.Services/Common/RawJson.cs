using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnlineJudge.Services.Common;

/// <summary>
/// A JSON value kept as the UTF-8 text the response needs, written as it is: hot reads served from a snapshot of
/// response-ready rows (the contest rank) skip parsing and re-serialising them. The text must have been produced with
/// the response's JSON conventions (snake_case names, non-ASCII unescaped).
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson(byte[] utf8)
{
    public byte[] Utf8 { get; } = utf8;

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Utf8);
}

public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8, skipInputValidation: true);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnlineJudge.Data.Json;

/// <summary>Reads whole seconds that older reference versions stored as fractions (e.g. <c>ac_time: 83.52</c>), flooring them.</summary>
public sealed class FlooringInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetInt32(out var value) ? value : (int)Math.Floor(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

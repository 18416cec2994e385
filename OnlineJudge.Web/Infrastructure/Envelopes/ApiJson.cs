using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OnlineJudge.Data.Json;

namespace OnlineJudge.Web.Infrastructure.Envelopes;

/// <summary>The JSON of every response: snake_case names, timestamps in UTC+08:00, non-ASCII text unescaped.</summary>
public static class ApiJson
{
    public const string ContentType = "application/json;charset=UTF-8";

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.MaxDepth = 64;
        options.Converters.Add(new ShanghaiDateTimeConverter());
        return options;
    }
}

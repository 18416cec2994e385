using System.Text.Json;

namespace OnlineJudge.Data.Entities;

/// <summary>Shared initial values for opaque <c>jsonb</c> properties (a default <see cref="JsonElement"/> cannot be serialized).</summary>
public static class JsonDefaults
{
    public static readonly JsonElement EmptyObject = JsonElement.Parse("{}");
    public static readonly JsonElement Null = JsonElement.Parse("null");
}

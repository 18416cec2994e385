namespace OnlineJudge.Services.Common;

/// <summary>The response body of every API endpoint: <c>{"error": ..., "data": ...}</c> (platform.md §3).</summary>
public sealed class Envelope
{
    public string? Error { get; init; }

    public object? Data { get; init; }

    public static Envelope Of(ServiceError error) => new() { Error = error.Code, Data = error.Message };
}

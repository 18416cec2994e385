using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Resilience;
using StackExchange.Redis;

namespace OnlineJudge.Services.Realtime;

/// <summary>
/// Sends a JSON frame to every WebSocket of a fan-out group on every web instance (platform.md §17): the frame is
/// published on the Redis channel of the group; each instance's hub forwards it to its local sockets of that group.
/// Groups: <see cref="ConfigUpdatesGroup"/>, <see cref="SubmissionGroup"/>, <see cref="FlowchartGroup"/>.
/// A push is best effort: Redis being away never fails the request that pushes.
/// </summary>
public class RealtimePublisher(RedisGuard redis, ILogger<RealtimePublisher> logger)
{
    /// <summary>Channels are <c>ws:&lt;group&gt;</c>; the hub subscribes to the pattern.</summary>
    public const string ChannelPrefix = "ws:";

    public const string ConfigUpdatesGroup = "config_updates";

    /// <summary>Frames use snake_case names; values given as <see cref="JsonElement"/> are written as they are.</summary>
    public static readonly JsonSerializerOptions FrameJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string SubmissionGroup(int userId) => "submission_user_" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string FlowchartGroup(int userId) => "flowchart_user_" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static RedisChannel ChannelOf(string group) => RedisChannel.Literal(ChannelPrefix + group);

    /// <summary>Serialises <paramref name="frame"/> (snake_case) and publishes it to <paramref name="group"/>.</summary>
    public Task PublishAsync<T>(string group, T frame, CancellationToken cancellationToken = default) =>
        PublishRawAsync(group, JsonSerializer.Serialize(frame, FrameJson), cancellationToken);

    public async Task PublishRawAsync(string group, string json, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.RunAsync(_ => redis.Multiplexer.GetSubscriber().PublishAsync(ChannelOf(group), json), cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not publish a WebSocket frame to group {Group}", group);
        }
    }
}

/// <summary>The <c>config_update</c> frame of platform.md §17.</summary>
public sealed record ConfigUpdateFrame(string Key, JsonElement Value, string Type = "config_update");

public static class RealtimeRegistration
{
    /// <summary>Registers the publisher (a singleton: it only holds the shared Redis connection).</summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services) =>
        services.AddSingleton<RealtimePublisher>();
}

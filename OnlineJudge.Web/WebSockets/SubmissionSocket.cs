using System.Text.Json;
using OnlineJudge.Services.Submissions;
using OnlineJudge.Services.Realtime;

namespace OnlineJudge.Web.WebSockets;

/// <summary><c>/ws/submission/</c> (submission.md §3): the <c>subscribe</c> frame replays a submission's current state to its owner.</summary>
public static class SubmissionSocket
{
    public static async Task ReplayAsync(SocketConnection connection, JsonElement frame, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!frame.TryGetProperty("submission_id", out var idElement) || idElement.ValueKind != JsonValueKind.String
            || idElement.GetString() is not { Length: > 0 and <= 64 } id)
        {
            return;
        }

        var update = await services.GetRequiredService<SubmissionQueryService>().GetUpdateFrameAsync(id, connection.UserId, cancellationToken);
        if (update is not null)
        {
            connection.Enqueue(JsonSerializer.Serialize(update, RealtimePublisher.FrameJson));
        }
    }
}

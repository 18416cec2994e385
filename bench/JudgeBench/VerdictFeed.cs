using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

/// <summary>
/// The submitter's <c>/ws/submission/</c> socket (authenticated by the API key): the backend pushes a submission's
/// <c>finished</c> (or <c>error</c>) frame right after the transaction that stores its verdict commits. Each frame's
/// arrival is stamped with <see cref="Stopwatch.GetTimestamp"/>.
/// </summary>
internal sealed class VerdictFeed : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(long Stamp, int Result)>> verdicts = new(StringComparer.Ordinal);
    private readonly Task receiving;

    private VerdictFeed(ClientWebSocket socket)
    {
        this.socket = socket;
        receiving = ReceiveAsync();
    }

    public static async Task<VerdictFeed> ConnectAsync(Args options)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("APPKEY", options.ApiKey);
        var uri = new UriBuilder(options.Backend) { Scheme = options.Backend.StartsWith("https", StringComparison.Ordinal) ? "wss" : "ws", Path = "/ws/submission/" };
        await socket.ConnectAsync(uri.Uri, CancellationToken.None);
        return new VerdictFeed(socket);
    }

    /// <summary>The arrival time and result of the submission's verdict (waits for it).</summary>
    public Task<(long Stamp, int Result)> VerdictAsync(string submissionId) => Entry(submissionId).Task;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await receiving;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // closed
        }

        socket.Dispose();
        stop.Dispose();
    }

    private TaskCompletionSource<(long, int)> Entry(string id) =>
        verdicts.GetOrAdd(id, _ => new TaskCompletionSource<(long, int)>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!stop.IsCancellationRequested)
        {
            var part = await socket.ReceiveAsync(buffer, stop.Token);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                foreach (var waiting in verdicts.Values)
                {
                    waiting.TrySetException(new InvalidOperationException("the backend closed /ws/submission/"));
                }

                return;
            }

            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage)
            {
                continue;
            }

            var stamp = Stopwatch.GetTimestamp();
            using var frame = JsonDocument.Parse(message.ToArray());
            message.SetLength(0);
            var root = frame.RootElement;
            if (root.TryGetProperty("type", out var type) && type.GetString() == "submission_update"
                && root.GetProperty("status").GetString() is "finished" or "error")
            {
                Entry(root.GetProperty("submission_id").GetString()!).TrySetResult((stamp, root.GetProperty("result").GetInt32()));
            }
        }
    }
}

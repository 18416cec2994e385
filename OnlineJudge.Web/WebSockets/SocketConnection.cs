using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace OnlineJudge.Web.WebSockets;

/// <summary>
/// One accepted socket: frames to send wait in a small queue that a single writer drains (a WebSocket allows one
/// send at a time); when a slow client lets it fill up, the oldest frames are dropped.
/// </summary>
public sealed class SocketConnection(WebSocket socket, int userId)
{
    private readonly Channel<string> outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(256)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public Guid Id { get; } = Guid.NewGuid();

    public int UserId { get; } = userId;

    public WebSocket Socket { get; } = socket;

    public void Enqueue(string frame) => outgoing.Writer.TryWrite(frame);

    public void Complete() => outgoing.Writer.TryComplete();

    /// <summary>Sends queued frames until <see cref="Complete"/> or the socket closes.</summary>
    public async Task RunWriterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                if (Socket.State != WebSocketState.Open)
                {
                    break;
                }

                await Socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The socket went away; the reader loop ends the connection.
        }
    }
}

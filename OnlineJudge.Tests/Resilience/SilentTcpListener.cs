using System.Net;
using System.Net.Sockets;

namespace OnlineJudge.Tests.Resilience;

/// <summary>A TCP server that accepts connections and never answers: a hung Redis as its clients see it.</summary>
public sealed class SilentTcpListener : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> accepted = [];
    private readonly CancellationTokenSource stop = new();

    public SilentTcpListener()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (accepted)
        {
            foreach (var socket in accepted)
            {
                socket.Dispose();
            }
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                lock (accepted)
                {
                    accepted.Add(socket);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }
}

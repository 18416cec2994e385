using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace OnlineJudge.Tests.Resilience;

/// <summary>
/// A redis-server of the test's own, on a free port, that the test may kill, restart, pause (SIGSTOP: connections stay
/// open, nothing answers) and resume. Its append-only file survives a kill, as a real server's would.
/// </summary>
public sealed class TestRedisServer : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("oj-test-redis-").FullName;
    private Process? process;

    public int Port { get; } = FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory, "--save", "",
                     "--appendonly", "yes", "--appendfsync", "always",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",connectTimeout=200");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not answer on port {Port}");
    }

    /// <summary>Ends the server at once (SIGKILL): clients see their connections refused.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process = null;
    }

    /// <summary>SIGSTOP: the server keeps its connections and accepts new ones, but answers nothing.</summary>
    public void Pause() => Signal("-STOP");

    public void Resume() => Signal("-CONT");

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            Signal("-CONT");
        }

        Kill();
        Directory.Delete(directory, recursive: true);
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, process!.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Conf;

/// <summary>Legacy <c>GET /api/admin/versions</c>: the upstream release list is an option; tests never reach the internet.</summary>
[NonParallelizable]
public class VersionsTests : IntegrationTest
{
    private IConfiguration Configuration => TestEnvironment.Factory.Services.GetRequiredService<IConfiguration>();

    [SetUp]
    public void PointUpstreamNowhere()
    {
        Configuration["ReleaseNotes:UpstreamUrl"] = "http://127.0.0.1:9/data.json";
        Configuration["ReleaseNotes:TimeoutSeconds"] = "1";
    }

    [TearDown]
    public void TurnUpstreamOff() => Configuration["ReleaseNotes:UpstreamUrl"] = "";

    [Test]
    public async Task An_unreachable_upstream_answers_null()
    {
        await Client.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        var data = (await Client.GetAsync("/api/admin/versions")).Ok();
        Assert.That(data.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task An_upstream_release_list_is_returned_with_the_local_version()
    {
        using var upstream = new TinyHttpServer("""{"update": [{"version": "2026-08-01", "level": 1, "title": "Update"}]}""");
        Configuration["ReleaseNotes:UpstreamUrl"] = upstream.Url;
        Configuration["ReleaseNotes:LocalVersion"] = "2026-07-01";
        try
        {
            await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
            var data = (await Client.GetAsync("/api/admin/versions")).Ok();
            Assert.Multiple(() =>
            {
                Assert.That(data.GetProperty("update")[0].GetProperty("version").GetString(), Is.EqualTo("2026-08-01"));
                Assert.That(data.GetProperty("local_version").GetString(), Is.EqualTo("2026-07-01"));
            });
        }
        finally
        {
            Configuration["ReleaseNotes:LocalVersion"] = null;
        }
    }

    [Test]
    public async Task A_slow_or_malformed_upstream_answers_null()
    {
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        using (var malformed = new TinyHttpServer("<html>not json</html>"))
        {
            Configuration["ReleaseNotes:UpstreamUrl"] = malformed.Url;
            Assert.That((await Client.GetAsync("/api/admin/versions")).Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        }

        using (var slow = new TinyHttpServer("{}", delay: TimeSpan.FromSeconds(5)))
        {
            Configuration["ReleaseNotes:UpstreamUrl"] = slow.Url;
            var started = DateTime.UtcNow;
            Assert.That((await Client.GetAsync("/api/admin/versions")).Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(4)));
        }
    }

    [Test]
    public async Task Non_admins_are_stopped_by_the_admin_gate()
    {
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.GetAsync("/api/admin/versions")).AssertError("login-required", "Please login in first");
    }

    /// <summary>Answers every request with one fixed JSON body on a free local port.</summary>
    private sealed class TinyHttpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();

        public TinyHttpServer(string body, TimeSpan? delay = null)
        {
            listener.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/data.json";
            _ = ServeAsync(body, delay ?? TimeSpan.Zero);
        }

        public string Url { get; }

        private async Task ServeAsync(string body, TimeSpan delay)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    var stream = client.GetStream();
                    var buffer = new byte[4096];
                    _ = await stream.ReadAsync(buffer, stop.Token);
                    await Task.Delay(delay, stop.Token);
                    var payload = Encoding.UTF8.GetBytes(body);
                    var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(head, stop.Token);
                    await stream.WriteAsync(payload, stop.Token);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }
    }
}

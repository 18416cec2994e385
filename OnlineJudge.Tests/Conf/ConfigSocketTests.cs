using System.Net.WebSockets;
using OnlineJudge.Services.Realtime;
using OnlineJudge.Web.WebSockets;

namespace OnlineJudge.Tests.Conf;

/// <summary>platform.md §17: the <c>/ws/config/</c> socket and the config_update pushes of conf.md §2.</summary>
public class ConfigSocketTests : IntegrationTest
{
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(10);

    private static Task<WebSocket> ConnectAsync(string? sessionKey, string path = "/ws/config/") =>
        TestSockets.OpenAsync(TestEnvironment.Factory, path, sessionKey);

    private async Task<WebSocket> ConnectAsUserAsync() =>
        await TestSockets.ConnectAsync(TestEnvironment.Factory, "/ws/config/", await NewClient().LoginAsync(await new UserBuilder().BuildAsync()));

    private static Task SendAsync(WebSocket socket, string text) => TestSockets.SendAsync(socket, text);

    private static Task<JsonElement> ReceiveAsync(WebSocket socket) => TestSockets.ReceiveAsync(socket, FrameTimeout);

    [Test]
    public async Task Anonymous_upgrades_are_refused_before_acceptance()
    {
        var exception = Assert.CatchAsync(async () => await ConnectAsync(null));
        Assert.That(exception!.Message, Does.Contain("403"));

        var badSession = Assert.CatchAsync(async () => await ConnectAsync(new string('a', 32)));
        Assert.That(badSession!.Message, Does.Contain("403"));
    }

    [Test]
    public async Task A_plain_http_request_to_the_socket_path_is_a_bad_request()
    {
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        var response = await Client.Http.GetAsync("/ws/config/");
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Ping_is_answered_with_pong_carrying_the_same_timestamp()
    {
        using var socket = await ConnectAsUserAsync();
        await SendAsync(socket, "{\"type\":\"ping\",\"timestamp\":1764160000123}");
        var pong = await ReceiveAsync(socket);
        Assert.Multiple(() =>
        {
            Assert.That(pong.GetProperty("type").GetString(), Is.EqualTo("pong"));
            Assert.That(pong.GetProperty("timestamp").GetInt64(), Is.EqualTo(1764160000123));
        });
    }

    [Test]
    public async Task Bad_frames_and_client_config_updates_are_ignored_and_the_socket_stays_open()
    {
        using var socket = await ConnectAsUserAsync();
        using var other = await ConnectAsUserAsync();

        await SendAsync(socket, "not json");
        await SendAsync(socket, "[1, 2]");
        await SendAsync(socket, "{\"type\": 5}");
        await SendAsync(socket, "{\"type\":\"unknown\"}");
        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        await SendAsync(socket, "{\"type\":\"config_update\",\"key\":\"website_name\",\"value\":\"hacked\"}");
        await SendAsync(socket, "{\"type\":\"ping\",\"timestamp\":7}");

        var next = await ReceiveAsync(socket);
        Assert.That(next.GetProperty("type").GetString(), Is.EqualTo("pong"));
        Assert.That(next.GetProperty("timestamp").GetInt32(), Is.EqualTo(7));

        // The other socket got no re-broadcast: its next frame is the answer to its own ping.
        await SendAsync(other, "{\"type\":\"ping\",\"timestamp\":8}");
        Assert.That((await ReceiveAsync(other)).GetProperty("timestamp").GetInt32(), Is.EqualTo(8));
        Assert.That(socket.State, Is.EqualTo(WebSocketState.Open));
    }

    [Test]
    public async Task Saving_the_configuration_pushes_eight_config_updates_in_order_to_every_config_socket()
    {
        using var first = await ConnectAsUserAsync();
        using var second = await ConnectAsUserAsync();
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());

        (await Client.PostJsonAsync("/api/admin/website", WebsiteConfigTests.ValidConfig())).Ok();

        string[] keys = ["website_base_url", "website_name", "website_name_shortcut", "website_footer", "allow_register", "submission_list_show_all", "class_list", "enable_maxkb"];
        foreach (var socket in new[] { first, second })
        {
            var frames = new List<JsonElement>();
            for (var i = 0; i < keys.Length; i++)
            {
                frames.Add(await ReceiveAsync(socket));
            }

            Assert.Multiple(() =>
            {
                Assert.That(frames.Select(f => f.GetProperty("type").GetString()), Is.All.EqualTo("config_update"));
                Assert.That(frames.Select(f => f.GetProperty("key").GetString()), Is.EqualTo(keys));
                Assert.That(frames[1].GetProperty("value").GetString(), Is.EqualTo("School OJ"));
                Assert.That(frames[3].GetProperty("value").GetString(), Is.EqualTo("<p>Footer</p>"));
                Assert.That(frames[4].GetProperty("value").GetBoolean(), Is.False);
                Assert.That(frames[6].GetProperty("value").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "251", "2510" }));
                Assert.That(frames[7].GetProperty("value").GetBoolean(), Is.False);
            });
        }
    }

    [Test]
    public async Task A_closed_socket_leaves_its_group()
    {
        var hub = TestEnvironment.Factory.Services.GetRequiredService<WebSocketHub>();
        var before = hub.CountOf(RealtimePublisher.ConfigUpdatesGroup);
        var socket = await ConnectAsUserAsync();
        Assert.That(hub.CountOf(RealtimePublisher.ConfigUpdatesGroup), Is.EqualTo(before + 1));

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        socket.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (hub.CountOf(RealtimePublisher.ConfigUpdatesGroup) != before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.That(hub.CountOf(RealtimePublisher.ConfigUpdatesGroup), Is.EqualTo(before));
    }

    [Test]
    public async Task Pushes_published_through_redis_reach_the_group()
    {
        using var socket = await ConnectAsUserAsync();
        var publisher = TestEnvironment.Factory.Services.GetRequiredService<RealtimePublisher>();
        await publisher.PublishAsync(RealtimePublisher.ConfigUpdatesGroup, new ConfigUpdateFrame("enable_maxkb", JsonSerializer.SerializeToElement(true)));
        var frame = await ReceiveAsync(socket);
        Assert.Multiple(() =>
        {
            Assert.That(frame.GetProperty("type").GetString(), Is.EqualTo("config_update"));
            Assert.That(frame.GetProperty("key").GetString(), Is.EqualTo("enable_maxkb"));
            Assert.That(frame.GetProperty("value").GetBoolean(), Is.True);
        });
    }
}

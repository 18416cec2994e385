using System.Net.WebSockets;

namespace OnlineJudge.Tests.Flowcharts;

/// <summary><c>/ws/flowchart/</c> (flowchart.md §4, platform.md §17): authentication, ignored frames, pushes on any instance.</summary>
public class FlowchartSocketTests : FlowchartTestBase
{
    [Test]
    public async Task Every_socket_of_the_submitter_hears_the_grade_and_subscribe_is_ignored()
    {
        Provider.AnswerWith(GoodReply);
        var key = await Client.LoginAsync(Student);
        using var first = await TestSockets.ConnectAsync(TestEnvironment.Factory, "/ws/flowchart/", key);
        using var second = await TestSockets.ConnectAsync(TestEnvironment.Factory, "/ws/flowchart/", key);
        await TestSockets.SendAsync(first, "{\"type\":\"subscribe\",\"submission_id\":\"whatever\"}");
        await TestSockets.SendAsync(first, "not json");

        await SubmitAsync(Client, Problem);

        foreach (var socket in new[] { first, second })
        {
            var frame = await TestSockets.ReceiveAsync(socket);
            Assert.That(frame.GetRawText(), Is.EqualTo("""{"score":86,"grade":"A","type":"flowchart_evaluation_completed"}"""));
        }
    }

    [Test]
    public async Task Anonymous_sockets_are_refused()
    {
        var client = TestEnvironment.Factory.Server.CreateWebSocketClient();
        Assert.CatchAsync(async () => await client.ConnectAsync(new Uri("ws://localhost/ws/flowchart/"), CancellationToken.None));
    }

    [Test]
    public async Task A_grade_produced_on_one_instance_reaches_a_socket_on_another()
    {
        Provider.AnswerWith(GoodReply);
        // The second instance grades nothing: the grade is produced by the first one's worker.
        await using var second = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { ["Flowchart:WorkerEnabled"] = "false" });
        using var browser = new ApiClient(second);
        var key = await browser.LoginAsync(Student);
        using var socket = await TestSockets.ConnectAsync(second, "/ws/flowchart/", key);

        var id = await SubmitAsync(browser, Problem);
        var frame = await TestSockets.ReceiveAsync(socket);

        Assert.Multiple(() =>
        {
            Assert.That(frame.GetProperty("type").GetString(), Is.EqualTo("flowchart_evaluation_completed"));
            Assert.That(frame.GetProperty("grade").GetString(), Is.EqualTo("A"));
            Assert.That(second.Services.GetRequiredService<OnlineJudge.Services.Flowcharts.FlowchartWorker>().RunningCount, Is.Zero);
        });
        await WaitForSettledAsync(id, FlowchartSubmissionStatus.Completed);
        Assert.That(socket.State, Is.EqualTo(WebSocketState.Open));
    }
}

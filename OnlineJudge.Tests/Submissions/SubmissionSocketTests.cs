using System.Net.WebSockets;
using System.Text.Json;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary><c>/ws/submission/</c> (submission.md §3, judge.md §7): replays and judging pushes.</summary>
public class SubmissionSocketTests : JudgeTest
{
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A submission socket of the session; its ping is answered with the timestamp sent.</summary>
    private static async Task<WebSocket> ConnectAsync(string sessionKey)
    {
        var socket = await TestSockets.OpenAsync(TestEnvironment.Factory, "/ws/submission/", sessionKey);
        await TestSockets.SendAsync(socket, "{\"type\":\"ping\",\"timestamp\":7}");
        Assert.That((await ReceiveAsync(socket)).GetProperty("timestamp").GetInt32(), Is.EqualTo(7));
        return socket;
    }

    private static Task<JsonElement> ReceiveAsync(WebSocket socket) => TestSockets.ReceiveAsync(socket, FrameTimeout);

    [Test]
    public async Task The_submitter_s_sockets_hear_judging_then_the_verdict()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(teacher).BuildAsync();
        var key = await Client.LoginAsync(student);
        using var first = await ConnectAsync(key);
        using var second = await ConnectAsync(key);
        Judge.Reply = _ => FakeJudgeServer.Cases((0, 21, 4096), (0, 30, 1024));

        var id = await SubmitAsync(Client, problem);

        foreach (var socket in new[] { first, second })
        {
            var judging = await ReceiveAsync(socket);
            var finished = await ReceiveAsync(socket);
            Assert.Multiple(() =>
            {
                Assert.That(judging.GetRawText(), Is.EqualTo($"{{\"type\":\"submission_update\",\"submission_id\":\"{id}\",\"result\":7,\"status\":\"judging\"}}"));
                Assert.That(finished.GetProperty("type").GetString(), Is.EqualTo("submission_update"));
                Assert.That(finished.GetProperty("submission_id").GetString(), Is.EqualTo(id));
                Assert.That(finished.GetProperty("result").GetInt32(), Is.Zero);
                Assert.That(finished.GetProperty("status").GetString(), Is.EqualTo("finished"));
                Assert.That(finished.GetProperty("time_cost").GetInt32(), Is.EqualTo(30));
                Assert.That(finished.GetProperty("memory_cost").GetInt64(), Is.EqualTo(4096));
                Assert.That(finished.GetProperty("score").GetInt32(), Is.Zero);
            });
        }
    }

    [Test]
    public async Task Subscribing_replays_the_current_state_of_the_caller_s_own_submission_only()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var other = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(teacher).BuildAsync();
        var mine = await new SubmissionBuilder(student, problem).WithResult(JudgeStatus.WrongAnswer)
            .WithStatistic(new SubmissionStatisticInfo { TimeCost = 5, MemoryCost = 10 }).BuildAsync();
        var pending = await new SubmissionBuilder(student, problem).WithResult(JudgeStatus.Pending).WithStatistic(new SubmissionStatisticInfo()).BuildAsync();
        var theirs = await new SubmissionBuilder(other, problem).BuildAsync();
        using var socket = await ConnectAsync(await Client.LoginAsync(student));

        await TestSockets.SendAsync(socket, $"{{\"type\":\"subscribe\",\"submission_id\":\"{theirs.Id}\"}}");
        await TestSockets.SendAsync(socket, "{\"type\":\"subscribe\",\"submission_id\":\"missing\"}");
        await TestSockets.SendAsync(socket, "not json");
        await TestSockets.SendAsync(socket, $"{{\"type\":\"subscribe\",\"submission_id\":\"{mine.Id}\"}}");
        var replay = await ReceiveAsync(socket);
        await TestSockets.SendAsync(socket, $"{{\"type\":\"subscribe\",\"submission_id\":\"{pending.Id}\"}}");
        var waiting = await ReceiveAsync(socket);

        Assert.Multiple(() =>
        {
            Assert.That(replay.GetProperty("submission_id").GetString(), Is.EqualTo(mine.Id), "the other subscriptions were ignored");
            Assert.That(replay.GetProperty("status").GetString(), Is.EqualTo("finished"));
            Assert.That(replay.GetProperty("result").GetInt32(), Is.EqualTo(-1));
            Assert.That(replay.GetProperty("time_cost").GetInt32(), Is.EqualTo(5));
            Assert.That(waiting.GetRawText(), Is.EqualTo($"{{\"type\":\"submission_update\",\"submission_id\":\"{pending.Id}\",\"result\":6,\"status\":\"pending\"}}"));
        });
    }
}

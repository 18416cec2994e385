using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tests.Ai;

/// <summary>The four streamed answers (ai.md §2): the Server-Sent Events wire format, storing, errors, disconnects.</summary>
public class AiStreamTests : IntegrationTest
{
    private const string Normal = "event: start\n\ndata: {\"type\":\"delta\",\"content\":\"你好\"}\n\ndata: {\"type\":\"delta\",\"content\":\"，同学\"}\n\ndata: {\"type\":\"done\"}\n\nevent: end\n\n";

    private static FakeUpstream Provider => TestEnvironment.Upstream!;

    private static readonly object AnalysisBody = new { details = new { grade = "A", solved = Array.Empty<object>() }, duration = new[] { new { index = 0 } } };

    [Test]
    public async Task An_analysis_streams_event_by_event_and_is_stored_when_finished()
    {
        Provider.Answer(() => new ScriptedStream("你好", "，同学"));
        var student = await new UserBuilder().InClass("251").BuildAsync();
        await Client.LoginAsync(student);

        var response = await Client.PostJsonAsync("/api/ai/analysis", AnalysisBody);

        var request = Provider.ChatRequests().Single();
        await using var db = TestEnvironment.CreateDbContext();
        var stored = await db.AiAnalyses.AsNoTracking().SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.Body, Is.EqualTo(Normal));
            Assert.That(response.ContentType, Does.StartWith("text/event-stream"));
            Assert.That(response.Message.Headers.CacheControl?.NoCache, Is.True);
            Assert.That(response.Message.Headers.GetValues("X-Accel-Buffering"), Is.EqualTo(new[] { "no" }));
            Assert.That(request.GetProperty("stream").GetBoolean(), Is.True);
            Assert.That(request.GetProperty("model").GetString(), Is.EqualTo("deepseek-v4-flash"));
            Assert.That(request.GetProperty("messages").GetArrayLength(), Is.EqualTo(2));
            Assert.That(request.TryGetProperty("temperature", out _), Is.False);
            Assert.That(request.GetProperty("messages")[1].GetProperty("content").GetString(),
                Does.StartWith("这段时间内的详细数据: {\"grade\":\"A\",\"solved\":[]}").And.Contain("每周或每月的数据: [{\"index\":0}]"));
            Assert.That(Provider.Requests.Single().Authorization, Is.EqualTo("Bearer " + FakeUpstream.ApiKey));
            Assert.That(stored.UserId, Is.EqualTo(student.Id));
            Assert.That(stored.Analysis, Is.EqualTo("你好，同学"));
            Assert.That(stored.UserPrompt, Is.EqualTo("这段时间内的详细数据，每周或每月的数据。"));
            Assert.That(stored.SystemPrompt, Does.Contain("判题狗"));
            Assert.That(stored.Data.Details!.Value.GetProperty("grade").GetString(), Is.EqualTo("A"));
            Assert.That(stored.Data.Duration!.Value[0].GetProperty("index").GetInt32(), Is.Zero);
            Assert.That((stored.Provider, stored.Model, stored.IsPinned), Is.EqualTo(("deepseek", "deepseek-v4-flash", false)));
        });
    }

    [Test]
    public async Task A_refused_call_answers_error_then_end_and_stores_nothing()
    {
        Provider.Answer(() => Results.StatusCode(401));
        await Client.LoginAsync(await new UserBuilder().BuildAsync());

        var response = await Client.PostJsonAsync("/api/ai/analysis", AnalysisBody);

        await using var db = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(response.Body, Is.EqualTo("data: {\"type\":\"error\",\"message\":\"AI 服务调用失败: HTTP 401\"}\n\nevent: end\n\n"));
            Assert.That(Provider.ChatRequests(), Has.Count.EqualTo(1), "streams are not retried");
            Assert.That(await db.AiAnalyses.CountAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task A_stream_that_ends_without_a_finish_reason_has_no_done_and_stores_nothing()
    {
        Provider.Answer(() => new ScriptedStream("半句") { Finish = false });
        await Client.LoginAsync(await new UserBuilder().BuildAsync());

        var response = await Client.PostJsonAsync("/api/ai/analysis", new { });

        await using var db = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(response.Body, Is.EqualTo("event: start\n\ndata: {\"type\":\"delta\",\"content\":\"半句\"}\n\nevent: end\n\n"));
            Assert.That(await db.AiAnalyses.CountAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task Events_are_flushed_as_they_come_and_a_browser_that_leaves_stops_the_provider_call()
    {
        var stream = new ScriptedStream("第一段") { HoldOpen = true };
        Provider.Answer(() => stream);
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        using var leave = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ai/analysis") { Content = JsonContent.Create(AnalysisBody) };
        request.Headers.Add("X-CSRFToken", Client.EnsureCsrfToken());

        using var response = await Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, leave.Token);
        var body = await response.Content.ReadAsStreamAsync(leave.Token);
        var received = await ReadUntilAsync(body, "第一段", TimeSpan.FromSeconds(10));
        await leave.CancelAsync();
        body.Dispose();

        await stream.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        await using var db = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(received, Is.EqualTo("event: start\n\ndata: {\"type\":\"delta\",\"content\":\"第一段\"}\n\n"), "sent while the provider still talks");
            Assert.That(await db.AiAnalyses.CountAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task A_hint_is_built_from_the_caller_s_own_submission()
    {
        Provider.Answer(() => new ScriptedStream("想想边界"));
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(teacher).WithTitle("两数之和").WithAnswers(("C", "int main(){}"), ("Python3", "print(sum(map(int, input().split())))"))
            .BuildAsync();
        var mine = await new SubmissionBuilder(student, problem).WithLanguage("Python3").WithCode("print(1)").WithResult(JudgeStatus.WrongAnswer)
            .WithStatistic(new SubmissionStatisticInfo()).BuildAsync();
        var theirs = await new SubmissionBuilder(teacher, problem).BuildAsync();
        await Client.LoginAsync(student);

        (await Client.PostJsonAsync("/api/ai/hint", new { })).AssertError("error", "submission_id is required");
        (await Client.PostJsonAsync("/api/ai/hint", new { submission_id = theirs.Id })).AssertError("error", "Submission not found");
        var response = await Client.PostJsonAsync("/api/ai/hint", new { submission_id = mine.Id });

        var prompt = Provider.ChatRequests().Single().GetProperty("messages")[1].GetProperty("content").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(response.Body, Does.StartWith("event: start\n\n").And.EndWith("data: {\"type\":\"done\"}\n\nevent: end\n\n"));
            Assert.That(prompt, Does.StartWith("题目：两数之和\n题目描述：<p>description</p>\n"));
            Assert.That(prompt, Does.Contain("print(sum(map(int, input().split())))").And.Not.Contain("int main"));
            Assert.That(prompt, Does.Contain("学生提交语言：Python3\n判题结果：-1\n错误信息：无\n学生代码：\n```\nprint(1)\n```"));
        });
    }

    [Test]
    public async Task Class_reports_check_their_data_before_streaming()
    {
        Provider.Answer(() => new ScriptedStream("分析"));
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().BuildAsync());
        await Client.LoginAsync(teacher);
        var first = ClassItem("251", 78.54, withRecent: true);
        var second = ClassItem("252", 60, withRecent: false);

        (await Client.PostJsonAsync("/api/ai/class_pk", new { comparisons = new[] { first } })).AssertError("error", "至少需要2个班级的数据");
        (await Client.PostJsonAsync("/api/ai/class_pk", new { comparisons = new object[] { first, new { class_name = "253" } } }))
            .AssertError("error", "班级数据缺少字段: composite_score");
        (await student.PostJsonAsync("/api/ai/class_pk", new { comparisons = new[] { first, second } })).AssertError("permission-denied", "Please login first");
        (await student.PostJsonAsync("/api/ai/class_single", new { })).AssertError("error", "缺少班级数据");
        var pk = await Client.PostJsonAsync("/api/ai/class_pk", new { comparisons = new[] { first, second }, time_range_label = "最近一周" });
        var single = await student.PostJsonAsync("/api/ai/class_single", new { comparison = second });

        var prompts = Provider.ChatRequests().Select(r => r.GetProperty("messages")[1].GetProperty("content").GetString()!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pk.Body, Does.EndWith("data: {\"type\":\"done\"}\n\nevent: end\n\n"));
            Assert.That(single.Body, Does.EndWith("data: {\"type\":\"done\"}\n\nevent: end\n\n"));
            Assert.That(prompts[0], Does.StartWith("时间范围：最近一周\n"));
            Assert.That(prompts[0], Does.Contain("### 第1名：25计算机1班（综合分 78.5）").And.Contain("### 第2名：25计算机2班（综合分 60.0）"));
            Assert.That(prompts[0], Does.Contain("- 总 AC 数：120，总提交数：300，AC 率：40.0%").And.Contain("平均 AC：3.33"));
            Assert.That(prompts[0], Does.Contain("时间段内新增：AC 12，人均 1.50，中位数 0.00，前 10% 均值 4.00，活跃人数 6"));
            Assert.That(prompts[1], Does.StartWith("班级：25计算机2班\n").And.Contain("- 综合分：60.0").And.Not.Contain("时间段内新增"));
        });
    }

    [Test]
    public async Task Without_an_api_key_every_streamed_answer_says_so_at_once()
    {
        await using var keyless = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { ["Ai:ApiKey"] = "" });
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var submission = await new SubmissionBuilder(teacher, await new ProblemBuilder(teacher).BuildAsync()).BuildAsync();
        using var client = new ApiClient(keyless);
        await client.LoginAsync(teacher);

        Assert.Multiple(async () =>
        {
            (await client.PostJsonAsync("/api/ai/analysis", AnalysisBody)).AssertError("error", "缺少 AI_KEY");
            (await client.PostJsonAsync("/api/ai/hint", new { submission_id = submission.Id })).AssertError("error", "缺少 AI_KEY");
            (await client.PostJsonAsync("/api/ai/class_pk", new { comparisons = new[] { ClassItem("251", 1, false), ClassItem("252", 1, false) } }))
                .AssertError("error", "缺少 AI_KEY");
            (await client.PostJsonAsync("/api/ai/class_single", new { comparison = ClassItem("251", 1, false) })).AssertError("error", "缺少 AI_KEY");
            (await NewClient().PostJsonAsync("/api/ai/analysis", AnalysisBody)).AssertError("permission-denied", "Please login first");
            Assert.That(Provider.ChatRequests(), Is.Empty);
        });
    }

    private static Dictionary<string, object?> ClassItem(string name, double composite, bool withRecent)
    {
        var item = new Dictionary<string, object?>
        {
            ["class_name"] = name, ["user_count"] = 36, ["total_ac"] = 120, ["total_submission"] = 300, ["avg_ac"] = 3.3333, ["median_ac"] = 3,
            ["q1_ac"] = 1, ["q3_ac"] = 5, ["iqr"] = 4, ["std_dev"] = 2.5, ["top_10_avg"] = 9, ["middle_80_avg"] = 3, ["bottom_10_avg"] = 0,
            ["excellent_rate"] = 25, ["pass_rate"] = 75, ["active_rate"] = 90, ["ac_rate"] = 40, ["composite_score"] = composite,
        };
        if (withRecent)
        {
            item["recent_total_ac"] = 12;
            item["recent_avg_ac"] = 1.5;
            item["recent_median_ac"] = 0;
            item["recent_top_10_avg"] = 4;
            item["recent_active_count"] = 6;
        }

        return item;
    }

    private static async Task<string> ReadUntilAsync(Stream body, string marker, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (!text.ToString().Contains(marker, StringComparison.Ordinal) || !text.ToString().EndsWith("\n\n", StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer, cancellation.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}

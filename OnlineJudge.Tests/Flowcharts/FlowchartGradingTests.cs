using Microsoft.AspNetCore.Http;
using OnlineJudge.Data.Flowcharts;
using OnlineJudge.Services.Flowcharts;

namespace OnlineJudge.Tests.Flowcharts;

/// <summary>AI grading end to end: submit → queued → graded (or failed and retried) → detail, list and current (flowchart.md §3).</summary>
public class FlowchartGradingTests : FlowchartTestBase
{
    [Test]
    public async Task A_good_reply_is_graded_and_shown_everywhere()
    {
        Provider.AnswerWith(GoodReply);
        await Client.LoginAsync(Student);

        var id = await SubmitAsync(Client, Problem);
        var row = await WaitForSettledAsync(id, FlowchartSubmissionStatus.Completed);

        var detail = (await Client.GetAsync($"/api/flowchart/submission?id={id}")).Ok();
        var list = (await Client.GetAsync("/api/flowchart/submissions?myself=1&limit=10&offset=0")).Ok();
        var current = (await Client.GetAsync($"/api/flowchart/submission/current?problem_id={Problem.Id}")).Ok();
        var request = Provider.ChatRequests().Single();
        var system = request.GetProperty("messages")[0].GetProperty("content").GetString()!;
        var user = request.GetProperty("messages")[1].GetProperty("content").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(row.AiScore, Is.EqualTo(86));
            Assert.That(detail.GetProperty("status").GetInt32(), Is.EqualTo(2));
            Assert.That(detail.GetProperty("ai_grade").GetString(), Is.EqualTo("A"));
            Assert.That(detail.GetProperty("ai_feedback").GetString(), Is.EqualTo("结构完整，判断正确。"));
            Assert.That(detail.GetProperty("ai_suggestions").GetString(), Is.EqualTo("【重点】补充结束节点\n输出文字可以更明确"));
            Assert.That(detail.GetProperty("ai_criteria_details").GetProperty("完整性").GetProperty("score").GetInt32(), Is.EqualTo(25));
            Assert.That(detail.GetProperty("ai_provider").GetString(), Is.EqualTo("deepseek"));
            Assert.That(detail.GetProperty("ai_model").GetString(), Is.EqualTo("deepseek-v4-flash"));
            Assert.That(detail.GetProperty("processing_time").GetDouble(), Is.GreaterThan(0));
            Assert.That(detail.GetProperty("evaluation_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(list.GetProperty("results")[0].GetProperty("ai_score").GetDouble(), Is.EqualTo(86));
            Assert.That(current.GetRawText(), Is.EqualTo("""{"count":1,"score":86,"grade":"A"}"""));

            Assert.That(request.GetProperty("model").GetString(), Is.EqualTo("deepseek-v4-flash"));
            Assert.That(request.GetProperty("temperature").GetDouble(), Is.Zero);
            Assert.That(request.GetProperty("thinking").GetProperty("type").GetString(), Is.EqualTo("disabled"));
            Assert.That(request.TryGetProperty("stream", out _), Is.False);
            Assert.That(request.GetProperty("messages").GetArrayLength(), Is.EqualTo(2));
            Assert.That(system, Does.Contain("逻辑正确性").And.Contain("清晰度").And.Contain("【重点】").And.Contain("S（90-100 分）"));
            Assert.That(user, Does.Contain("```mermaid\n" + Mermaid + "\n```").And.Contain("标准答案参考").And.Contain("S[开始] --> R[读入 n]")
                .And.Contain("设计提示：先判断正负"));
        });
    }

    [Test]
    public async Task Prose_around_bare_json_and_out_of_range_scores_are_read_as_the_spec_says()
    {
        Provider.AnswerWith("评分：{\"score\": 120, \"grade\": \"S\", \"feedback\": \"很好\"} 完毕");
        var problem = await new ProblemBuilder(Teacher).WithFlowchart(true, false, null).BuildAsync();
        await Client.LoginAsync(Student);

        var id = await SubmitAsync(Client, problem);
        var row = await WaitForSettledAsync(id, FlowchartSubmissionStatus.Completed);

        var user = Provider.ChatRequests().Single().GetProperty("messages")[1].GetProperty("content").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(row.AiScore, Is.EqualTo(100), "clamped to 0-100");
            Assert.That(row.AiGrade, Is.EqualTo("S"));
            Assert.That(row.AiSuggestions, Is.EqualTo(""));
            Assert.That(row.AiCriteriaDetails.GetRawText(), Is.EqualTo("{}"));
            Assert.That(user, Does.Contain("没有标准答案").And.Not.Contain("设计提示"));
        });
    }

    [Test]
    public async Task A_malformed_reply_fails_with_its_reason_is_retried_three_times_then_a_retry_grades_it()
    {
        Provider.AnswerWith("我无法评分。");
        await Client.LoginAsync(Student);

        var id = await SubmitAsync(Client, Problem);
        var failed = await WaitForSettledAsync(id, FlowchartSubmissionStatus.Failed);
        Assert.That(Provider.ChatRequests(), Has.Count.EqualTo(4), "the first attempt and three automatic retries");
        Assert.That(failed.AiScore, Is.Null);

        Provider.AnswerWith(GoodReply);
        var retried = (await Client.PostJsonAsync("/api/flowchart/submission/retry", new { submission_id = id })).Ok();
        Assert.That(retried.GetRawText(), Is.EqualTo($$"""{"submission_id":"{{id}}","status":"pending","message":"AI evaluation restarted"}"""));
        var graded = await WaitForSettledAsync(id, FlowchartSubmissionStatus.Completed);
        Assert.That(graded.AiGrade, Is.EqualTo("A"));
    }

    [TestCase("{\"grade\": \"A\", \"feedback\": \"x\"}", FlowchartReplyParser.MissingScoreOrGrade)]
    [TestCase("{\"score\": 80, \"grade\": \"A\"}", FlowchartReplyParser.MissingFeedback)]
    [TestCase("{\"score\": \"很多\", \"grade\": \"A\", \"feedback\": \"x\"}", "AI响应中的分数无效: \"很多\"")]
    [TestCase("{\"score\": 80, \"grade\": \"A\", \"feedback\": }", "AI响应中的JSON无法解析")]
    public async Task Unusable_replies_leave_the_failed_state_with_the_reason(string reply, string reason)
    {
        Provider.AnswerWith(reply);
        var key = await Client.LoginAsync(Student);
        using var socket = await TestSockets.ConnectAsync(TestEnvironment.Factory, "/ws/flowchart/", key);

        var id = await SubmitAsync(Client, Problem);
        var frame = await TestSockets.ReceiveAsync(socket);

        Assert.Multiple(() =>
        {
            Assert.That(frame.GetProperty("type").GetString(), Is.EqualTo("flowchart_evaluation_failed"));
            Assert.That(frame.GetProperty("submission_id").GetString(), Is.EqualTo(id));
            Assert.That(frame.GetProperty("error").GetString(), Does.StartWith(reason));
        });
        await WaitForSettledAsync(id, FlowchartSubmissionStatus.Failed);
    }

    [Test]
    public async Task A_failing_provider_is_retried_by_the_client_then_the_job_fails_with_the_http_status()
    {
        Provider.Answer(() => Results.StatusCode(500));
        await Client.LoginAsync(Student);

        var id = await SubmitAsync(Client, Problem);
        await WaitForSettledAsync(id, FlowchartSubmissionStatus.Failed);

        // Each of the 4 attempts is one call and 2 resilience retries.
        Assert.That(Provider.ChatRequests(), Has.Count.EqualTo(12));
        var detail = (await Client.GetAsync($"/api/flowchart/submission?id={id}")).Ok();
        Assert.That(detail.GetProperty("status").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_provider_slower_than_the_timeout_fails_the_attempt_as_a_timeout()
    {
        Provider.Answer(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            return ChatCompletions.Reply(GoodReply);
        });
        await using var impatient = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { ["Ai:TimeoutSeconds"] = "1", ["Ai:MaxRetries"] = "1", ["Flowchart:WorkerEnabled"] = "false" });
        var submission = await new FlowchartSubmissionBuilder(Student, Problem).Pending().BuildAsync();
        var later = DateTime.UtcNow.AddDays(1);
        await using (var db = TestEnvironment.CreateDbContext())
        {
            // Out of the running graders' reach (due tomorrow); its last automatic attempt.
            db.FlowchartTasks.Add(new FlowchartTask { SubmissionId = submission.Id, EnqueuedAt = later, NotBefore = later, Attempts = 3 });
            await db.SaveChangesAsync();
        }

        await using var scope = impatient.Services.CreateAsyncScope();
        var lease = await scope.ServiceProvider.GetRequiredService<FlowchartQueueRepository>()
            .ClaimAsync(Guid.NewGuid(), later, TimeSpan.FromMinutes(1), CancellationToken.None);
        var started = DateTime.UtcNow;
        await scope.ServiceProvider.GetRequiredService<FlowchartGrader>().RunAsync(lease!, CancellationToken.None);

        var row = await WaitForSettledAsync(submission.Id, FlowchartSubmissionStatus.Failed);
        Assert.Multiple(() =>
        {
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(4.5)), "two attempts of one second, not the provider's five");
            Assert.That(Provider.ChatRequests(), Has.Count.EqualTo(2));
            Assert.That(row.AiScore, Is.Null);
        });
    }

    [Test]
    public async Task Without_an_api_key_the_job_fails_at_once_saying_so()
    {
        await using var keyless = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { ["Ai:ApiKey"] = "" });
        var submission = await new FlowchartSubmissionBuilder(Student, Problem).Pending().BuildAsync();
        var later = DateTime.UtcNow.AddDays(1);
        await using (var db = TestEnvironment.CreateDbContext())
        {
            db.FlowchartTasks.Add(new FlowchartTask { SubmissionId = submission.Id, EnqueuedAt = later, NotBefore = later, Attempts = 3 });
            await db.SaveChangesAsync();
        }

        var key = await Client.LoginAsync(Student);
        using var socket = await TestSockets.ConnectAsync(TestEnvironment.Factory, "/ws/flowchart/", key);
        await using var scope = keyless.Services.CreateAsyncScope();
        var lease = await scope.ServiceProvider.GetRequiredService<FlowchartQueueRepository>()
            .ClaimAsync(Guid.NewGuid(), later, TimeSpan.FromMinutes(1), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<FlowchartGrader>().RunAsync(lease!, CancellationToken.None);

        var frame = await TestSockets.ReceiveAsync(socket);
        Assert.Multiple(() =>
        {
            Assert.That(frame.GetProperty("error").GetString(), Is.EqualTo("缺少 AI_KEY"));
            Assert.That(Provider.ChatRequests(), Is.Empty);
        });
        await WaitForSettledAsync(submission.Id, FlowchartSubmissionStatus.Failed);
    }

    [Test]
    public async Task A_grading_left_by_a_dead_process_is_taken_back_and_finished()
    {
        Provider.AnswerWith(GoodReply);
        var submission = await new FlowchartSubmissionBuilder(Student, Problem).WithStatus(FlowchartSubmissionStatus.Processing).Graded(null, null)
            .BuildAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            // As a web process killed mid-grading leaves it: PROCESSING, leased, the lease lapsed.
            db.FlowchartTasks.Add(new FlowchartTask
            {
                SubmissionId = submission.Id, EnqueuedAt = DateTime.UtcNow.AddMinutes(-5), NotBefore = DateTime.UtcNow.AddMinutes(-5), Attempts = 1,
                LeaseId = Guid.NewGuid(), LeaseExpiresAt = DateTime.UtcNow.AddSeconds(-1),
            });
            await db.SaveChangesAsync();
        }

        var row = await WaitForSettledAsync(submission.Id, FlowchartSubmissionStatus.Completed);
        Assert.That(row.AiScore, Is.EqualTo(86));
    }

    [Test]
    public async Task Flushing_redis_loses_no_flowchart()
    {
        Provider.AnswerWith(GoodReply);
        await Client.LoginAsync(Student);
        var id = await SubmitAsync(Client, Problem);
        await TestEnvironment.FlushRedisAsync();

        var row = await WaitForSettledAsync(id, FlowchartSubmissionStatus.Completed);
        Assert.That(row.AiGrade, Is.EqualTo("A"));
    }
}

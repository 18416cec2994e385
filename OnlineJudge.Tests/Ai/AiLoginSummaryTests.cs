using Microsoft.AspNetCore.Http;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Tests.Ai;

/// <summary>GET /api/ai/login_summary (ai.md §1.4): the window, the counters, the optional LLM comment.</summary>
public class AiLoginSummaryTests : IntegrationTest
{
    private static FakeUpstream Provider => TestEnvironment.Upstream!;

    private User student = null!;
    private Problem problem = null!;

    [SetUp]
    public async Task MakeSceneAsync()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        student = await new UserBuilder().LastLoginAt(DateTime.UtcNow.AddDays(-30)).BuildAsync();
        problem = await new ProblemBuilder(teacher).CreatedAt(DateTime.UtcNow.AddDays(-1)).BuildAsync();
        await new ProblemBuilder(teacher).Hidden().CreatedAt(DateTime.UtcNow.AddDays(-1)).BuildAsync();
        await new ProblemBuilder(teacher).CreatedAt(DateTime.UtcNow.AddDays(-5)).BuildAsync();
    }

    private async Task LoginWithPreviousAsync(ApiClient client, DateTime? previous)
    {
        var sessions = client.Factory.Services.GetRequiredService<SessionStore>();
        var key = await sessions.CreateAsync(new SessionData
        {
            UserId = student.Id, AuthHash = SessionStore.AuthHashOf(student.Password), CreatedAt = DateTime.UtcNow, PrevLogin = previous,
        });
        client.SetCookie("sessionid", key);
    }

    private async Task SubmitAsync(int count, int result = JudgeStatus.Accepted, double daysAgo = 1)
    {
        for (var i = 0; i < count; i++)
        {
            await new SubmissionBuilder(student, problem).WithResult(result).CreatedAt(DateTime.UtcNow.AddDays(-daysAgo)).BuildAsync();
        }
    }

    [Test]
    public async Task A_quiet_window_answers_the_counters_without_asking_the_provider()
    {
        await SubmitAsync(1);
        await SubmitAsync(1, JudgeStatus.WrongAnswer);
        await SubmitAsync(1, daysAgo: 3);
        await new FlowchartSubmissionBuilder(student, problem).CreatedAt(DateTime.UtcNow.AddHours(-1)).BuildAsync();
        var previous = DateTime.UtcNow.AddDays(-2);
        await LoginWithPreviousAsync(Client, previous);

        var data = (await Client.GetAsync("/api/ai/login_summary")).Ok();

        var summary = data.GetProperty("summary");
        Assert.Multiple(() =>
        {
            Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "summary", "analysis" }));
            Assert.That(summary.GetProperty("start").GetString(), Is.EqualTo(OnlineJudge.Data.Json.TimeFormats.ToUtcIso(previous)));
            Assert.That(summary.GetProperty("end").GetString(), Does.EndWith("Z"));
            Assert.That(summary.GetProperty("new_problem_count").GetInt32(), Is.EqualTo(1), "public, visible, created in the window");
            Assert.That(summary.GetProperty("submission_count").GetInt32(), Is.EqualTo(2));
            Assert.That(summary.GetProperty("accepted_count").GetInt32(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("solved_count").GetInt32(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("flowchart_submission_count").GetInt32(), Is.EqualTo(1));
            Assert.That(data.GetProperty("analysis").GetString(), Is.EqualTo(""));
            Assert.That(Provider.ChatRequests(), Is.Empty);
        });
    }

    [Test]
    public async Task A_busy_window_gets_a_trimmed_comment()
    {
        Provider.AnswerWith("  多练习循环。\n结论：进步明显  ");
        await SubmitAsync(3);
        await LoginWithPreviousAsync(Client, null);

        var data = (await Client.GetAsync("/api/ai/login_summary")).Ok();

        var request = Provider.ChatRequests().Single();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("analysis").GetString(), Is.EqualTo("多练习循环。\n结论：进步明显"));
            Assert.That(data.TryGetProperty("analysis_error", out _), Is.False);
            Assert.That(data.GetProperty("summary").GetProperty("submission_count").GetInt32(), Is.EqualTo(3), "the window starts at the last login");
            Assert.That(request.TryGetProperty("stream", out _), Is.False);
            Assert.That(request.TryGetProperty("temperature", out _), Is.False);
            Assert.That(request.GetProperty("messages")[1].GetProperty("content").GetString(),
                Does.Contain("\n新题目数：2\n提交次数：3\nAC 次数：3\nAC 题目数：1\n流程图提交数：0\n").And.StartWith("时间范围："));
        });
    }

    [Test]
    public async Task Provider_failures_and_a_missing_key_leave_the_statistics_with_an_error_text()
    {
        await SubmitAsync(3);
        Provider.Answer(() => Results.StatusCode(500));
        await LoginWithPreviousAsync(Client, null);
        var failed = (await Client.GetAsync("/api/ai/login_summary")).Ok();
        var attempts = Provider.ChatRequests().Count;

        Provider.Answer(() => ChatCompletions.NoChoices());
        var empty = (await Client.GetAsync("/api/ai/login_summary")).Ok();

        await using var keyless = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { ["Ai:ApiKey"] = "" });
        using var client = new ApiClient(keyless);
        await LoginWithPreviousAsync(client, null);
        var keyMissing = (await client.GetAsync("/api/ai/login_summary")).Ok();

        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("analysis").GetString(), Is.EqualTo(""));
            Assert.That(failed.GetProperty("analysis_error").GetString(), Is.EqualTo("AI 服务调用失败: HTTP 500"));
            Assert.That(failed.GetProperty("summary").GetProperty("submission_count").GetInt32(), Is.EqualTo(3));
            Assert.That(attempts, Is.EqualTo(1), "the summary's call is not retried");
            Assert.That(empty.GetProperty("analysis").GetString(), Is.EqualTo(""));
            Assert.That(empty.TryGetProperty("analysis_error", out _), Is.False);
            Assert.That(keyMissing.GetProperty("analysis_error").GetString(), Is.EqualTo("缺少 AI_KEY"));
            Assert.That(keyMissing.GetProperty("summary").GetProperty("accepted_count").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_slow_provider_is_given_up_after_the_summary_deadline_leaving_the_counters()
    {
        await SubmitAsync(3);
        Provider.Answer(new ScriptedProvider(replyDelay: TimeSpan.FromSeconds(20), chunkDelay: TimeSpan.Zero).AnswerAsync);
        await using var host = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { ["Ai:SummaryTimeoutSeconds"] = "1", ["Flowchart:WorkerEnabled"] = "false" });
        using var client = new ApiClient(host);
        await LoginWithPreviousAsync(client, null);

        var started = DateTime.UtcNow;
        var data = (await client.GetAsync("/api/ai/login_summary")).Ok();
        var elapsed = DateTime.UtcNow - started;

        Assert.Multiple(() =>
        {
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(8)), "one attempt of one second, not the provider's 20 s nor retries");
            Assert.That(data.GetProperty("analysis").GetString(), Is.EqualTo(""));
            Assert.That(data.GetProperty("analysis_error").GetString(), Is.EqualTo("AI 服务调用失败: 超时"));
            Assert.That(data.GetProperty("summary").GetProperty("submission_count").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("summary").GetProperty("solved_count").GetInt32(), Is.EqualTo(1));
            Assert.That(Provider.ChatRequests(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task The_window_falls_back_to_the_query_then_keeps_start_before_end()
    {
        await LoginWithPreviousAsync(Client, null);
        var fromQuery = (await Client.GetAsync("/api/ai/login_summary?start=2026-01-02T08:00:00")).Ok();
        await LoginWithPreviousAsync(Client, DateTime.UtcNow.AddDays(3));
        var future = (await Client.GetAsync("/api/ai/login_summary")).Ok();

        var start = DateTime.Parse(future.GetProperty("summary").GetProperty("start").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        var end = DateTime.Parse(future.GetProperty("summary").GetProperty("end").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.Multiple(async () =>
        {
            Assert.That(fromQuery.GetProperty("summary").GetProperty("start").GetString(), Is.EqualTo("2026-01-02T00:00:00Z"), "no offset: Asia/Shanghai");
            Assert.That(end - start, Is.EqualTo(TimeSpan.FromDays(1)));
            (await NewClient().GetAsync("/api/ai/login_summary")).AssertError("permission-denied", "Please login first");
        });
    }
}

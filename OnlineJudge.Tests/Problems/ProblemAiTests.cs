using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tests.Problems;

/// <summary>The AI helpers of the problem editor against the fake OpenAI-compatible provider the test host is configured with.</summary>
public class ProblemAiTests : IntegrationTest
{
    private User teacher = null!;

    private static FakeUpstream Provider => TestEnvironment.Upstream!;

    private static List<JsonElement> ProviderRequests => [.. Provider.Requests.Where(r => r.Path == "/chat/completions").Select(r => r.Body!.Value)];

    [SetUp]
    public async Task AnswerLikeTheProviderAsync()
    {
        teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        Provider.Answer(context => Task.FromResult(context.Request.Headers.Authorization != "Bearer " + FakeUpstream.ApiKey
            ? Results.StatusCode(401)
            : Results.Json(new { choices = new[] { new { message = new { role = "assistant", content = "CREATE TABLE t(a);" } } } })));
    }

    [Test]
    public async Task Sql_generation_sends_the_reference_answer_and_returns_the_script()
    {
        await Client.LoginAsync(teacher);
        var data = (await Client.PostJsonAsync("/api/admin/sql_test_case_ai_gen", new { ref_sql = "SELECT * FROM t;", mode = "modify" })).Ok();
        Assert.That(data.GetProperty("sql").GetString(), Is.EqualTo("CREATE TABLE t(a);"));
        var request = ProviderRequests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.GetProperty("model").GetString(), Is.EqualTo("deepseek-v4-flash"));
            Assert.That(request.GetProperty("thinking").GetProperty("type").GetString(), Is.EqualTo("disabled"));
            Assert.That(request.GetProperty("messages")[1].GetProperty("content").GetString(), Is.EqualTo("题型：modify\n标准答案：\nSELECT * FROM t;"));
            Assert.That(request.TryGetProperty("temperature", out _), Is.False);
        });
    }

    [Test]
    public async Task Flowchart_generation_uses_temperature_zero()
    {
        await Client.LoginAsync(teacher);
        var data = (await Client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "print(1)" })).Ok();
        Assert.That(data.GetProperty("flowchart").GetString(), Is.EqualTo("CREATE TABLE t(a);"));
        Assert.That(ProviderRequests.Single().GetProperty("temperature").GetDouble(), Is.Zero);
        Assert.That(ProviderRequests.Single().GetProperty("messages")[1].GetProperty("content").GetString(), Is.EqualTo("print(1)"));
    }

    [Test]
    public async Task Failures_answer_clear_errors()
    {
        await Client.LoginAsync(teacher);
        Provider.Answer(() => Results.StatusCode(401));
        (await Client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "x" })).AssertError("error", "AI 服务调用失败: HTTP 401");

        await using (var withoutKey = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { ["Ai:ApiKey"] = "" }))
        {
            using var client = new ApiClient(withoutKey);
            await client.LoginAsync(teacher);
            (await client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "x" })).AssertError("error", "缺少 AI_KEY");
        }

        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await student.PostJsonAsync("/api/admin/sql_test_case_ai_gen", new { })).AssertError("permission-denied", "Please login first");
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Problems;

/// <summary>The AI helpers of the problem editor against a fake OpenAI-compatible provider.</summary>
public class ProblemAiTests : IntegrationTest
{
    private WebApplication? provider;
    private readonly List<JsonElement> requests = [];
    private User teacher = null!;

    private static IConfiguration Configuration => TestEnvironment.Factory.Services.GetRequiredService<IConfiguration>();

    [SetUp]
    public async Task StartProviderAsync()
    {
        requests.Clear();
        teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        provider = builder.Build();
        provider.MapPost("/chat/completions", async (HttpContext context) =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            requests.Add(document.RootElement.Clone());
            if (context.Request.Headers.Authorization != "Bearer test-key")
            {
                return Results.StatusCode(401);
            }

            return Results.Json(new { choices = new[] { new { message = new { role = "assistant", content = "CREATE TABLE t(a);" } } } });
        });
        await provider.StartAsync();
        Configuration["Ai:BaseUrl"] = provider.Urls.First();
        Configuration["Ai:ApiKey"] = "test-key";
    }

    [TearDown]
    public async Task StopProviderAsync()
    {
        Configuration["Ai:BaseUrl"] = null;
        Configuration["Ai:ApiKey"] = null;
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }

    [Test]
    public async Task Sql_generation_sends_the_reference_answer_and_returns_the_script()
    {
        await Client.LoginAsync(teacher);
        var data = (await Client.PostJsonAsync("/api/admin/sql_test_case_ai_gen", new { ref_sql = "SELECT * FROM t;", mode = "modify" })).Ok();
        Assert.That(data.GetProperty("sql").GetString(), Is.EqualTo("CREATE TABLE t(a);"));
        var request = requests.Single();
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
        Assert.That(requests.Single().GetProperty("temperature").GetDouble(), Is.Zero);
        Assert.That(requests.Single().GetProperty("messages")[1].GetProperty("content").GetString(), Is.EqualTo("print(1)"));
    }

    [Test]
    public async Task Failures_answer_clear_errors()
    {
        await Client.LoginAsync(teacher);
        Configuration["Ai:ApiKey"] = "wrong";
        (await Client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "x" })).AssertError("error", "AI 服务调用失败: HTTP 401");
        Configuration["Ai:ApiKey"] = null;
        (await Client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "x" })).AssertError("error", "缺少 AI_KEY");

        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await student.PostJsonAsync("/api/admin/sql_test_case_ai_gen", new { })).AssertError("permission-denied", "Please login first");
    }
}

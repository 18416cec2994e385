using System.Net.Http.Headers;
using System.Text;
using OnlineJudge.Data.Flowcharts;
using OnlineJudge.Tests.Flowcharts;

namespace OnlineJudge.Tests.Ai;

/// <summary>
/// The replies of the fake provider a person runs (<c>build.ps1 fake-ai</c>, <see cref="ScriptedProvider"/>) are accepted
/// by our server: a grade, the login summary's comment, a streamed analysis in several chunks, the editor's helpers.
/// </summary>
public class ScriptedProviderTests : FlowchartTestBase
{
    [SetUp]
    public void AnswerAsThePersonsFake() => Provider.Answer(new ScriptedProvider(TimeSpan.Zero, TimeSpan.FromMilliseconds(5)).AnswerAsync);

    [Test]
    public async Task Its_flowchart_grade_is_parsed_and_stored()
    {
        await Client.LoginAsync(Student);

        var id = await SubmitAsync(Client, Problem);
        var row = await WaitForSettledAsync(id, FlowchartSubmissionStatus.Completed);

        Assert.Multiple(() =>
        {
            Assert.That((row.AiScore, row.AiGrade), Is.EqualTo(((double?)86, "A")));
            Assert.That(row.AiSuggestions, Is.EqualTo("【重点】在判断框中写明循环结束条件\n输出前可以说明输出的内容"));
            Assert.That(row.AiCriteriaDetails.EnumerateObject().Select(c => c.Name), Is.EquivalentTo(new[] { "逻辑正确性", "完整性", "规范性", "清晰度" }));
        });
    }

    [Test]
    public async Task Its_analysis_streams_in_several_chunks_and_its_summary_comment_is_shown()
    {
        await Client.LoginAsync(Student);
        for (var i = 0; i < 3; i++)
        {
            await new SubmissionBuilder(Student, Problem).WithResult(JudgeStatus.Accepted).CreatedAt(DateTime.UtcNow.AddHours(-1)).BuildAsync();
        }

        var stream = await Client.PostJsonAsync("/api/ai/analysis", new { details = new { grade = "A" }, duration = new[] { new { index = 0 } } });
        var summary = (await Client.GetAsync("/api/ai/login_summary?start=2020-01-01T00:00:00")).Ok();

        await using var db = TestEnvironment.CreateDbContext();
        var stored = await db.AiAnalyses.AsNoTracking().SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stream.Body.Split("\n\n").Count(e => e.StartsWith("data: {\"type\":\"delta\"", StringComparison.Ordinal)),
                Is.EqualTo(ScriptedProvider.Analysis.Length));
            Assert.That(stream.Body, Does.EndWith("data: {\"type\":\"done\"}\n\nevent: end\n\n"));
            Assert.That(stored.Analysis, Is.EqualTo(string.Concat(ScriptedProvider.Analysis).Trim()));
            Assert.That(summary.GetProperty("analysis").GetString(), Is.EqualTo(ScriptedProvider.LoginSummary));
        });
    }

    [Test]
    public async Task The_problem_editor_helpers_get_mermaid_and_sql()
    {
        await Client.LoginAsync(Teacher);

        var flowchart = (await Client.PostJsonAsync("/api/admin/problem/flowchart", new { python = "print(1)" })).Ok();
        var sql = (await Client.PostJsonAsync("/api/admin/sql_test_case_ai_gen", new { ref_sql = "SELECT * FROM student;", mode = "query" })).Ok();

        Assert.Multiple(() =>
        {
            Assert.That(flowchart.GetProperty("flowchart").GetString(), Is.EqualTo(ScriptedProvider.MermaidFromPython));
            Assert.That(sql.GetProperty("sql").GetString(), Is.EqualTo(ScriptedProvider.SqlScript));
        });
    }

    [Test]
    public async Task It_answers_under_v1_too_and_refuses_a_call_without_a_key()
    {
        using var http = new HttpClient();
        const string body = """{"model":"m","messages":[{"role":"system","content":"结论："},{"role":"user","content":"x"}]}""";

        using var keyed = new HttpRequestMessage(HttpMethod.Post, Provider.Url + "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        keyed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "any-key");
        using var answered = await http.SendAsync(keyed);
        using var unkeyed = await http.PostAsync(Provider.Url + "/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        var content = JsonDocument.Parse(await answered.Content.ReadAsStringAsync()).RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content");
        Assert.Multiple(() =>
        {
            Assert.That(content.GetString(), Is.EqualTo(ScriptedProvider.LoginSummary));
            Assert.That(unkeyed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }
}

namespace OnlineJudge.Tests.Flowcharts;

/// <summary>A teacher's problem that allows flowcharts, a student, the fake provider, and helpers to submit and wait.</summary>
public abstract class FlowchartTestBase : IntegrationTest
{
    public const string Mermaid = "flowchart TD\n  A[开始] --> B[/输入 n/]\n  B --> C{n > 0}\n  C -->|是| D[输出 正数]\n  C -->|否| E[输出 非正数]";

    /// <summary>A grade wrapped in prose and a fenced block, as models often answer.</summary>
    public const string GoodReply = """
        好的，下面是评分结果：
        ```json
        {"score": 86, "grade": "A", "feedback": "结构完整，判断正确。", "suggestions": "【重点】补充结束节点\n输出文字可以更明确",
         "criteria_details": {"逻辑正确性": {"score": 36, "max": 40, "comment": "判断正确"}, "完整性": {"score": 25, "max": 30, "comment": "缺少结束"},
                              "规范性": {"score": 17, "max": 20, "comment": "符号规范"}, "清晰度": {"score": 8, "max": 10, "comment": "清楚"}}}
        ```
        希望对你有帮助。
        """;

    protected User Teacher { get; private set; } = null!;
    protected User Student { get; private set; } = null!;
    protected Problem Problem { get; private set; } = null!;

    protected static FakeUpstream Provider => TestEnvironment.Upstream!;

    [SetUp]
    public async Task MakeSceneAsync()
    {
        Teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        Student = await new UserBuilder().BuildAsync();
        Problem = await new ProblemBuilder(Teacher).WithFlowchart(true, false, "flowchart TD\n  S[开始] --> R[读入 n]").WithFlowchartHint("先判断正负")
            .BuildAsync();
    }

    protected static async Task<string> SubmitAsync(ApiClient client, Problem problem, string mermaid = Mermaid)
    {
        var data = (await client.PostJsonAsync("/api/flowchart/submission",
            new { problem_id = problem.Id, mermaid_code = mermaid, flowchart_data = new { compressed = true, data = "eJxLTEoGAAJNASc=" } })).Ok();
        Assert.That(data.GetProperty("status").GetString(), Is.EqualTo("pending"));
        return data.GetProperty("submission_id").GetString()!;
    }

    /// <summary>Waits until the submission has <paramref name="status"/> and no grading task is left (automatic retries done).</summary>
    protected static Task<FlowchartSubmission> WaitForSettledAsync(string id, int status, TimeSpan? timeout = null)
    {
        int? seen = null;
        return Polling.UntilAsync(async db =>
        {
            var row = await db.FlowchartSubmissions.AsNoTracking().SingleAsync(f => f.Id == id);
            seen = row.Status;
            return row.Status == status && !await db.FlowchartTasks.AnyAsync(t => t.SubmissionId == id) ? row : null;
        }, timeout ?? TimeSpan.FromSeconds(30), () => $"Flowchart {id} still has status {seen} (waited for {status})");
    }
}

namespace OnlineJudge.Tests.Builders;

/// <summary>Makes flowchart submissions directly in the test database; by default a completed grade A (85).</summary>
public class FlowchartSubmissionBuilder(User user, Problem problem)
{
    private string id = Guid.NewGuid().ToString("N");
    private int status = FlowchartSubmissionStatus.Completed;
    private double? score = 85;
    private string? grade = FlowchartGrade.A;
    private string? suggestions = "";
    private string criteria = """{"逻辑正确性": {"score": 35, "max": 40, "comment": "正确"}}""";
    private DateTime createTime = DateTime.UtcNow;
    private string mermaid = "flowchart TD\n  A[开始] --> B[结束]";

    public FlowchartSubmissionBuilder WithStatus(int value) { status = value; return this; }
    public FlowchartSubmissionBuilder Pending() { status = FlowchartSubmissionStatus.Pending; score = null; grade = null; return this; }
    public FlowchartSubmissionBuilder Graded(double? value, string? letter) { score = value; grade = letter; return this; }
    public FlowchartSubmissionBuilder WithSuggestions(string? value) { suggestions = value; return this; }
    public FlowchartSubmissionBuilder WithCriteria(string json) { criteria = json; return this; }
    public FlowchartSubmissionBuilder CreatedAt(DateTime value) { createTime = value; return this; }
    public FlowchartSubmissionBuilder WithMermaid(string value) { mermaid = value; return this; }

    public async Task<FlowchartSubmission> BuildAsync()
    {
        var completed = status == FlowchartSubmissionStatus.Completed;
        var row = new FlowchartSubmission
        {
            Id = id, UserId = user.Id, ProblemId = problem.Id, MermaidCode = mermaid,
            FlowchartData = JsonElement.Parse("""{"compressed": true, "data": "eJw="}"""), Status = status, CreateTime = createTime,
            AiScore = score, AiGrade = grade, AiFeedback = completed ? "不错" : null, AiSuggestions = completed ? suggestions : null,
            AiCriteriaDetails = JsonElement.Parse(completed ? criteria : "{}"), ProcessingTime = completed ? 1.5 : null,
            EvaluationTime = completed ? createTime.AddSeconds(2) : null,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.FlowchartSubmissions.Add(row);
        await db.SaveChangesAsync();
        return row;
    }
}

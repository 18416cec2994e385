namespace OnlineJudge.Tests.Builders;

/// <summary>Makes problems (with tags) directly in the test database; by default a visible public problem.</summary>
public class ProblemBuilder(int ownerId)
{
    public ProblemBuilder(User owner)
        : this(owner.Id)
    {
    }

    private static int sequence;

    private string displayId = "P" + Interlocked.Increment(ref sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private string title = "Problem " + Guid.NewGuid().ToString("N")[..6];
    private int? contestId;
    private bool visible = true;
    private bool isPublic;
    private string difficulty = Difficulty.Low;
    private string[] tags = [];
    private DateTime createTime = DateTime.UtcNow;
    private string testCaseId = "testcase";
    private List<string> languages = ["C", "Python3"];
    private Dictionary<string, string> template = [];
    private JsonElement? astRules;
    private bool allowFlowchart;
    private bool showFlowchart;
    private string? mermaidCode;
    private string? flowchartHint;
    private long submissionNumber;
    private long acceptedNumber;
    private List<ProblemAnswer>? answers;
    private ProblemSqlConfig? sqlConfig;

    public ProblemBuilder WithDisplayId(string value) { displayId = value; return this; }
    public ProblemBuilder WithTitle(string value) { title = value; return this; }
    public ProblemBuilder InContest(Contest contest) { contestId = contest.Id; return this; }
    public ProblemBuilder InContest(int? value) { contestId = value; return this; }
    public ProblemBuilder Hidden() { visible = false; return this; }
    public ProblemBuilder MarkedPublic() { isPublic = true; return this; }
    public ProblemBuilder WithDifficulty(string value) { difficulty = value; return this; }
    public ProblemBuilder WithTags(params string[] values) { tags = values; return this; }
    public ProblemBuilder CreatedAt(DateTime value) { createTime = value; return this; }
    public ProblemBuilder WithTestCaseId(string value) { testCaseId = value; return this; }
    public ProblemBuilder WithLanguages(params string[] values) { languages = [.. values]; return this; }
    public ProblemBuilder WithTemplate(string language, string value) { template[language] = value; return this; }
    public ProblemBuilder WithAstRules(string json) { astRules = JsonElement.Parse(json); return this; }
    public ProblemBuilder WithFlowchart(bool allow, bool show, string? mermaid) { allowFlowchart = allow; showFlowchart = show; mermaidCode = mermaid; return this; }
    public ProblemBuilder WithFlowchartHint(string? value) { flowchartHint = value; return this; }
    public ProblemBuilder WithCounts(long submissions, long accepted) { submissionNumber = submissions; acceptedNumber = accepted; return this; }
    public ProblemBuilder WithAnswers(params (string Language, string Code)[] values) { answers = [.. values.Select(v => new ProblemAnswer { Language = v.Language, Code = v.Code })]; return this; }
    public ProblemBuilder WithSqlConfig(string mode) { sqlConfig = new ProblemSqlConfig { Mode = mode }; return this; }

    public async Task<Problem> BuildAsync()
    {
        var problem = new Problem
        {
            DisplayId = displayId, ContestId = contestId, IsPublic = isPublic, Title = title, Description = "<p>description</p>",
            InputDescription = "input", OutputDescription = "output", Samples = [new ProblemSample { Input = "1 2", Output = "3" }],
            TestCaseId = testCaseId, TestCaseScore = [new TestCaseScoreEntry { InputName = "1.in", OutputName = "1.out", Score = 0 }],
            Hint = "hint", Languages = languages, Template = template, CreateTime = createTime, LastUpdateTime = createTime,
            CreatedById = ownerId, TimeLimit = 1000, MemoryLimit = 256, Visible = visible, Difficulty = difficulty, Source = "source",
            Answers = answers, SubmissionNumber = submissionNumber, AcceptedNumber = acceptedNumber, AllowFlowchart = allowFlowchart,
            ShowFlowchart = showFlowchart, MermaidCode = mermaidCode, FlowchartHint = flowchartHint, FlowchartData = JsonDefaults.EmptyObject, AstRules = astRules,
            SqlConfig = sqlConfig,
        };
        await using var db = TestEnvironment.CreateDbContext();
        var existing = tags.Length == 0 ? [] : await db.ProblemTags.AsTracking().ToListAsync();
        foreach (var name in tags)
        {
            var tag = existing.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? db.ProblemTags.Add(new ProblemTag { Name = name }).Entity;
            problem.Tags.Add(tag);
        }

        db.Problems.Add(problem);
        await db.SaveChangesAsync();
        return problem;
    }
}

namespace OnlineJudge.Tests.Builders;

/// <summary>
/// Makes problem sets (with problems and badges) directly in the test database; by default a visible active set. The
/// built set's <c>Problems</c> and <c>Badges</c> carry their row ids.
/// </summary>
public class ProblemSetBuilder(User owner)
{
    private string title = "Set " + Guid.NewGuid().ToString("N")[..6];
    private string description = "<p>practice</p>";
    private string difficulty = ProblemSetDifficulty.Easy;
    private string status = ProblemSetStatus.Active;
    private bool visible = true;
    private DateTime? endTime;
    private DateTime createTime = DateTime.UtcNow;
    private readonly List<ProblemSetProblem> problems = [];
    private readonly List<ProblemSetBadge> badges = [];

    public ProblemSetBuilder WithTitle(string value) { title = value; return this; }
    public ProblemSetBuilder WithDescription(string value) { description = value; return this; }
    public ProblemSetBuilder WithDifficulty(string value) { difficulty = value; return this; }
    public ProblemSetBuilder WithStatus(string value) { status = value; return this; }
    public ProblemSetBuilder Hidden() { visible = false; return this; }
    public ProblemSetBuilder EndingAt(DateTime? value) { endTime = value; return this; }
    public ProblemSetBuilder CreatedAt(DateTime value) { createTime = value; return this; }

    public ProblemSetBuilder WithProblem(Problem problem, int score = 0, int? order = null, bool required = true, string? hint = null)
    {
        problems.Add(new ProblemSetProblem { ProblemId = problem.Id, Score = score, Order = order ?? problems.Count + 1, IsRequired = required, Hint = hint });
        return this;
    }

    public ProblemSetBuilder WithBadge(string name, string conditionType, int conditionValue = 0, string icon = "/badge-1.png")
    {
        badges.Add(new ProblemSetBadge { Name = name, Description = name + " description", Icon = icon, ConditionType = conditionType, ConditionValue = conditionValue });
        return this;
    }

    public async Task<ProblemSet> BuildAsync()
    {
        var set = new ProblemSet
        {
            Title = title, Description = description, Difficulty = difficulty, Status = status, Visible = visible, EndTime = endTime,
            CreateTime = createTime, LastUpdateTime = createTime, CreatedById = owner.Id, Problems = problems, Badges = badges,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.ProblemSets.Add(set);
        await db.SaveChangesAsync();
        return set;
    }
}

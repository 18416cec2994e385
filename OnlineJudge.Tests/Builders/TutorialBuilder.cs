namespace OnlineJudge.Tests.Builders;

/// <summary>Makes tutorials directly in the test database (public Python lessons by default).</summary>
public class TutorialBuilder(User author)
{
    private string title = "Lesson " + Guid.NewGuid().ToString("N")[..6];
    private string content = "# Hello\n\n[[exercise:1]]";
    private string type = TutorialType.Python;
    private bool isPublic = true;
    private int order;
    private string? code;
    private DateTime createdAt = DateTime.UtcNow;

    public TutorialBuilder WithTitle(string value) { title = value; return this; }
    public TutorialBuilder WithContent(string value) { content = value; return this; }
    public TutorialBuilder OfType(string value) { type = value; return this; }
    public TutorialBuilder Hidden() { isPublic = false; return this; }
    public TutorialBuilder WithOrder(int value) { order = value; return this; }
    public TutorialBuilder WithCode(string? value) { code = value; return this; }
    public TutorialBuilder CreatedAt(DateTime value) { createdAt = value; return this; }

    public async Task<Tutorial> BuildAsync()
    {
        var tutorial = new Tutorial
        {
            Title = title, Content = content, Type = type, IsPublic = isPublic, Order = order, Code = code, CreatedById = author.Id,
            CreatedAt = createdAt, UpdatedAt = createdAt,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Tutorials.Add(tutorial);
        await db.SaveChangesAsync();
        return tutorial;
    }
}

/// <summary>Makes an exercise of a tutorial directly in the test database.</summary>
public class ExerciseBuilder(Tutorial tutorial)
{
    private string type = ExerciseType.Mcq;
    private string data = """{"question": "1 + 1?", "options": ["1", "2"], "answer": [1]}""";
    private int order;
    private DateTime createdAt = DateTime.UtcNow;

    public ExerciseBuilder OfType(string value, string json) { type = value; data = json; return this; }
    public ExerciseBuilder WithOrder(int value) { order = value; return this; }
    public ExerciseBuilder CreatedAt(DateTime value) { createdAt = value; return this; }

    public async Task<Exercise> BuildAsync()
    {
        var exercise = new Exercise
        {
            TutorialId = tutorial.Id, Type = type, Data = JsonDocument.Parse(data).RootElement.Clone(), Order = order, CreatedAt = createdAt,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Exercises.Add(exercise);
        await db.SaveChangesAsync();
        return exercise;
    }
}

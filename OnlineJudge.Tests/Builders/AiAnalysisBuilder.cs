namespace OnlineJudge.Tests.Builders;

/// <summary>Makes stored learning analyses (table <c>ai_analysis</c>) directly in the test database.</summary>
public class AiAnalysisBuilder(User user)
{
    private string analysis = "## 分析\n继续加油";
    private bool pinned;
    private DateTime createTime = DateTime.UtcNow;

    public AiAnalysisBuilder WithAnalysis(string value) { analysis = value; return this; }
    public AiAnalysisBuilder Pinned() { pinned = true; return this; }
    public AiAnalysisBuilder CreatedAt(DateTime value) { createTime = value; return this; }

    public async Task<AiAnalysis> BuildAsync()
    {
        var row = new AiAnalysis
        {
            UserId = user.Id, Analysis = analysis, IsPinned = pinned, CreateTime = createTime, SystemPrompt = "system",
            Data = new AiAnalysisData { Details = JsonElement.Parse("{}"), Duration = JsonElement.Parse("[]") },
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.AiAnalyses.Add(row);
        await db.SaveChangesAsync();
        return row;
    }
}

namespace OnlineJudge.Tests.Builders;

/// <summary>Makes a tag directly in the test database (tags of problems: <see cref="ProblemBuilder.WithTags"/>).</summary>
public class ProblemTagBuilder(string name)
{
    public async Task<ProblemTag> BuildAsync()
    {
        var tag = new ProblemTag { Name = name };
        await using var db = TestEnvironment.CreateDbContext();
        db.ProblemTags.Add(tag);
        await db.SaveChangesAsync();
        return tag;
    }
}

namespace OnlineJudge.Tests.Builders;

/// <summary>Makes a user's reaction to a problem directly in the test database.</summary>
public class ReactionBuilder(User user, Problem problem, string type)
{
    private DateTime createTime = DateTime.UtcNow;

    public ReactionBuilder CreatedAt(DateTime value) { createTime = value; return this; }

    public async Task<Reaction> BuildAsync()
    {
        var reaction = new Reaction { UserId = user.Id, ProblemId = problem.Id, Type = type, CreateTime = createTime };
        await using var db = TestEnvironment.CreateDbContext();
        db.Reactions.Add(reaction);
        await db.SaveChangesAsync();
        return reaction;
    }
}

namespace OnlineJudge.Tests.Builders;

/// <summary>Makes contests directly in the test database; by default a visible public contest that is underway.</summary>
public class ContestBuilder(User owner)
{
    private string title = "Contest " + Guid.NewGuid().ToString("N")[..6];
    private string description = "<p>description</p>";
    private string tag = "练习";
    private string? password;
    private bool visible = true;
    private DateTime start = DateTime.UtcNow.AddHours(-1);
    private DateTime end = DateTime.UtcNow.AddHours(2);
    private DateTime createTime = DateTime.UtcNow;
    private List<string> allowedIpRanges = [];

    public ContestBuilder WithTitle(string value) { title = value; return this; }
    public ContestBuilder WithDescription(string value) { description = value; return this; }
    public ContestBuilder WithTag(string value) { tag = value; return this; }
    public ContestBuilder WithPassword(string? value) { password = value; return this; }
    public ContestBuilder Hidden() { visible = false; return this; }
    public ContestBuilder Between(DateTime startUtc, DateTime endUtc) { start = startUtc; end = endUtc; return this; }
    public ContestBuilder NotStarted() => Between(DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddHours(3));
    public ContestBuilder Ended() => Between(DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-1));
    public ContestBuilder CreatedAt(DateTime value) { createTime = value; return this; }
    public ContestBuilder WithIpRanges(params string[] values) { allowedIpRanges = [.. values]; return this; }

    public async Task<Contest> BuildAsync()
    {
        var contest = new Contest
        {
            Title = title,
            Description = description,
            Tag = tag,
            Password = password,
            StartTime = start,
            EndTime = end,
            CreatedById = owner.Id,
            Visible = visible,
            CreateTime = createTime,
            LastUpdateTime = createTime,
            AllowedIpRanges = allowedIpRanges,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        return contest;
    }
}

namespace OnlineJudge.Tests.Contests;

/// <summary>Contest problems, tags and submissions for the contest tests.</summary>
internal static class ContestTestData
{
    public static Task<Problem> AddProblemAsync(Contest contest, User owner, string displayId, string title, bool visible = true,
        params string[] tags)
    {
        var builder = new ProblemBuilder(owner).InContest(contest).WithDisplayId(displayId).WithTitle(title).WithTags(tags).WithCounts(7, 3);
        return (visible ? builder : builder.Hidden()).BuildAsync();
    }

    public static Task<Submission> AddSubmissionAsync(Contest contest, Problem problem, User user, int result, string code, DateTime createTime) =>
        new SubmissionBuilder(user, problem.Id, contest.Id).WithResult(result).WithCode(code).CreatedAt(createTime).BuildAsync();

    public static async Task SetRealNameAsync(User user, string realName)
    {
        await using var db = TestEnvironment.CreateDbContext();
        var profile = await db.UserProfiles.SingleAsync(p => p.UserId == user.Id);
        profile.RealName = realName;
        db.UserProfiles.Update(profile);
        await db.SaveChangesAsync();
    }
}

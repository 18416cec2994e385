using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

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

    public static async Task<Submission> AddSubmissionAsync(Contest contest, Problem problem, User user, int result, string code, DateTime createTime)
    {
        var submission = new Submission
        {
            Id = Guid.NewGuid().ToString("N").Replace('0', 'a'),
            ContestId = contest.Id,
            ProblemId = problem.Id,
            CreateTime = createTime,
            UserId = user.Id,
            Username = user.Username,
            Code = code,
            Result = result,
            Language = "Python3",
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission;
    }

    public static async Task SetRealNameAsync(User user, string realName)
    {
        await using var db = TestEnvironment.CreateDbContext();
        var profile = await db.UserProfiles.SingleAsync(p => p.UserId == user.Id);
        profile.RealName = realName;
        db.UserProfiles.Update(profile);
        await db.SaveChangesAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Problems;

/// <summary>Submissions, profiles and reactions for the problem tests.</summary>
internal static class ProblemTestData
{
    public static async Task AddSubmissionAsync(Problem problem, User user, int result, DateTime? createTime = null, int? contestId = null)
    {
        await using var db = TestEnvironment.CreateDbContext();
        db.Submissions.Add(new Submission
        {
            Id = "a" + Guid.NewGuid().ToString("N")[1..],
            ContestId = contestId,
            ProblemId = problem.Id,
            CreateTime = createTime ?? DateTime.UtcNow,
            UserId = user.Id,
            Username = user.Username,
            Code = "print(1)",
            Result = result,
            Language = "Python3",
        });
        await db.SaveChangesAsync();
    }

    public static async Task SetStatusAsync(User user, Problem problem, int status, bool contest = false)
    {
        await using var db = TestEnvironment.CreateDbContext();
        var profile = await db.UserProfiles.AsTracking().FirstAsync(p => p.UserId == user.Id);
        var statuses = new AcmProblemsStatus
        {
            Problems = profile.AcmProblemsStatus.Problems is null ? null : new(profile.AcmProblemsStatus.Problems),
            ContestProblems = profile.AcmProblemsStatus.ContestProblems is null ? null : new(profile.AcmProblemsStatus.ContestProblems),
        };
        var entry = new ProblemStatusEntry { Status = status, DisplayId = problem.DisplayId };
        if (contest)
        {
            (statuses.ContestProblems ??= [])[problem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = entry;
        }
        else
        {
            (statuses.Problems ??= [])[problem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = entry;
        }

        profile.AcmProblemsStatus = statuses;
        await db.SaveChangesAsync();
    }

    public static async Task SetLastLoginAsync(User user, DateTime? value)
    {
        await using var db = TestEnvironment.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastLogin, value));
    }

    public static async Task AddReactionAsync(Problem problem, User user, string type)
    {
        await using var db = TestEnvironment.CreateDbContext();
        db.Reactions.Add(new Reaction { ProblemId = problem.Id, UserId = user.Id, Type = type, CreateTime = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public static async Task<Problem> ReloadAsync(int id)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.Problems.Include(p => p.Tags).FirstAsync(p => p.Id == id);
    }

    public static async Task<List<string>> TagNamesAsync(int problemId)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.Problems.Where(p => p.Id == problemId).SelectMany(p => p.Tags).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync();
    }
}

namespace OnlineJudge.Tests.Problems;

/// <summary>Submissions, profiles and reactions for the problem tests.</summary>
internal static class ProblemTestData
{
    public static Task<Submission> AddSubmissionAsync(Problem problem, User user, int result, DateTime? createTime = null, int? contestId = null) =>
        new SubmissionBuilder(user, problem.Id, contestId).WithResult(result).CreatedAt(createTime ?? DateTime.UtcNow).BuildAsync();

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

    public static Task<Reaction> AddReactionAsync(Problem problem, User user, string type) => new ReactionBuilder(user, problem, type).BuildAsync();

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

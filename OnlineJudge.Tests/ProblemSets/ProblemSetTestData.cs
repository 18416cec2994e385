namespace OnlineJudge.Tests.ProblemSets;

/// <summary>Progress rows and badge holders for the problem-set tests.</summary>
public static class ProblemSetTestData
{
    /// <summary>Stores a progress row as the app would after <paramref name="completed"/> were solved in the set (no badge work).</summary>
    public static async Task<ProblemSetProgress> SeedProgressAsync(ProblemSet set, User user, DateTime? joinTime = null, params Problem[] completed)
    {
        var scores = set.Problems.ToDictionary(p => p.ProblemId, p => p.Score);
        var detail = completed.ToDictionary(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            p => new ProgressDetailEntry { Score = scores.GetValueOrDefault(p.Id), SubmitTime = "2026-09-01T00:00:00.000000+00:00" });
        var total = set.Problems.Count;
        var done = completed.Count(p => scores.ContainsKey(p.Id));
        var row = new ProblemSetProgress
        {
            ProblemSetId = set.Id, UserId = user.Id, JoinTime = joinTime ?? DateTime.UtcNow.AddMinutes(-30), ProgressDetail = detail,
            CompletedProblemsCount = done, TotalProblemsCount = total, TotalScore = completed.Sum(p => scores.GetValueOrDefault(p.Id)),
            ProgressPercentage = total > 0 ? (double)done / total * 100 : 0, IsCompleted = done == total,
            CompleteTime = done == total ? DateTime.UtcNow.AddMinutes(-1) : null,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.ProblemSetProgresses.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    public static async Task<ProblemSetProgress?> ProgressOfAsync(ProblemSet set, User user)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.ProblemSetProgresses.AsNoTracking().SingleOrDefaultAsync(p => p.ProblemSetId == set.Id && p.UserId == user.Id);
    }

    public static async Task<List<UserBadge>> BadgesOfAsync(User user)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.UserBadges.AsNoTracking().Where(b => b.UserId == user.Id).OrderBy(b => b.BadgeId).ToListAsync();
    }

    public static async Task<List<int>> HoldersAsync(long badgeId)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.UserBadges.AsNoTracking().Where(b => b.BadgeId == badgeId).OrderBy(b => b.UserId).Select(b => b.UserId).ToListAsync();
    }

    public static async Task GiveBadgeAsync(User user, long badgeId, DateTime earned)
    {
        await using var db = TestEnvironment.CreateDbContext();
        db.UserBadges.Add(new UserBadge { UserId = user.Id, BadgeId = badgeId, EarnedTime = earned });
        await db.SaveChangesAsync();
    }

    /// <summary>Joins through the API as <paramref name="client"/>.</summary>
    public static async Task JoinAsync(ApiClient client, ProblemSet set) =>
        Assert.That((await client.PostJsonAsync("/api/problemset/progress", new { problemset_id = set.Id })).Ok().GetString(), Is.EqualTo("成功加入题单"));

    /// <summary>Reports an accepted submission through the API as <paramref name="client"/>.</summary>
    public static async Task<ApiResponse> ReportAsync(ApiClient client, ProblemSet set, Problem problem, string submissionId) =>
        await client.SendAsync(HttpMethod.Put, "/api/problemset/progress",
            System.Net.Http.Json.JsonContent.Create(new { problemset_id = set.Id, problem_id = problem.Id, submission_id = submissionId }));
}

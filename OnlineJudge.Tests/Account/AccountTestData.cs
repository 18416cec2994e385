namespace OnlineJudge.Tests.Account;

/// <summary>Rows and helpers the account tests need beyond <c>UserBuilder</c>.</summary>
internal static class AccountTestData
{
    public static Task SetOptionAsync(string key, object value) => new SysOptionBuilder(key, value).BuildAsync();

    public static async Task<User> ReloadUserAsync(int id)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.Users.Include(u => u.Profile).SingleAsync(u => u.Id == id);
    }

    public static async Task UpdateUserAsync(int id, Action<User> change)
    {
        await using var db = TestEnvironment.CreateDbContext();
        var user = await db.Users.AsTracking().SingleAsync(u => u.Id == id);
        change(user);
        await db.SaveChangesAsync();
    }

    public static async Task UpdateProfileAsync(int userId, Action<UserProfile> change)
    {
        await using var db = TestEnvironment.CreateDbContext();
        var profile = await db.UserProfiles.AsTracking().SingleAsync(p => p.UserId == userId);
        change(profile);
        await db.SaveChangesAsync();
    }

    public static Task<Problem> AddProblemAsync(int createdById, string displayId, bool visible = true)
    {
        var builder = new ProblemBuilder(createdById).WithDisplayId(displayId).WithTitle("Problem " + displayId);
        return (visible ? builder : builder.Hidden()).BuildAsync();
    }

    public static Task<Submission> AddSubmissionAsync(User user, Problem problem, DateTime createTime, int? contestId = null) =>
        new SubmissionBuilder(user, problem.Id, contestId).WithResult(JudgeStatus.Accepted).CreatedAt(createTime).BuildAsync();

    public static Task<ApiResponse> PutJsonAsync(this ApiClient client, string url, object? body, bool csrf = true) =>
        client.SendAsync(HttpMethod.Put, url, System.Net.Http.Json.JsonContent.Create(body), csrf);

    public static Task<ApiResponse> DeleteAsync(this ApiClient client, string url, bool csrf = true) =>
        client.SendAsync(HttpMethod.Delete, url, null, csrf);

    /// <summary>Logs in the way the client does: GET /api/profile for the CSRF cookie, then POST /api/login.</summary>
    public static async Task<ApiResponse> LoginThroughApiAsync(this ApiClient client, string username, string password)
    {
        (await client.GetAsync("/api/profile")).Ok();
        return await client.PostJsonAsync("/api/login", new { username, password });
    }
}

using System.Net.Http.Json;

namespace OnlineJudge.Tests.Users;

/// <summary>Rows the user-administration and rank tests need, written straight into the test database.</summary>
internal static class UsersTestData
{
    public static async Task SetClassAsync(User user, string? className)
    {
        await using var db = TestEnvironment.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ClassName, className));
        user.ClassName = className;
    }

    public static async Task SetProfileAsync(User user, int accepted, int submissions, string? mood = null, string? realName = null)
    {
        await using var db = TestEnvironment.CreateDbContext();
        await db.UserProfiles.Where(p => p.UserId == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.AcceptedNumber, accepted)
            .SetProperty(p => p.SubmissionNumber, submissions)
            .SetProperty(p => p.Mood, mood)
            .SetProperty(p => p.RealName, realName));
    }

    public static async Task SetTimesAsync(User user, DateTime? createTime, DateTime? lastLogin)
    {
        await using var db = TestEnvironment.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CreateTime, createTime).SetProperty(u => u.LastLogin, lastLogin));
    }

    public static async Task<int> CreateProblemAsync(User owner, string displayId, bool visible = true, int? contestId = null)
    {
        var builder = new ProblemBuilder(owner).WithDisplayId(displayId).WithTitle("Problem " + displayId).InContest(contestId);
        return (await (visible ? builder : builder.Hidden()).BuildAsync()).Id;
    }

    public static async Task<string> AddSubmissionAsync(int problemId, User user, int result, DateTime createTime, int? contestId = null) =>
        (await new SubmissionBuilder(user, problemId, contestId).WithResult(result).CreatedAt(createTime).BuildAsync()).Id;

    public static async Task<User> ReloadAsync(int id)
    {
        await using var db = TestEnvironment.CreateDbContext();
        return await db.Users.Include(u => u.Profile).SingleAsync(u => u.Id == id);
    }

    public static Task<ApiResponse> PutJsonAsync(this ApiClient client, string url, object body) =>
        client.SendAsync(HttpMethod.Put, url, JsonContent.Create(body));

    public static Task<ApiResponse> DeleteAsync(this ApiClient client, string url) =>
        client.SendAsync(HttpMethod.Delete, url, null);
}

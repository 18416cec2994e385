using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Account;

/// <summary>Rows and helpers the account tests need beyond <c>UserBuilder</c>.</summary>
internal static class AccountTestData
{
    public static async Task SetOptionAsync(string key, object value)
    {
        await using var db = TestEnvironment.CreateDbContext();
        var json = JsonSerializer.SerializeToElement(value);
        var existing = await db.SysOptions.AsTracking().FirstOrDefaultAsync(o => o.Key == key);
        if (existing is null)
        {
            db.SysOptions.Add(new SysOption { Key = key, Value = json });
        }
        else
        {
            existing.Value = json;
        }

        await db.SaveChangesAsync();
    }

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

    public static async Task<Problem> AddProblemAsync(int createdById, string displayId, bool visible = true)
    {
        await using var db = TestEnvironment.CreateDbContext();
        var problem = new Problem
        {
            DisplayId = displayId,
            Title = "Problem " + displayId,
            CreatedById = createdById,
            CreateTime = DateTime.UtcNow,
            TimeLimit = 1000,
            MemoryLimit = 256,
            Visible = visible,
            Difficulty = "Low",
            TestCaseId = Guid.NewGuid().ToString("N"),
            Languages = ["Python3"],
        };
        db.Problems.Add(problem);
        await db.SaveChangesAsync();
        return problem;
    }

    public static async Task AddSubmissionAsync(User user, Problem problem, DateTime createTime, int? contestId = null)
    {
        await using var db = TestEnvironment.CreateDbContext();
        db.Submissions.Add(new Submission
        {
            Id = Guid.NewGuid().ToString("N"),
            ProblemId = problem.Id,
            ContestId = contestId,
            CreateTime = createTime,
            UserId = user.Id,
            Username = user.Username,
            Code = "print(1)",
            Language = "Python3",
            Result = 0,
        });
        await db.SaveChangesAsync();
    }

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

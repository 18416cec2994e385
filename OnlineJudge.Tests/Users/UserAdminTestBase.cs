namespace OnlineJudge.Tests.Users;

/// <summary>What the admin user tests share: the endpoint and a logged-in super admin.</summary>
public abstract class UserAdminTestBase : IntegrationTest
{
    protected const string Url = "/api/admin/user";

    protected async Task<User> LoginSuperAdminAsync()
    {
        var admin = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(admin);
        return admin;
    }

    /// <summary>The body the client's user editor sends; <paramref name="change"/> adjusts it.</summary>
    protected static Dictionary<string, object?> EditBody(User user, Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["id"] = user.Id,
            ["username"] = user.Username,
            ["real_name"] = "Real",
            ["email"] = user.Email,
            ["admin_type"] = user.AdminType,
            ["problem_permission"] = user.ProblemPermission,
            ["open_api"] = false,
            ["is_disabled"] = false,
            ["class_name"] = null,
            ["password"] = "",
            ["create_time"] = "2026-01-01T00:00:00+08:00",
        };
        change?.Invoke(body);
        return body;
    }
}

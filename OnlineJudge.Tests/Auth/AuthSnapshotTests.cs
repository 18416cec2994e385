using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Data.Entities;
using OnlineJudge.Services.Account;
using OnlineJudge.Tests.Account;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;
using StackExchange.Redis;

namespace OnlineJudge.Tests.Auth;

/// <summary>
/// The per-user auth snapshot in Redis: requests are served from it, and every write that changes what it holds is seen
/// by the very next request (each write goes through HTTP, after a request has cached the snapshot).
/// </summary>
public class AuthSnapshotTests : IntegrationTest
{
    private ApiClient admin = null!;

    private static IDatabase Redis => TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    [SetUp]
    public async Task LogInAdminAsync()
    {
        admin = NewClient();
        await admin.LoginAsync(await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync());
    }

    [Test]
    public async Task A_request_caches_the_snapshot_and_the_next_one_is_served_from_it()
    {
        var user = await new UserBuilder().WithUsername("cached").BuildAsync();
        await Client.LoginAsync(user);
        Assert.That((await Client.GetAsync("/api/_probe/me")).Ok().GetProperty("username").GetString(), Is.EqualTo("cached"));
        Assert.That(await Redis.HashExistsAsync($"auth_user:{{{user.Id}}}", "s"), Is.True);

        // Behind the app's back (no invalidation): the snapshot still answers, so PostgreSQL was not asked.
        await AccountTestData.UpdateUserAsync(user.Id, u => u.Username = "renamed-in-sql");
        Assert.That((await Client.GetAsync("/api/_probe/me")).Ok().GetProperty("username").GetString(), Is.EqualTo("cached"));
    }

    [Test]
    public async Task Own_password_change_logs_out_every_session_at_once()
    {
        var user = await new UserBuilder().WithPassword("old-pass").BuildAsync();
        var phone = NewClient();
        await phone.LoginAsync(user);
        await Client.LoginAsync(user);
        await AssertLoggedInAsync(phone, user);

        (await Client.PostJsonAsync("/api/change_password", new { old_password = "old-pass", new_password = "new-pass" })).Ok();

        await AssertLoggedOutAsync(phone);
        await AssertLoggedOutAsync(Client);
    }

    [Test]
    public async Task Password_reset_by_token_logs_out_every_session_at_once()
    {
        var user = await new UserBuilder().WithPassword("forgotten").BuildAsync();
        await AccountTestData.UpdateUserAsync(user.Id, u =>
        {
            u.ResetPasswordToken = "0123456789abcdef0123456789abcdef";
            u.ResetPasswordTokenExpireTime = DateTime.UtcNow.AddMinutes(10);
        });
        var phone = NewClient();
        await phone.LoginAsync(user);
        await AssertLoggedInAsync(phone, user);

        (await Client.PostJsonAsync("/api/reset_password",
            new { token = "0123456789abcdef0123456789abcdef", password = "brand-new", captcha = await CaptchaAsync(Client) })).Ok();

        await AssertLoggedOutAsync(phone);
    }

    [Test]
    public async Task Admin_password_edit_logs_the_user_out()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        await AssertLoggedInAsync(Client, user);

        (await EditAsync(user, password: "set-by-admin")).Ok();

        await AssertLoggedOutAsync(Client);
    }

    [Test]
    public async Task Admin_password_reset_logs_the_user_out()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        await AssertLoggedInAsync(Client, user);

        (await admin.PostJsonAsync("/api/admin/reset_password", new { id = user.Id })).Ok();

        await AssertLoggedOutAsync(Client);
    }

    [Test]
    public async Task Role_change_is_seen_by_the_next_request()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        (await Client.GetAsync("/api/_probe/admin")).AssertError("permission-denied", "Please login first");

        (await EditAsync(user, adminType: AdminType.TeacherAdmin, problemPermission: ProblemPermission.Own)).Ok();
        var me = (await Client.GetAsync("/api/_probe/me")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("admin_type").GetString(), Is.EqualTo(AdminType.TeacherAdmin));
            Assert.That(me.GetProperty("problem_permission").GetString(), Is.EqualTo(ProblemPermission.Own));
        });
        (await Client.GetAsync("/api/_probe/admin")).Ok();

        (await EditAsync(user, adminType: AdminType.RegularUser)).Ok();
        (await Client.GetAsync("/api/_probe/admin")).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Problem_permission_change_is_seen_by_the_next_request()
    {
        var user = await new UserBuilder().AsStudentAdmin().BuildAsync();
        await Client.LoginAsync(user);
        (await Client.GetAsync("/api/_probe/problem-permission")).AssertError("permission-denied", "Please login first");

        (await EditAsync(user, adminType: AdminType.StudentAdmin, problemPermission: ProblemPermission.All)).Ok();

        (await Client.GetAsync("/api/_probe/problem-permission")).Ok();
        Assert.That((await Client.GetAsync("/api/_probe/me")).Ok().GetProperty("problem_permission").GetString(), Is.EqualTo(ProblemPermission.All));
    }

    [Test]
    public async Task Disabling_is_seen_by_the_next_request_and_stops_the_api_key()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        (await EditAsync(user, openApi: true)).Ok();
        var key = await AppKeyOfAsync(user.Id);
        await AssertLoggedInAsync(Client, user);
        await AssertApiKeyWorksAsync(key!, user);

        (await EditAsync(user, openApi: true, disabled: true)).Ok();

        (await Client.GetAsync("/api/_probe/login")).AssertError("permission-denied", "Your account is disabled");
        await AssertApiKeyRefusedAsync(key!);
    }

    [Test]
    public async Task Username_and_email_changes_are_seen_by_the_next_request()
    {
        var user = await new UserBuilder().WithUsername("before").WithPassword("pass123").BuildAsync();
        await Client.LoginAsync(user);
        await AssertLoggedInAsync(Client, user);

        (await EditAsync(user, username: "after", email: "after@example.com")).Ok();
        var me = (await Client.GetAsync("/api/_probe/me")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("username").GetString(), Is.EqualTo("after"));
            Assert.That(me.GetProperty("email").GetString(), Is.EqualTo("after@example.com"));
        });

        (await Client.PostJsonAsync("/api/change_email", new { password = "pass123", new_email = "own@example.com" })).Ok();
        Assert.That((await Client.GetAsync("/api/_probe/me")).Ok().GetProperty("email").GetString(), Is.EqualTo("own@example.com"));
    }

    [Test]
    public async Task Deleting_a_user_ends_their_sessions_and_api_key()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        (await EditAsync(user, openApi: true)).Ok();
        var key = await AppKeyOfAsync(user.Id);
        await AssertLoggedInAsync(Client, user);
        await AssertApiKeyWorksAsync(key!, user);

        (await admin.SendAsync(HttpMethod.Delete, $"/api/admin/user?id={user.Id}", null)).Ok();

        await AssertLoggedOutAsync(Client);
        await AssertApiKeyRefusedAsync(key!);
    }

    [Test]
    public async Task A_new_api_key_replaces_the_old_one_at_once()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        (await EditAsync(user, openApi: true)).Ok();
        var old = await AppKeyOfAsync(user.Id);
        await AssertApiKeyWorksAsync(old!, user);
        await AssertApiKeyWorksAsync(old!, user);

        var fresh = (await Client.PostJsonAsync("/api/open_api_appkey", new { })).Ok().GetProperty("appkey").GetString()!;

        await AssertApiKeyRefusedAsync(old!);
        await AssertApiKeyWorksAsync(fresh, user);
    }

    [Test]
    public async Task Turning_open_api_off_stops_the_api_key_at_once()
    {
        var user = await new UserBuilder().BuildAsync();
        (await EditAsync(user, openApi: true)).Ok();
        var key = await AppKeyOfAsync(user.Id);
        await AssertApiKeyWorksAsync(key!, user);
        await AssertApiKeyWorksAsync(key!, user);

        (await EditAsync(user, openApi: false)).Ok();

        await AssertApiKeyRefusedAsync(key!);
    }

    [Test]
    public async Task A_hash_upgraded_at_login_keeps_the_new_session_valid()
    {
        var user = await new UserBuilder().WithUsername("legacy").BuildAsync();
        await AccountTestData.UpdateUserAsync(user.Id, u => u.Password = PasswordHasher.Hash("legacy-pass", "oldsalt", 100));
        var phone = NewClient();
        await phone.LoginAsync(await AccountTestData.ReloadUserAsync(user.Id));
        await AssertLoggedInAsync(phone, user);

        (await Client.LoginThroughApiAsync("legacy", "legacy-pass")).Ok();

        await AssertLoggedInAsync(Client, user);
    }

    [Test]
    public async Task The_inituser_password_reset_logs_the_user_out()
    {
        var user = await new UserBuilder().WithUsername("operator-reset").BuildAsync();
        await Client.LoginAsync(user);
        await AssertLoggedInAsync(Client, user);

        await using (var scope = CreateScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<InitUserService>()
                .ResetPasswordAsync("operator-reset", "by-operator", CancellationToken.None), Is.True);
        }

        await AssertLoggedOutAsync(Client);
    }

    [Test]
    public async Task A_snapshot_read_before_a_write_is_never_stored_after_it()
    {
        var user = await new UserBuilder().BuildAsync();
        var key = await Client.LoginAsync(user);
        var cache = TestEnvironment.Factory.Services.GetRequiredService<UserAuthCache>();
        var before = await cache.ReadSessionAsync(key);
        Assert.That(before.Generation, Is.Not.Null);

        await cache.InvalidateAsync([user.Id]);
        await cache.StoreAsync(new AuthSnapshot(user.Id, "stale", null, AdminType.SuperAdmin, ProblemPermission.All, false, "x", null),
            before.Generation!);

        Assert.That((await cache.ReadSessionAsync(key)).Snapshot, Is.Null);
    }

    private Task<ApiResponse> EditAsync(User user, string? username = null, string? email = null, string adminType = AdminType.RegularUser,
        string problemPermission = ProblemPermission.None, bool openApi = false, bool disabled = false, string? password = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["id"] = user.Id,
            ["username"] = username ?? user.Username,
            ["real_name"] = null,
            ["email"] = email ?? user.Email,
            ["admin_type"] = adminType,
            ["problem_permission"] = problemPermission,
            ["open_api"] = openApi,
            ["is_disabled"] = disabled,
        };
        if (password is not null)
        {
            body["password"] = password;
        }

        return admin.SendAsync(HttpMethod.Put, "/api/admin/user", JsonContent.Create(body));
    }

    private static async Task<string?> AppKeyOfAsync(int userId) => (await AccountTestData.ReloadUserAsync(userId)).OpenApiAppkey;

    private static async Task AssertLoggedInAsync(ApiClient client, User user) =>
        Assert.That((await client.GetAsync("/api/_probe/me")).Ok().GetProperty("id").GetInt32(), Is.EqualTo(user.Id));

    private static async Task AssertLoggedOutAsync(ApiClient client) =>
        (await client.GetAsync("/api/_probe/me")).AssertError("permission-denied", "Please login first");

    private async Task AssertApiKeyWorksAsync(string key, User user)
    {
        using var anonymous = new ApiClient(TestEnvironment.Factory);
        var me = (await anonymous.SendAsync(HttpMethod.Get, "/api/_probe/me", null, csrf: false, r => r.Headers.Add("APPKEY", key))).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("id").GetInt32(), Is.EqualTo(user.Id));
            Assert.That(me.GetProperty("via_api_key").GetBoolean(), Is.True);
        });
    }

    private static async Task AssertApiKeyRefusedAsync(string key)
    {
        using var anonymous = new ApiClient(TestEnvironment.Factory);
        (await anonymous.SendAsync(HttpMethod.Get, "/api/_probe/me", null, csrf: false, r => r.Headers.Add("APPKEY", key)))
            .AssertError("permission-denied", "Please login first");
    }

    private static async Task<string> CaptchaAsync(ApiClient client)
    {
        (await client.GetAsync("/api/captcha")).Ok();
        return (string)(await Redis.StringGetAsync("captcha:" + client.Cookie("captcha")))!;
    }
}

using OnlineJudge.Services.Account;

namespace OnlineJudge.Tests.Foundation;

public class InitUserTests : IntegrationTest
{
    [Test]
    public async Task Create_super_admin_makes_user_and_profile_once()
    {
        await using (var scope = CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<InitUserService>();
            Assert.That(await service.CreateAsync("root", "rootroot", "root@example.com", superAdmin: true, onlyIfNoUsers: true, CancellationToken.None), Is.True);
            Assert.That(await service.CreateAsync("root2", "rootroot", null, superAdmin: true, onlyIfNoUsers: true, CancellationToken.None), Is.False);
            Assert.That(await service.CreateAsync("root3", "rootroot", null, superAdmin: true, onlyIfNoUsers: false, CancellationToken.None), Is.False);
        }

        await using var db = TestEnvironment.CreateDbContext();
        var users = await db.Users.Include(u => u.Profile).ToListAsync();
        Assert.That(users, Has.Count.EqualTo(1));
        var root = users[0];
        Assert.Multiple(() =>
        {
            Assert.That(root.Username, Is.EqualTo("root"));
            Assert.That(root.Email, Is.EqualTo("root@example.com"));
            Assert.That(root.AdminType, Is.EqualTo(AdminType.SuperAdmin));
            Assert.That(root.ProblemPermission, Is.EqualTo(ProblemPermission.All));
            Assert.That(root.Password, Does.StartWith($"pbkdf2_sha256${OnlineJudgeWebFactory.TestPasswordIterations}$"));
            Assert.That(PasswordHasher.Verify("rootroot", root.Password), Is.True);
            Assert.That(root.RawPassword, Is.Null);
            Assert.That(root.Profile, Is.Not.Null);
            Assert.That(root.Profile!.Avatar, Is.EqualTo("/public/avatar/default.png"));
            Assert.That(root.Profile.AcmProblemsStatus.Problems, Is.Null);
        });
    }

    [Test]
    public async Task Create_admin_makes_a_teacher_admin()
    {
        await using (var scope = CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<InitUserService>();
            await new UserBuilder().WithUsername("someone").BuildAsync();
            Assert.That(await service.CreateAsync("teacher", "secret12", null, superAdmin: false, onlyIfNoUsers: false, CancellationToken.None), Is.True);
            Assert.That(await service.CreateAsync("Teacher", "secret12", null, superAdmin: false, onlyIfNoUsers: false, CancellationToken.None), Is.False);
        }

        await using var db = TestEnvironment.CreateDbContext();
        var teacher = await db.Users.SingleAsync(u => u.Username == "teacher");
        Assert.That(teacher.AdminType, Is.EqualTo(AdminType.TeacherAdmin));
    }

    [Test]
    public async Task Reset_password_changes_the_hash_and_fails_for_unknown_users()
    {
        await new UserBuilder().WithUsername("alice").WithPassword("old-password").BuildAsync();
        await using (var scope = CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<InitUserService>();
            Assert.That(await service.ResetPasswordAsync("alice", "new-password", CancellationToken.None), Is.True);
            Assert.That(await service.ResetPasswordAsync("nobody", "new-password", CancellationToken.None), Is.False);
        }

        await using var db = TestEnvironment.CreateDbContext();
        var alice = await db.Users.SingleAsync(u => u.Username == "alice");
        Assert.That(PasswordHasher.Verify("new-password", alice.Password), Is.True);
    }

    [Test]
    public async Task Reset_password_with_an_email_gives_an_account_without_one_an_email()
    {
        var root = await new UserBuilder().WithUsername("oldroot").WithPassword("old-password").WithoutEmail().BuildAsync();
        await new UserBuilder().WithUsername("bob").WithEmail("bob@example.com").BuildAsync();
        await using (var scope = CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<InitUserService>();
            Assert.That(await service.ResetPasswordAsync("oldroot", "p1", CancellationToken.None, "BOB@example.com"), Is.False, "another user's e-mail");
            Assert.That(await service.ResetPasswordAsync("oldroot", "p1", CancellationToken.None, "not an address"), Is.False);
            Assert.That(await service.ResetPasswordAsync("nobody", "p1", CancellationToken.None, "nobody@example.com"), Is.False);
            await AssertAccountAsync("old-password", null);

            Assert.That(await service.ResetPasswordAsync("oldroot", "new-password", CancellationToken.None, "root@school.example"), Is.True);
        }

        await AssertAccountAsync("new-password", "root@school.example");
        using var client = new ApiClient(TestEnvironment.Factory);
        (await client.PostJsonAsync("/api/login", new { username = "oldroot", password = "new-password" })).Ok();
        Assert.That((await client.GetAsync("/api/profile")).Ok().GetProperty("user").GetProperty("email").GetString(), Is.EqualTo("root@school.example"),
            "the client takes a profile with an e-mail for a signed-in user");

        async Task AssertAccountAsync(string password, string? email)
        {
            await using var db = TestEnvironment.CreateDbContext();
            var user = await db.Users.SingleAsync(u => u.Id == root.Id);
            Assert.That(PasswordHasher.Verify(password, user.Password), Is.True);
            Assert.That(user.Email, Is.EqualTo(email));
        }
    }
}

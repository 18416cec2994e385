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
}

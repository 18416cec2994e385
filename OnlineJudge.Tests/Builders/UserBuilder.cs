using OnlineJudge.Services.Account;

namespace OnlineJudge.Tests.Builders;

/// <summary>Makes users (with profile) directly in the test database.</summary>
public class UserBuilder
{
    private string username = "student" + Guid.NewGuid().ToString("N")[..8];
    private string password = "password123";
    private string? email;
    private string adminType = AdminType.RegularUser;
    private string problemPermission = ProblemPermission.None;
    private bool disabled;
    private bool withoutEmail;
    private string? className;
    private DateTime? lastLogin;
    private DateTime createTime = DateTime.UtcNow;

    public UserBuilder WithUsername(string value) { username = value; return this; }
    public UserBuilder WithPassword(string value) { password = value; return this; }
    public UserBuilder WithEmail(string value) { email = value; return this; }
    public UserBuilder WithoutEmail() { withoutEmail = true; return this; }
    public UserBuilder Disabled() { disabled = true; return this; }
    public UserBuilder InClass(string value) { className = value; return this; }
    public UserBuilder LastLoginAt(DateTime? value) { lastLogin = value; return this; }
    public UserBuilder CreatedAt(DateTime value) { createTime = value; return this; }
    public UserBuilder AsSuperAdmin() { adminType = AdminType.SuperAdmin; problemPermission = ProblemPermission.All; return this; }
    public UserBuilder AsTeacherAdmin() { adminType = AdminType.TeacherAdmin; problemPermission = ProblemPermission.Own; return this; }
    public UserBuilder AsStudentAdmin() { adminType = AdminType.StudentAdmin; return this; }

    public async Task<User> BuildAsync()
    {
        var user = new User
        {
            Username = username,
            Email = withoutEmail ? null : email ?? $"{username}@example.com",
            Password = PasswordHasher.Hash(password, "testsalt", OnlineJudgeWebFactory.TestPasswordIterations),
            AdminType = adminType,
            ProblemPermission = problemPermission,
            IsDisabled = disabled,
            CreateTime = createTime,
            ClassName = className,
            LastLogin = lastLogin,
            Profile = new UserProfile(),
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }
}

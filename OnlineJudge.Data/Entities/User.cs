namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>user</c> (account.md, Part D).</summary>
public class User
{
    public int Id { get; set; }
    public string Password { get; set; } = "";
    public DateTime? LastLogin { get; set; }
    public string Username { get; set; } = "";
    public string? Email { get; set; }
    public DateTime? CreateTime { get; set; }
    public string AdminType { get; set; } = Entities.AdminType.RegularUser;
    public string ProblemPermission { get; set; } = Entities.ProblemPermission.None;
    public string? AuthToken { get; set; }
    public List<string> SessionKeys { get; set; } = [];
    public bool OpenApi { get; set; }
    public string? OpenApiAppkey { get; set; }
    public bool IsDisabled { get; set; }
    /// <summary>Encrypted copy of an admin-set password (spec README, decision 6); null for user-chosen ones.</summary>
    public string? RawPassword { get; set; }
    public string? ClassName { get; set; }
    /// <summary>Legacy e-mail password reset (account.md C12/C13); columns the reference dropped, added back as nullable.</summary>
    public string? ResetPasswordToken { get; set; }
    public DateTime? ResetPasswordTokenExpireTime { get; set; }

    public UserProfile? Profile { get; set; }
}

public static class AdminType
{
    public const string RegularUser = "Regular User";
    public const string StudentAdmin = "Student Admin";
    public const string TeacherAdmin = "Teacher Admin";
    public const string SuperAdmin = "Super Admin";
}

public static class ProblemPermission
{
    public const string None = "None";
    public const string Own = "Own";
    public const string All = "All";
}

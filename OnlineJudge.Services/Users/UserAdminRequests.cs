using System.Text.Json.Serialization;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Users;

/// <summary>account.md A13: <c>{"users": [[username, password, email, real_name], …]}</c>.</summary>
public sealed class ImportUsersRequest
{
    [ListField, StringField(MaxLength = 64)]
    public List<List<string>> Users { get; set; } = [];
}

/// <summary>account.md A14 (the client sends the whole UserAdmin object plus <c>password</c>; other keys are ignored).</summary>
public sealed class EditUserRequest
{
    [IntegerField]
    public int Id { get; set; }

    [StringField(MaxLength = 32)]
    public string Username { get; set; } = "";

    [StringField(MaxLength = 32, AllowBlank = true, AllowNull = true)]
    public string? RealName { get; set; }

    /// <summary>Blank keeps the password; up to 128 characters (README decision 6 lifts the reference's 20).</summary>
    [StringField(MinLength = 6, MaxLength = 128, AllowBlank = true, Required = false)]
    public string? Password { get; set; }

    [EmailField(MaxLength = 64)]
    public string Email { get; set; } = "";

    [ChoiceField([Data.Entities.AdminType.RegularUser, Data.Entities.AdminType.StudentAdmin, Data.Entities.AdminType.TeacherAdmin,
        Data.Entities.AdminType.SuperAdmin])]
    public string AdminType { get; set; } = "";

    [ChoiceField([Data.Entities.ProblemPermission.None, Data.Entities.ProblemPermission.Own, Data.Entities.ProblemPermission.All])]
    public string ProblemPermission { get; set; } = "";

    [BooleanField]
    public bool OpenApi { get; set; }

    [BooleanField]
    public bool IsDisabled { get; set; }

    /// <summary>Accepted and ignored: the class is always derived from the username.</summary>
    [StringField(Required = false, AllowNull = true, AllowBlank = true)]
    public string? ClassName { get; set; }
}

/// <summary>account.md A16: <c>{"id": &lt;user id&gt;}</c>.</summary>
public sealed class ResetPasswordRequest
{
    [IntegerField]
    public int Id { get; set; }
}

/// <summary>account.md C9.</summary>
public sealed class GenerateUsersRequest
{
    [StringField(MaxLength = 16, AllowBlank = true)]
    public string Prefix { get; set; } = "";

    [StringField(MaxLength = 16, AllowBlank = true)]
    public string Suffix { get; set; } = "";

    [IntegerField]
    public long NumberFrom { get; set; }

    [IntegerField]
    public long NumberTo { get; set; }

    /// <summary>At least 1 (the reference accepted 0 and below, making empty passwords).</summary>
    [IntegerField(Min = 1, Max = 16, Required = false)]
    public int PasswordLength { get; set; } = 8;
}

/// <summary>The UserAdmin object (account.md "Common object shapes").</summary>
public sealed class UserAdminDto
{
    public int Id { get; init; }
    public string Username { get; init; } = "";
    public string? Email { get; init; }
    public string AdminType { get; init; } = "";
    public string ProblemPermission { get; init; } = "";
    public string? RealName { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? LastLogin { get; init; }
    public bool OpenApi { get; init; }
    public bool IsDisabled { get; init; }
    public string? ClassName { get; init; }

    /// <summary>Holds <c>raw_password</c> for regular users only: for admin roles the key is omitted entirely.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?>? Extra { get; init; }
}

/// <summary>The answer of <c>POST /api/admin/generate_user</c>.</summary>
public sealed record GeneratedUsersDto(string FileId);

/// <summary>Query of <c>GET /api/admin/user</c>: one user with <c>id</c>, else the filtered, ordered page.</summary>
public sealed class UserAdminQuery
{
    [QueryInteger(Invalid = "Invalid Parameter, id must be an integer")] public int? Id { get; set; }
    /// <summary><c>-last_login</c> orders by last login; anything else by creation.</summary>
    [QueryText] public string? OrderBy { get; set; }
    [QueryText] public string? Type { get; set; }
    [QueryText] public string? Keyword { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

/// <summary>Query of <c>DELETE /api/admin/user</c>: <c>id=1,2,3</c>.</summary>
public sealed class UserDeleteQuery
{
    [QueryIdList("Invalid Parameter, id is required", "Invalid Parameter, id must be a comma-separated list of user ids")]
    public List<int> Id { get; set; } = [];
}

/// <summary>Query of <c>GET /api/admin/generate_user</c>.</summary>
public sealed class GeneratedFileQuery
{
    [QueryText] public string? FileId { get; set; }
}

/// <summary>Query of <c>GET /api/admin/random_user</c> and <c>GET /api/class_usernames</c>.</summary>
public sealed class ClassroomQuery
{
    [QueryText] public string? Classroom { get; set; }
}

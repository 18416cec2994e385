namespace OnlineJudge.Data.Users;

/// <summary>
/// A user as admin user management reads it (account.md "UserAdmin"), projected in SQL. <see cref="RawPassword"/> is
/// the stored value (data-protection ciphertext, or a legacy plain text); the service decides what to show.
/// </summary>
public sealed record UserAdminRowDto(
    int Id,
    string Username,
    string? Email,
    string AdminType,
    string ProblemPermission,
    string? RealName,
    DateTime? CreateTime,
    DateTime? LastLogin,
    bool OpenApi,
    bool IsDisabled,
    string? RawPassword,
    string? ClassName);

/// <summary>Filter and order of the admin user list (account.md A12).</summary>
public sealed record UserListQueryDto(string? AdminType, string? Keyword, bool OrderByLastLogin);

/// <summary>A user to insert by import or generation, with its profile's real name.</summary>
public sealed record NewUserDto(string Username, string PasswordHash, string? RawPassword, string? Email, string? ClassName, string? RealName);

/// <summary>
/// The values an admin edit writes (account.md A14). <see cref="PasswordHash"/> null keeps the password; with
/// <see cref="OpenApi"/> on, <see cref="NewOpenApiAppkey"/> null keeps the current key; with it off the key is cleared.
/// </summary>
public sealed record UserEditDto(
    int Id,
    string Username,
    string Email,
    string? ClassName,
    string AdminType,
    string ProblemPermission,
    bool IsDisabled,
    bool OpenApi,
    string? NewOpenApiAppkey,
    string? PasswordHash,
    string? RawPassword,
    string? RealName);

namespace OnlineJudge.Data.Account;

/// <summary>
/// What authentication needs of a user, projected in SQL; cached per user in Redis between the writes that change it.
/// <see cref="OpenApiAppKey"/> is the API key when open API is on, else null.
/// </summary>
public sealed record AuthUserDto(
    int Id,
    string Username,
    string? Email,
    string AdminType,
    string ProblemPermission,
    bool IsDisabled,
    string PasswordHash,
    string? OpenApiAppKey);

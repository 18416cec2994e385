namespace OnlineJudge.Data.Account;

/// <summary>What authentication needs of a user on every request, projected in SQL.</summary>
public sealed record AuthUserDto(
    int Id,
    string Username,
    string? Email,
    string AdminType,
    string ProblemPermission,
    bool IsDisabled,
    string PasswordHash);

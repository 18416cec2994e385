namespace OnlineJudge.Data.Account;

/// <summary>A login candidate (account.md A1): matched by username case-insensitively.</summary>
public sealed record LoginUserDto(int Id, string Username, string PasswordHash, bool IsDisabled, DateTime? LastLogin);

/// <summary>A user's password-reset state (account.md C12).</summary>
public sealed record ResetTokenUserDto(int Id, string Username, string? Email, DateTime? ResetPasswordTokenExpireTime);

/// <summary>A user's open-API switch and password hash, for the legacy self-service endpoints.</summary>
public sealed record UserSecretsDto(int Id, string Username, string PasswordHash, bool OpenApi);

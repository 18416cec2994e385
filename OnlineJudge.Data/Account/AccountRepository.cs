using Npgsql;

namespace OnlineJudge.Data.Account;

/// <summary>Self-service account data: login, registration, password and e-mail changes, keys and tokens.</summary>
public class AccountRepository(OnlineJudgeDbContext db)
{
    /// <summary>Users whose username equals <paramref name="username"/> case-insensitively, the exact match first.</summary>
    public Task<List<LoginUserDto>> FindLoginCandidatesAsync(string username, CancellationToken cancellationToken)
    {
        var lower = username.ToLowerInvariant();
        return db.Users.Where(u => u.Username.ToLower() == lower)
            .OrderBy(u => u.Username == username ? 0 : 1).ThenBy(u => u.Id)
            .Take(5)
            .Select(u => new LoginUserDto(u.Id, u.Username, u.Password, u.IsDisabled, u.LastLogin))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sets <c>last_login</c>, and the password hash when it was upgraded to more iterations.</summary>
    public Task RecordLoginAsync(int userId, DateTime now, string? upgradedPasswordHash, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(u => u.LastLogin, now);
            if (upgradedPasswordHash is not null)
            {
                s.SetProperty(u => u.Password, upgradedPasswordHash);
            }
        }, cancellationToken);

    public Task<bool> UsernameTakenAsync(string username, CancellationToken cancellationToken)
    {
        var lower = username.ToLowerInvariant();
        return db.Users.AnyAsync(u => u.Username.ToLower() == lower, cancellationToken);
    }

    /// <summary>Whether any user has this e-mail address, compared case-insensitively.</summary>
    public Task<bool> EmailTakenAsync(string email, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
        return db.Users.AnyAsync(u => u.Email != null && u.Email.ToLower() == lower, cancellationToken);
    }

    /// <summary>Inserts a user with an empty profile (one SaveChanges: atomic); false when the username was taken meanwhile.</summary>
    public async Task<bool> TryCreateWithProfileAsync(User user, CancellationToken cancellationToken)
    {
        user.Profile ??= new UserProfile();
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }

        return true;
    }

    public Task<UserSecretsDto?> GetSecretsAsync(int userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId)
            .Select(u => new UserSecretsDto(u.Id, u.Username, u.Password, u.OpenApi))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Stores a password the user chose: the plain-text copy is cleared (spec README, decision 6).</summary>
    public Task SetOwnPasswordAsync(int userId, string passwordHash, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.Password, passwordHash).SetProperty(u => u.RawPassword, (string?)null), cancellationToken);

    public Task SetEmailAsync(int userId, string email, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email), cancellationToken);

    public Task SetOpenApiAppKeyAsync(int userId, string appKey, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.OpenApiAppkey, appKey), cancellationToken);

    /// <summary>Users with this e-mail address, compared case-insensitively (at most two: enough to detect ambiguity).</summary>
    public Task<List<ResetTokenUserDto>> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
        return db.Users.Where(u => u.Email != null && u.Email.ToLower() == lower)
            .OrderBy(u => u.Id)
            .Take(2)
            .Select(u => new ResetTokenUserDto(u.Id, u.Username, u.Email, u.ResetPasswordTokenExpireTime))
            .ToListAsync(cancellationToken);
    }

    public Task<ResetTokenUserDto?> FindByResetTokenAsync(string token, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.ResetPasswordToken == token)
            .Select(u => new ResetTokenUserDto(u.Id, u.Username, u.Email, u.ResetPasswordTokenExpireTime))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Issues a reset token unless one was issued meanwhile that has not expired (atomic check and set).</summary>
    public async Task<bool> TrySetResetTokenAsync(int userId, string token, DateTime now, DateTime expires, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId
                && (u.ResetPasswordTokenExpireTime == null || u.ResetPasswordTokenExpireTime <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ResetPasswordToken, token).SetProperty(u => u.ResetPasswordTokenExpireTime, expires),
                cancellationToken) > 0;

    /// <summary>Withdraws a reset token (its e-mail could not be sent).</summary>
    public Task ClearResetTokenAsync(int userId, string token, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId && u.ResetPasswordToken == token).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.ResetPasswordToken, (string?)null).SetProperty(u => u.ResetPasswordTokenExpireTime, (DateTime?)null),
            cancellationToken);

    /// <summary>Sets the password chosen through a reset token and consumes the token; false when it was used meanwhile.</summary>
    public async Task<bool> ResetPasswordWithTokenAsync(int userId, string token, string passwordHash, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId && u.ResetPasswordToken == token).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.Password, passwordHash)
                .SetProperty(u => u.RawPassword, (string?)null)
                .SetProperty(u => u.ResetPasswordToken, (string?)null),
            cancellationToken) > 0;
}

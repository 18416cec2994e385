namespace OnlineJudge.Data.Account;

public class UserRepository(OnlineJudgeDbContext db)
{
    public Task<AuthUserDto?> FindAuthUserAsync(int id, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == id)
            .Select(u => new AuthUserDto(u.Id, u.Username, u.Email, u.AdminType, u.ProblemPermission, u.IsDisabled, u.Password,
                u.OpenApi ? u.OpenApiAppkey : null))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The user an <c>APPKEY</c> header authenticates: open API on and not disabled (platform.md §9.3).</summary>
    public Task<AuthUserDto?> FindAuthUserByAppKeyAsync(string appKey, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.OpenApiAppkey == appKey && u.OpenApi && !u.IsDisabled)
            .Select(u => new AuthUserDto(u.Id, u.Username, u.Email, u.AdminType, u.ProblemPermission, u.IsDisabled, u.Password,
                u.OpenApiAppkey))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<int?> FindIdByUsernameAsync(string username, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Username == username).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> AnyUserAsync(CancellationToken cancellationToken) =>
        db.Users.AnyAsync(cancellationToken);

    public Task<bool> AnyWithAdminTypeAsync(string adminType, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.AdminType == adminType, cancellationToken);

    public Task<bool> UsernameExistsAsync(string username, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Username.ToLower() == username.ToLower(), cancellationToken);

    /// <summary>Inserts a user and its profile (one SaveChanges: atomic).</summary>
    public async Task<int> CreateWithProfileAsync(User user, CancellationToken cancellationToken)
    {
        user.Profile ??= new UserProfile();
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    public async Task<bool> SetPasswordAsync(string username, string passwordHash, string? rawPassword, CancellationToken cancellationToken)
    {
        var updated = await db.Users.Where(u => u.Username == username)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Password, passwordHash).SetProperty(u => u.RawPassword, rawPassword), cancellationToken);
        return updated > 0;
    }

    /// <summary>The password and the e-mail in one statement (the operator's reset of an account that has no e-mail).</summary>
    public async Task<bool> SetPasswordAndEmailAsync(string username, string passwordHash, string email, CancellationToken cancellationToken)
    {
        var updated = await db.Users.Where(u => u.Username == username)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Password, passwordHash).SetProperty(u => u.RawPassword, (string?)null)
                .SetProperty(u => u.Email, email), cancellationToken);
        return updated > 0;
    }

    /// <summary>Whether another user than <paramref name="username"/> has this e-mail (compared case-insensitively, as registration does).</summary>
    public Task<bool> EmailUsedByOtherAsync(string email, string username, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
        return db.Users.AnyAsync(u => u.Email != null && u.Email.ToLower() == lower && u.Username != username, cancellationToken);
    }
}

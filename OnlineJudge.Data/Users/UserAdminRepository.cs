using Npgsql;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Users;

/// <summary>Admin user management (account.md A12–A16, C9) and the class/username look-ups of conf.md §3 and §12.</summary>
public class UserAdminRepository(OnlineJudgeDbContext db)
{
    public Task<UserAdminRowDto?> GetAsync(int id, CancellationToken cancellationToken) =>
        Project(db.Users.Where(u => u.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public Task<Page<UserAdminRowDto>> GetPageAsync(UserListQueryDto query, PageRequest page, CancellationToken cancellationToken)
    {
        var users = db.Users.AsQueryable();
        if (!string.IsNullOrEmpty(query.AdminType))
        {
            users = users.Where(u => u.AdminType == query.AdminType);
        }

        if (!string.IsNullOrEmpty(query.Keyword))
        {
            var pattern = LikePatterns.Contains(query.Keyword);
            users = users.Where(u => EF.Functions.ILike(u.Username, pattern, LikePatterns.Escape)
                || EF.Functions.ILike(u.Profile!.RealName!, pattern, LikePatterns.Escape)
                || EF.Functions.ILike(u.Email!, pattern, LikePatterns.Escape));
        }

        // "-last_login" puts users who never logged in last (PostgreSQL sorts NULL first in descending order).
        var ordered = query.OrderByLastLogin
            ? users.OrderBy(u => u.LastLogin == null).ThenByDescending(u => u.LastLogin).ThenByDescending(u => u.Id)
            : users.OrderByDescending(u => u.CreateTime).ThenByDescending(u => u.Id);
        return Project(ordered).ToPageAsync(page, cancellationToken);
    }

    /// <summary>The first username of <paramref name="usernames"/> that exists already or repeats an earlier one.</summary>
    public async Task<string?> FindFirstDuplicateAsync(IReadOnlyList<string> usernames, CancellationToken cancellationToken)
    {
        var distinct = usernames.Distinct(StringComparer.Ordinal).ToList();
        var existing = (await db.Users.Where(u => distinct.Contains(u.Username)).Select(u => u.Username)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return usernames.FirstOrDefault(name => existing.Contains(name) || !seen.Add(name));
    }

    /// <summary>
    /// Inserts the users and their profiles (one SaveChanges: atomic). False (nothing written) when a username is taken,
    /// e.g. by a concurrent insert.
    /// </summary>
    public async Task<bool> InsertAsync(IReadOnlyList<NewUserDto> users, DateTime now, CancellationToken cancellationToken)
    {
        db.Users.AddRange(users.Select(u => new User
        {
            Username = u.Username,
            Password = u.PasswordHash,
            RawPassword = u.RawPassword,
            Email = u.Email,
            ClassName = u.ClassName,
            CreateTime = now,
            AdminType = Entities.AdminType.RegularUser,
            ProblemPermission = Entities.ProblemPermission.None,
            Profile = new UserProfile { RealName = u.RealName },
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return false;
        }

        return true;
    }

    public Task<bool> OtherUserHasUsernameAsync(int id, string username, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Username == username && u.Id != id, cancellationToken);

    public Task<bool> OtherUserHasEmailAsync(int id, string email, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Email == email && u.Id != id, cancellationToken);

    /// <summary>
    /// Writes an admin edit: the user row, the submissions that carried the old username, and the profile's real name;
    /// run it in a transaction rolled back on false. False when the user is gone or the new username is taken (concurrently).
    /// </summary>
    public async Task<bool> UpdateAsync(UserEditDto edit, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.Id == edit.Id, cancellationToken);
        if (user is null)
        {
            return false;
        }

        var previousUsername = user.Username;
        user.Username = edit.Username;
        user.Email = edit.Email;
        user.ClassName = edit.ClassName;
        user.AdminType = edit.AdminType;
        user.ProblemPermission = edit.ProblemPermission;
        user.IsDisabled = edit.IsDisabled;
        user.OpenApi = edit.OpenApi;
        user.OpenApiAppkey = !edit.OpenApi ? null : edit.NewOpenApiAppkey ?? user.OpenApiAppkey;
        if (edit.PasswordHash is not null)
        {
            user.Password = edit.PasswordHash;
            user.RawPassword = edit.RawPassword;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return false;
        }

        if (previousUsername != edit.Username)
        {
            await db.Submissions.Where(s => s.Username == previousUsername)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Username, edit.Username), cancellationToken);
        }

        await db.UserProfiles.Where(p => p.UserId == edit.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RealName, edit.RealName), cancellationToken);
        return true;
    }

    /// <summary>Deletes the users in one statement; the database cascades to every row that references them.</summary>
    public Task<int> DeleteAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.Users.Where(u => ids.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);

    public async Task<bool> SetPasswordAsync(int id, string passwordHash, string? rawPassword, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Password, passwordHash).SetProperty(u => u.RawPassword, rawPassword),
                cancellationToken) > 0;

    /// <summary>Usernames of a class, newest user first (conf.md §3).</summary>
    public Task<List<string>> GetClassUsernamesAsync(string className, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.ClassName == className)
            .OrderByDescending(u => u.CreateTime).ThenByDescending(u => u.Id)
            .Select(u => u.Username)
            .ToListAsync(cancellationToken);

    /// <summary>Up to <paramref name="count"/> usernames starting with <paramref name="prefix"/> (any case), in random order (conf.md §12).</summary>
    public Task<List<string>> GetRandomUsernamesAsync(string prefix, int count, CancellationToken cancellationToken)
    {
        var pattern = LikePatterns.StartsWith(prefix);
        return db.Users.Where(u => EF.Functions.ILike(u.Username, pattern, LikePatterns.Escape))
            .OrderBy(_ => EF.Functions.Random())
            .Take(count)
            .Select(u => u.Username)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<UserAdminRowDto> Project(IQueryable<User> users) =>
        users.Select(u => new UserAdminRowDto(u.Id, u.Username, u.Email, u.AdminType, u.ProblemPermission, u.Profile!.RealName,
            u.CreateTime, u.LastLogin, u.OpenApi, u.IsDisabled, u.RawPassword, u.ClassName));

    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}

/// <summary>LIKE/ILIKE patterns matching user text literally (<c>%</c>, <c>_</c> and <c>\</c> escaped).</summary>
internal static class LikePatterns
{
    public const string Escape = "\\";

    public static string Contains(string text) => "%" + Literal(text) + "%";

    public static string StartsWith(string text) => Literal(text) + "%";

    private static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}

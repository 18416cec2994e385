using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Users;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Contests;
using AdminTypes = OnlineJudge.Data.Entities.AdminType;
using ProblemPermissions = OnlineJudge.Data.Entities.ProblemPermission;
using OnlineJudge.Data.Transactions;

namespace OnlineJudge.Services.Users;

/// <summary>Admin user management (account.md A12–A16, legacy C9/C10) and the lucky-student picker (conf.md §12).</summary>
public partial class UserAdminService(
    UserAdminRepository users,
    TransactionRunner transactions,
    BulkPasswordHasher hasher,
    RawPasswordProtector protector,
    GeneratedUserFiles files,
    ContestRankService contestRanks,
    UserAuthCache authCache,
    Problems.IProblemDeletions deletions,
    TimeProvider time)
{
    /// <summary>Most users one generate request creates (ours: the reference had no limit; each costs ~0.5 s of CPU).</summary>
    public const int MaxGeneratedUsers = 1000;

    private const string ResetPasswordAlphabet = "123456789";

    /// <summary>A12: one user.</summary>
    public async Task<ServiceResult<UserAdminDto>> GetAsync(int id, CancellationToken cancellationToken) =>
        await users.GetAsync(id, cancellationToken) is { } row ? ToDto(row) : ServiceError.Of("User does not exist");

    /// <summary>A12: the filtered, ordered page.</summary>
    public async Task<ServiceResult<Page<UserAdminDto>>> ListAsync(UserAdminQuery query, CancellationToken cancellationToken)
    {
        var rows = await users.GetPageAsync(new UserListQueryDto(query.Type, query.Keyword, query.OrderBy == "-last_login"), query.Page,
            cancellationToken);
        return new Page<UserAdminDto>([.. rows.Results.Select(ToDto)], rows.Total);
    }

    /// <summary>A13: checks every row, then inserts all users and profiles in one transaction, or nothing.</summary>
    public async Task<ServiceResult> ImportAsync(ImportUsersRequest request, CancellationToken cancellationToken)
    {
        var drafts = new List<(string Username, string Password, string? Email, string? ClassName, string? RealName)>();
        foreach (var row in request.Users)
        {
            if (row.Count != 4 || row[0].EnumerateRunes().Count() > 32)
            {
                return ServiceError.Of($"Error occurred while processing data '{ClassNames.PythonListRepr(row)}'");
            }

            var (className, error) = ClassNames.Derive(row[0]);
            if (error is not null)
            {
                return ServiceError.Of(error);
            }

            drafts.Add((row[0], row[1], row[2], className, row[3]));
        }

        if (drafts.Count == 0)
        {
            return ServiceResult.Ok();
        }

        var insertError = await CreateUsersAsync(drafts, cancellationToken);
        return insertError is null ? ServiceResult.Ok() : insertError;
    }

    /// <summary>A14.</summary>
    public async Task<ServiceResult<UserAdminDto>> EditAsync(EditUserRequest request, CancellationToken cancellationToken)
    {
        var current = await users.GetAsync(request.Id, cancellationToken);
        if (current is null)
        {
            return ServiceError.Of("User does not exist");
        }

        var username = request.Username.ToLowerInvariant();
        var email = request.Email.ToLowerInvariant();
        if (await users.OtherUserHasUsernameAsync(request.Id, username, cancellationToken))
        {
            return ServiceError.Of("Username already exists");
        }

        if (await users.OtherUserHasEmailAsync(request.Id, email, cancellationToken))
        {
            return ServiceError.Of("Email already exists");
        }

        var (className, classError) = ClassNames.Derive(request.Username);
        if (classError is not null)
        {
            return ServiceError.Of(classError);
        }

        var problemPermission = request.AdminType switch
        {
            AdminTypes.SuperAdmin => ProblemPermissions.All,
            AdminTypes.RegularUser => ProblemPermissions.None,
            _ => request.ProblemPermission,
        };
        string? passwordHash = null;
        string? rawPassword = null;
        if (!string.IsNullOrEmpty(request.Password))
        {
            passwordHash = await hasher.HashAsync(request.Password, cancellationToken);
            rawPassword = protector.Protect(request.Password);
        }

        var edit = new UserEditDto(request.Id, username, email, className, request.AdminType, problemPermission, request.IsDisabled,
            request.OpenApi, request.OpenApi && !current.OpenApi ? RandomStrings.LowerHex() : null, passwordHash, rawPassword,
            request.RealName);
        if (!await authCache.ChangeAsync(request.Id, () => transactions.ExecuteAsync(ct => users.UpdateAsync(edit, ct), saved => saved, cancellationToken)))
        {
            return ServiceError.Of(await users.GetAsync(request.Id, cancellationToken) is null ? "User does not exist" : "Username already exists");
        }

        // Username, real name, role and disabled flag show in contest ranks.
        await contestRanks.InvalidateUserRanksAsync(request.Id, CancellationToken.None);
        var saved = await users.GetAsync(request.Id, cancellationToken);
        return saved is null ? ServiceError.Of("User does not exist") : ToDto(saved);
    }

    /// <summary>A15: the caller cannot delete themself.</summary>
    public async Task<ServiceResult> DeleteAsync(IReadOnlyList<int> ids, int callerId, CancellationToken cancellationToken)
    {
        if (ids.Contains(callerId))
        {
            return ServiceError.Of("Current user can not be deleted");
        }

        var contests = await contestRanks.GetRankedContestIdsAsync(ids, cancellationToken);
        // Their problems go too, and with them rows of other users' problem sets (problemset.md §0.5).
        await authCache.ChangeAsync(ids, () => deletions.DeleteUsersAsync(ids, ct => users.DeleteAsync(ids, ct), cancellationToken));
        foreach (var contestId in contests)
        {
            await contestRanks.InvalidateRankAsync(contestId, CancellationToken.None);
        }

        return ServiceResult.Ok();
    }

    /// <summary>A16: a new 6-digit password (digits 1–9), returned in clear and kept encrypted for the teacher.</summary>
    public async Task<ServiceResult<string>> ResetPasswordAsync(int id, CancellationToken cancellationToken)
    {
        var password = RandomNumberGenerator.GetString(ResetPasswordAlphabet, 6);
        var hash = await hasher.HashAsync(password, cancellationToken);
        var rawPassword = protector.Protect(password);
        return await authCache.ChangeAsync(id, () => users.SetPasswordAsync(id, hash, rawPassword, cancellationToken))
            ? password
            : ServiceError.Of("User does not exist");
    }

    /// <summary>C9: creates <c>&lt;prefix&gt;&lt;n&gt;&lt;suffix&gt;</c> users with random passwords and an xlsx listing them.</summary>
    public async Task<ServiceResult<GeneratedUsersDto>> GenerateAsync(GenerateUsersRequest request, CancellationToken cancellationToken)
    {
        var digits = Math.Max(Text(request.NumberFrom).Length, Text(request.NumberTo).Length);
        if (digits + request.Prefix.EnumerateRunes().Count() + request.Suffix.EnumerateRunes().Count() > 32)
        {
            return ServiceError.Of("Username should not more than 32 characters");
        }

        if (request.NumberFrom > request.NumberTo)
        {
            return ServiceError.Of("Start number must be lower than end number");
        }

        // Decimal: the difference of two longs may not fit a long.
        if ((decimal)request.NumberTo - request.NumberFrom >= MaxGeneratedUsers)
        {
            return ServiceError.Of($"At most {MaxGeneratedUsers} users can be generated at once");
        }

        var count = (int)(request.NumberTo - request.NumberFrom) + 1;
        var generated = new List<(string Username, string Password, string? Email, string? ClassName, string? RealName)>(count);
        for (var i = 0; i < count; i++)
        {
            generated.Add((request.Prefix + Text(request.NumberFrom + i) + request.Suffix, RandomStrings.LowerHex(request.PasswordLength),
                null, null, null));
        }

        var error = await CreateUsersAsync(generated, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var fileId = RandomStrings.LowerHex(8);
        await files.SaveAsync(fileId, generated.Select(g => (g.Username, g.Password)), CancellationToken.None);
        return new GeneratedUsersDto(fileId);
    }

    /// <summary>C10: the xlsx of a generation, once.</summary>
    public async Task<ServiceResult<byte[]>> DownloadGeneratedAsync(string? fileId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(fileId))
        {
            return ServiceError.Of("Invalid Parameter, file_id is required");
        }

        if (!FileId().IsMatch(fileId))
        {
            return ServiceError.Of("Illegal file_id");
        }

        var content = await files.TakeAsync(fileId, cancellationToken);
        return content is null ? ServiceError.Of("File does not exist") : content;
    }

    /// <summary>conf.md §12: up to ten usernames starting with <paramref name="classroom"/>, in random order.</summary>
    public async Task<ServiceResult<List<string>>> GetRandomUsernamesAsync(string? classroom, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(classroom))
        {
            return ServiceError.Of("需要班级号");
        }

        return await users.GetRandomUsernamesAsync(classroom, 10, cancellationToken);
    }

    /// <summary>
    /// Inserts users with admin-set passwords: names checked for duplicates first (the reference's PostgreSQL detail
    /// line), then hashed in parallel, then inserted in one transaction. Null when done.
    /// </summary>
    private async Task<ServiceError?> CreateUsersAsync(
        IReadOnlyList<(string Username, string Password, string? Email, string? ClassName, string? RealName)> drafts,
        CancellationToken cancellationToken)
    {
        var usernames = drafts.Select(d => d.Username).ToList();
        var duplicate = await users.FindFirstDuplicateAsync(usernames, cancellationToken);
        if (duplicate is not null)
        {
            return DuplicateError(duplicate);
        }

        var hashes = await hasher.HashAllAsync([.. drafts.Select(d => d.Password)], cancellationToken);
        var rows = drafts.Select((d, i) => new NewUserDto(d.Username, hashes[i], protector.Protect(d.Password), d.Email, d.ClassName, d.RealName))
            .ToList();
        if (await users.InsertAsync(rows, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return null;
        }

        // Someone took a name meanwhile.
        duplicate = await users.FindFirstDuplicateAsync(usernames, cancellationToken);
        return duplicate is null ? ServiceError.Of("Username already exists") : DuplicateError(duplicate);
    }

    private static ServiceError DuplicateError(string username) => ServiceError.Of($"DETAIL:  Key (username)=({username}) already exists.");

    private UserAdminDto ToDto(UserAdminRowDto row) => new()
    {
        Id = row.Id,
        Username = row.Username,
        Email = row.Email,
        AdminType = row.AdminType,
        ProblemPermission = row.ProblemPermission,
        RealName = row.RealName,
        CreateTime = row.CreateTime,
        LastLogin = row.LastLogin,
        OpenApi = row.OpenApi,
        IsDisabled = row.IsDisabled,
        ClassName = row.ClassName,
        Extra = row.AdminType == AdminTypes.RegularUser
            ? new Dictionary<string, object?> { ["raw_password"] = protector.Reveal(row.RawPassword) }
            : null,
    };


    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-zA-Z0-9]+$")]
    private static partial Regex FileId();
}

using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Services.Account;

/// <summary>The operator command <c>inituser</c>: first super admin, extra admins, password resets.</summary>
public class InitUserService(UserRepository users, PasswordHasher hasher, UserAuthCache authCache, TimeProvider time, ILogger<InitUserService> logger)
{
    /// <summary>
    /// Creates the user; false when it was skipped: users exist and <paramref name="onlyIfNoUsers"/> is set, a super
    /// admin already exists (the reference checks for user id 1, which sequences make unreliable), or the name is taken.
    /// </summary>
    public async Task<bool> CreateAsync(string username, string password, string? email, bool superAdmin, bool onlyIfNoUsers,
        CancellationToken cancellationToken)
    {
        if (onlyIfNoUsers && await users.AnyUserAsync(cancellationToken))
        {
            logger.LogInformation("Users already exist, {Username} not created", username);
            return false;
        }

        if (superAdmin && await users.AnyWithAdminTypeAsync(AdminType.SuperAdmin, cancellationToken))
        {
            logger.LogInformation("A super admin exists, {Username} not created", username);
            return false;
        }

        if (await users.UsernameExistsAsync(username, cancellationToken))
        {
            logger.LogInformation("User {Username} exists, operation ignored", username);
            return false;
        }

        var user = new User
        {
            Username = username,
            Email = email,
            Password = hasher.Hash(password),
            CreateTime = time.GetUtcNow().UtcDateTime,
            AdminType = superAdmin ? AdminType.SuperAdmin : AdminType.TeacherAdmin,
            ProblemPermission = superAdmin ? ProblemPermission.All : ProblemPermission.Own,
        };
        await users.CreateWithProfileAsync(user, cancellationToken);
        logger.LogInformation("User {Username} created ({AdminType})", username, user.AdminType);
        return true;
    }

    /// <summary>
    /// Sets the password and, when <paramref name="email"/> is given, the e-mail: an account of an adopted site without
    /// one (the reference's <c>inituser</c> creates root so) looks signed out to the client, which takes a user without
    /// an e-mail for an anonymous visitor.
    /// </summary>
    public async Task<bool> ResetPasswordAsync(string username, string password, CancellationToken cancellationToken, string? email = null)
    {
        var userId = await users.FindIdByUsernameAsync(username, cancellationToken);
        if (userId is null)
        {
            logger.LogError("User {Username} does not exist, operation ignored", username);
            return false;
        }

        if (email is not null && (!System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Length > 64 || await users.EmailUsedByOtherAsync(email, username, cancellationToken)))
        {
            logger.LogError("The e-mail {Email} is not a valid address or another user has it, operation ignored", email);
            return false;
        }

        var hash = hasher.Hash(password);
        // The running site's cached snapshot of the user goes too, so the old password's sessions end at once.
        var changed = await authCache.ChangeAsync(userId.Value, () => email is null
            ? users.SetPasswordAsync(username, hash, null, cancellationToken)
            : users.SetPasswordAndEmailAsync(username, hash, email, cancellationToken));
        if (!changed)
        {
            logger.LogError("User {Username} does not exist, operation ignored", username);
            return false;
        }

        if (email is null)
        {
            logger.LogInformation("Password of {Username} is reset", username);
        }
        else
        {
            logger.LogInformation("Password and e-mail of {Username} are reset", username);
        }
        return true;
    }
}

using System.Net;
using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Entities;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Conf;
using OnlineJudge.Services.Mail;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Services.Account;

/// <summary>A new session to hand to the browser after a login.</summary>
public sealed record LoginSession(string SessionKey);

/// <summary>The request a login comes from, recorded in the new session (platform.md §10.3).</summary>
public sealed record LoginOrigin(string? CurrentSessionKey, int? CurrentSessionUserId, string Ip, string UserAgent);

/// <summary>
/// Self-service account rules (account.md A1, A3, C1–C3, C6–C8, C12–C13): login, registration, password and e-mail
/// changes, API key, SSO token, password reset by e-mail.
/// </summary>
public class AccountService(
    AccountRepository accounts,
    PasswordHasher hasher,
    SessionStore sessions,
    UserAuthCache authCache,
    SiteOptionsService siteOptions,
    CaptchaService captcha,
    IEmailSender emailSender,
    TimeProvider time,
    ILogger<AccountService> logger)
{
    public const int MaxPasswordLength = 128;
    public static readonly TimeSpan ResetTokenLifetime = TimeSpan.FromMinutes(20);

    /// <summary>Verified against when no user matches, so that unknown usernames cost as much time as wrong passwords.</summary>
    private static string? dummyHash;

    public async Task<ServiceResult<LoginSession>> LoginAsync(LoginRequest request, LoginOrigin origin, CancellationToken cancellationToken)
    {
        var candidates = await accounts.FindLoginCandidatesAsync(request.Username, cancellationToken);
        var user = candidates.FirstOrDefault(c => PasswordHasher.Verify(request.Password, c.PasswordHash));
        if (candidates.Count == 0)
        {
            dummyHash ??= hasher.Hash(RandomStrings.Str());
            PasswordHasher.Verify(request.Password, dummyHash);
        }

        if (user is null)
        {
            return ServiceError.Of("Invalid username or password");
        }

        if (user.IsDisabled)
        {
            return ServiceError.Of("Your account has been disabled");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var upgraded = hasher.NeedsUpgrade(user.PasswordHash) ? hasher.Hash(request.Password) : null;
        if (upgraded is null)
        {
            await accounts.RecordLoginAsync(user.Id, now, null, cancellationToken);
        }
        else
        {
            await authCache.ChangeAsync(user.Id, () => accounts.RecordLoginAsync(user.Id, now, upgraded, cancellationToken));
        }

        if (origin.CurrentSessionKey is { } previous)
        {
            await sessions.DeleteAsync(previous, origin.CurrentSessionUserId);
        }

        var key = await sessions.CreateAsync(new SessionData
        {
            UserId = user.Id,
            AuthHash = SessionStore.AuthHashOf(upgraded ?? user.PasswordHash),
            CreatedAt = now,
            PrevLogin = user.LastLogin,
            Ip = origin.Ip,
            UserAgent = origin.UserAgent,
            LastActivity = now,
        });
        return new LoginSession(key);
    }

    public async Task<ServiceResult<string>> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var site = await siteOptions.GetWebsiteConfigAsync(cancellationToken);
        if (!site.AllowRegister)
        {
            return ServiceError.Of("Register function has been disabled by admin");
        }

        var username = request.Username.ToLowerInvariant();
        var email = request.Email.ToLowerInvariant();
        if (await accounts.UsernameTakenAsync(username, cancellationToken))
        {
            return ServiceError.Of("Username already exists");
        }

        if (await accounts.EmailTakenAsync(email, cancellationToken))
        {
            return ServiceError.Of("Email already exists");
        }

        var user = new User
        {
            Username = username,
            Email = email,
            Password = hasher.Hash(request.Password),
            CreateTime = time.GetUtcNow().UtcDateTime,
            AdminType = AdminType.RegularUser,
            ProblemPermission = ProblemPermission.None,
            RawPassword = null,
        };
        return await accounts.TryCreateWithProfileAsync(user, cancellationToken) ? "Succeeded" : ServiceError.Of("Username already exists");
    }

    /// <summary>Sets a new password; the fingerprint check then ends every session of the user, this one included.</summary>
    public async Task<ServiceResult<string>> ChangePasswordAsync(int userId, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        var user = await accounts.GetSecretsAsync(userId, cancellationToken);
        if (user is null || !PasswordHasher.Verify(request.OldPassword, user.PasswordHash))
        {
            return ServiceError.Of("Invalid old password");
        }

        var hash = hasher.Hash(request.NewPassword);
        await authCache.ChangeAsync(userId, () => accounts.SetOwnPasswordAsync(userId, hash, cancellationToken));
        return "Succeeded";
    }

    public async Task<ServiceResult<string>> ChangeEmailAsync(int userId, ChangeEmailRequest request, CancellationToken cancellationToken)
    {
        var user = await accounts.GetSecretsAsync(userId, cancellationToken);
        if (user is null || !PasswordHasher.Verify(request.Password, user.PasswordHash))
        {
            return ServiceError.Of("Wrong password");
        }

        var email = request.NewEmail.ToLowerInvariant();
        if (await accounts.EmailTakenAsync(email, cancellationToken))
        {
            return ServiceError.Of("The email is owned by other account");
        }

        await authCache.ChangeAsync(userId, () => accounts.SetEmailAsync(userId, email, cancellationToken));
        return "Succeeded";
    }

    public async Task<ServiceResult<UsernameOrEmailTaken>> CheckUsernameOrEmailAsync(CheckUsernameOrEmailRequest request,
        CancellationToken cancellationToken)
    {
        var username = !string.IsNullOrEmpty(request.Username) && await accounts.UsernameTakenAsync(request.Username, cancellationToken);
        var email = !string.IsNullOrEmpty(request.Email) && await accounts.EmailTakenAsync(request.Email, cancellationToken);
        return new UsernameOrEmailTaken(username, email);
    }

    public async Task<ServiceResult<AppKeyResult>> ResetOpenApiAppKeyAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await accounts.GetSecretsAsync(userId, cancellationToken);
        if (user is not { OpenApi: true })
        {
            return ServiceError.Of("OpenAPI function is truned off for you");
        }

        var key = RandomStrings.LowerHex();
        await authCache.ChangeAsync(userId, () => accounts.SetOpenApiAppKeyAsync(userId, key, cancellationToken));
        return new AppKeyResult(key);
    }

    /// <summary>
    /// Issues a reset token valid 20 minutes and e-mails its link. The e-mail is sent before answering: when it cannot
    /// be sent the token is withdrawn and the caller is told to try again, rather than waiting 20 minutes for nothing.
    /// </summary>
    public async Task<ServiceResult<string>> ApplyResetPasswordAsync(ApplyResetPasswordRequest request, bool loggedIn, string? captchaId,
        CancellationToken cancellationToken)
    {
        if (loggedIn)
        {
            return ServiceError.Of("You have already logged in, are you kidding me? ");
        }

        if (!await captcha.CheckAsync(captchaId, request.Captcha))
        {
            return ServiceError.Of("Invalid captcha");
        }

        var users = await accounts.FindByEmailAsync(request.Email, cancellationToken);
        if (users.Count == 0)
        {
            return ServiceError.Of("User does not exist");
        }

        if (users.Count > 1)
        {
            return ServiceError.Of("Several accounts use this email, please contact an administrator");
        }

        var user = users[0];
        var now = time.GetUtcNow().UtcDateTime;
        var token = RandomStrings.LowerHex();
        if (!await accounts.TrySetResetTokenAsync(user.Id, token, now, now + ResetTokenLifetime, cancellationToken))
        {
            return ServiceError.Of("You can only reset password once per 20 minutes");
        }

        var site = await siteOptions.GetWebsiteConfigAsync(cancellationToken);
        var link = $"{site.WebsiteBaseUrl.TrimEnd('/')}/reset-password/{token}";
        try
        {
            await emailSender.SendAsync(user.Email!, user.Username, "Reset your password",
                ResetPasswordEmail(user.Username, site.WebsiteName, link), cancellationToken);
        }
        catch (Exception exception) when (exception is EmailNotConfiguredException or EmailSendException)
        {
            logger.LogError(exception, "Password reset e-mail for user {UserId} not sent", user.Id);
            await accounts.ClearResetTokenAsync(user.Id, token, CancellationToken.None);
            return ServiceError.Of("Failed to send email, please try again later");
        }

        return "Succeeded";
    }

    public async Task<ServiceResult<string>> ResetPasswordAsync(ResetPasswordRequest request, string? captchaId, CancellationToken cancellationToken)
    {
        if (!await captcha.CheckAsync(captchaId, request.Captcha))
        {
            return ServiceError.Of("Invalid captcha");
        }

        var user = await accounts.FindByResetTokenAsync(request.Token, cancellationToken);
        if (user is null)
        {
            return ServiceError.Of("Token does not exist");
        }

        if (user.ResetPasswordTokenExpireTime is not { } expires || expires < time.GetUtcNow().UtcDateTime)
        {
            return ServiceError.Of("Token has expired");
        }

        var hash = hasher.Hash(request.Password);
        return await authCache.ChangeAsync(user.Id, () => accounts.ResetPasswordWithTokenAsync(user.Id, request.Token, hash, cancellationToken))
            ? "Succeeded"
            : ServiceError.Of("Token does not exist");
    }

    /// <summary>The reference's reset_password_email.html, values HTML-encoded.</summary>
    public static string ResetPasswordEmail(string username, string websiteName, string link)
    {
        var name = WebUtility.HtmlEncode(username);
        var site = WebUtility.HtmlEncode(websiteName);
        var href = WebUtility.HtmlEncode(link);
        return $"""
            <div>
              <table cellpadding="0" align="center" style="overflow:hidden;background:#fff;margin:0 auto;text-align:left;position:relative;font-size:14px;font-family:'lucida Grande',Verdana;line-height:1.5;box-shadow:0 0 3px #ccc;border:1px solid #ccc;border-radius:5px;border-collapse:collapse;">
                <tbody>
                  <tr><th valign="middle" style="height:38px;color:#fff;font-size:14px;line-height:38px;font-weight:bold;text-align:left;padding:10px 24px 6px;border-bottom:1px solid #467ec3;background:#518bcb;border-radius:5px 5px 0 0;">{site}</th></tr>
                  <tr><td><div style="padding:20px 35px 40px;">
                    <h2 style="font-weight:bold;margin-bottom:5px;font-size:14px;">Hello, {name}:</h2>
                    <p style="margin-top:20px">Please click <a href="{href}">{href}</a> to reset your password in 20 minutes.</p>
                    <p style="margin-top:20px">To protect your account, please do not use simple passwords.</p>
                    <p style="margin-top:20px">If you still have any questions, please contact the system administrator.</p>
                    <p style="text-indent:0;text-align:right;">{site}</p>
                  </div></td></tr>
                </tbody>
              </table>
            </div>
            """;
    }
}

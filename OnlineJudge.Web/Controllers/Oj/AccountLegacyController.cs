using OnlineJudge.Data.Account;
using OnlineJudge.Services.Account;
using OnlineJudge.Web.Infrastructure.Csrf;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>
/// account.md Part C (legacy, required by the spec README): password and e-mail changes, availability check, sessions,
/// API key, SSO, captcha and password reset by e-mail.
/// </summary>
public class AccountLegacyController(AccountService accounts, UserSessionService userSessions, CaptchaService captcha) : ApiControllerBase
{
    /// <summary>C1: validation, then login.</summary>
    [LoginRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/change_password")]
    public async Task<ServiceResult<string>> ChangePassword(ChangePasswordRequest request, CancellationToken cancellationToken) =>
        await accounts.ChangePasswordAsync(CurrentUser!.Id, request, cancellationToken);

    /// <summary>C2: validation, then login.</summary>
    [LoginRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/change_email")]
    public async Task<ServiceResult<string>> ChangeEmail(ChangeEmailRequest request, CancellationToken cancellationToken) =>
        await accounts.ChangeEmailAsync(CurrentUser!.Id, request, cancellationToken);

    [HttpPost("/api/check_username_or_email")]
    public async Task<ServiceResult<UsernameOrEmailTaken>> CheckUsernameOrEmail(CheckUsernameOrEmailRequest request,
        CancellationToken cancellationToken) =>
        await accounts.CheckUsernameOrEmailAsync(request, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/sessions")]
    public async Task<ServiceResult<List<SessionInfo>>> Sessions() =>
        await userSessions.ListAsync(CurrentUser!.Id, RequestContext.SessionKey);

    [LoginRequired]
    [HttpDelete("/api/sessions")]
    public async Task<ServiceResult<string>> DeleteSession(SessionKeyQuery query) =>
        await userSessions.DeleteAsync(CurrentUser!.Id, query.SessionKey);

    [LoginRequired]
    [HttpPost("/api/open_api_appkey")]
    public async Task<ServiceResult<AppKeyResult>> OpenApiAppKey(CancellationToken cancellationToken) =>
        await accounts.ResetOpenApiAppKeyAsync(CurrentUser!.Id, cancellationToken);

    /// <summary>utils.md §3: a new code, its id in the captcha cookie.</summary>
    [HttpGet("/api/captcha")]
    public async Task<ServiceResult<string>> Captcha()
    {
        var (id, dataUrl) = await captcha.CreateAsync(Request.Cookies[CaptchaCookie.Name]);
        CaptchaCookie.Write(Response, id);
        return dataUrl;
    }

    [HttpPost("/api/apply_reset_password")]
    public async Task<ServiceResult<string>> ApplyResetPassword(ApplyResetPasswordRequest request, CancellationToken cancellationToken) =>
        await accounts.ApplyResetPasswordAsync(request, RequestContext.IsAuthenticated, Request.Cookies[CaptchaCookie.Name], cancellationToken);

    [HttpPost("/api/reset_password")]
    public async Task<ServiceResult<string>> ResetPassword(ResetPasswordRequest request, CancellationToken cancellationToken) =>
        await accounts.ResetPasswordAsync(request, Request.Cookies[CaptchaCookie.Name], cancellationToken);
}

/// <summary>The cookie naming the visitor's pending captcha (its code lives in Redis, see <see cref="CaptchaService"/>).</summary>
public static class CaptchaCookie
{
    public const string Name = "captcha";

    public static void Write(HttpResponse response, string id) =>
        response.Cookies.Append(Name, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = CaptchaService.Lifetime,
            IsEssential = true,
        });
}

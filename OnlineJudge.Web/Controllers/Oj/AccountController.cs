using Microsoft.Extensions.Options;
using OnlineJudge.Data.Account;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Sessions;
using OnlineJudge.Web.Infrastructure.Auth;
using OnlineJudge.Web.Infrastructure.Csrf;
using OnlineJudge.Web.Infrastructure.RequestParsing;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>account.md Part A: login, logout, registration, profile, avatar, display-id refresh, metrics.</summary>
public class AccountController(
    AccountService accounts,
    ProfileService profiles,
    UserSessionService userSessions,
    IOptions<UserSessionOptions> sessionOptions,
    ILogger<AccountController> logger) : ApiControllerBase
{
    /// <summary>A1: a new session (new cookie), a rotated CSRF token, <c>last_login</c> set.</summary>
    [HttpPost("/api/login")]
    public async Task<ServiceResult<string>> Login(LoginRequest request, CancellationToken cancellationToken)
    {
        var origin = new LoginOrigin(RequestContext.SessionKey, RequestContext.Session?.UserId, RequestContext.ClientIp,
            Request.Headers.UserAgent.ToString());
        var result = await accounts.LoginAsync(request, origin, cancellationToken);
        if (result.Data is not { } login)
        {
            return result.Error!;
        }

        SessionCookie.Write(Response, login.SessionKey, sessionOptions.Value.IdleTimeoutSeconds);
        CsrfTokens.Rotate(HttpContext);
        return "Succeeded";
    }

    /// <summary>A2: works also when not logged in.</summary>
    [HttpGet("/api/logout")]
    public async Task<ServiceResult> Logout()
    {
        var result = await userSessions.LogoutAsync(RequestContext.SessionKey, RequestContext.Session?.UserId);
        SessionCookie.Delete(Response);
        return result;
    }

    [HttpPost("/api/register")]
    public async Task<ServiceResult<string>> Register(RegisterRequest request, CancellationToken cancellationToken) =>
        await accounts.RegisterAsync(request, cancellationToken);

    /// <summary>A4: always sets the <c>csrftoken</c> cookie (how the client gets its first token).</summary>
    [HttpGet("/api/profile")]
    public async Task<ServiceResult<ProfileDto?>> GetProfile(ProfileQuery query, CancellationToken cancellationToken)
    {
        CsrfTokens.Ensure(HttpContext);
        return await profiles.GetAsync(CurrentUser, query.Username, cancellationToken);
    }

    [LoginRequired]
    [HttpPut("/api/profile")]
    public async Task<ServiceResult<ProfileDto?>> UpdateProfile(UpdateProfileRequest request, CancellationToken cancellationToken) =>
        await profiles.UpdateAsync(CurrentUser!.Id, request, cancellationToken);

    /// <summary>A6: multipart field <c>image</c>, read here because request parsing is off.</summary>
    [LoginRequired]
    [RawBody]
    [HttpPost("/api/upload_avatar")]
    public async Task<ServiceResult<string>> UploadAvatar(CancellationToken cancellationToken)
    {
        var file = await ReadImageAsync(cancellationToken);
        return await profiles.UploadAvatarAsync(CurrentUser!.Id, file, cancellationToken);
    }

    [LoginRequired]
    [HttpGet("/api/profile/fresh_display_id")]
    public async Task<ServiceResult> FreshDisplayId(CancellationToken cancellationToken) =>
        await profiles.RefreshDisplayIdsAsync(CurrentUser!.Id, cancellationToken);

    [HttpGet("/api/metrics")]
    public async Task<ServiceResult<MetricsResult>> Metrics(MetricsQuery query, CancellationToken cancellationToken) =>
        await profiles.GetMetricsAsync(query.UserId, cancellationToken);

    private async Task<IFormFile?> ReadImageAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var form = await Request.ReadFormAsync(cancellationToken);
            return form.Files.GetFile("image");
        }
        catch (InvalidDataException exception)
        {
            logger.LogInformation(exception, "Avatar upload refused: unreadable multipart body");
            return null;
        }
    }
}

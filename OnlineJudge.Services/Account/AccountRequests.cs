using System.Text.Json.Serialization;
using OnlineJudge.Data.Json;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Account;

/// <summary>POST /api/login (account.md A1); <c>tfa_code</c> of old clients is ignored.</summary>
public class LoginRequest
{
    [StringField]
    public string Username { get; set; } = "";

    [StringField]
    public string Password { get; set; } = "";
}

/// <summary>POST /api/register (account.md A3). Passwords up to 128 characters (spec README, decision 6).</summary>
public class RegisterRequest
{
    [StringField(MaxLength = 32)]
    public string Username { get; set; } = "";

    [StringField(MinLength = 6, MaxLength = AccountService.MaxPasswordLength)]
    public string Password { get; set; } = "";

    [EmailField(MaxLength = 64)]
    public string Email { get; set; } = "";
}

/// <summary>
/// PUT /api/profile (account.md A5): every field optional, only the sent ones are written. Fields other than
/// <c>real_name</c> refuse null, so null means "not sent"; <see cref="RealNameSent"/> tells for <c>real_name</c>.
/// <c>blog</c> is limited to its column's 200 characters (the reference crashed beyond that). A blank
/// <c>real_name</c> means "no real name" (stored as null): the client's settings page sends <c>""</c> for a user without
/// one, which the reference refused (docs/decisions.md, Operations).
/// </summary>
public class UpdateProfileRequest
{
    private string? realName;

    [StringField(MaxLength = 32, Required = false, AllowNull = true, AllowBlank = true)]
    public string? RealName
    {
        get => realName;
        set
        {
            realName = value;
            RealNameSent = true;
        }
    }

    [StringField(MaxLength = 256, Required = false, AllowBlank = true)]
    public string? Avatar { get; set; }

    [UrlField(MaxLength = 200, Required = false, AllowBlank = true)]
    public string? Blog { get; set; }

    [StringField(MaxLength = 256, Required = false, AllowBlank = true)]
    public string? Mood { get; set; }

    [UrlField(MaxLength = 256, Required = false, AllowBlank = true)]
    public string? Github { get; set; }

    [StringField(MaxLength = 64, Required = false, AllowBlank = true)]
    public string? School { get; set; }

    [StringField(MaxLength = 64, Required = false, AllowBlank = true)]
    public string? Major { get; set; }

    [StringField(MaxLength = 32, Required = false, AllowBlank = true)]
    public string? Language { get; set; }

    public bool RealNameSent { get; private set; }
}

/// <summary>POST /api/change_password (account.md C1).</summary>
public class ChangePasswordRequest
{
    [StringField]
    public string OldPassword { get; set; } = "";

    [StringField(MinLength = 6, MaxLength = AccountService.MaxPasswordLength)]
    public string NewPassword { get; set; } = "";
}

/// <summary>POST /api/change_email (account.md C2).</summary>
public class ChangeEmailRequest
{
    [StringField]
    public string Password { get; set; } = "";

    [EmailField(MaxLength = 64)]
    public string NewEmail { get; set; } = "";
}

/// <summary>POST /api/check_username_or_email (account.md C3).</summary>
public class CheckUsernameOrEmailRequest
{
    [StringField(Required = false)]
    public string? Username { get; set; }

    [EmailField(Required = false)]
    public string? Email { get; set; }
}

/// <summary>POST /api/apply_reset_password (account.md C12).</summary>
public class ApplyResetPasswordRequest
{
    [EmailField]
    public string Email { get; set; } = "";

    [StringField]
    public string Captcha { get; set; } = "";
}

/// <summary>POST /api/reset_password (account.md C13).</summary>
public class ResetPasswordRequest
{
    [StringField]
    public string Token { get; set; } = "";

    [StringField(MinLength = 6, MaxLength = AccountService.MaxPasswordLength)]
    public string Password { get; set; } = "";

    [StringField]
    public string Captcha { get; set; } = "";
}

/// <summary>Result of a check of <c>POST /api/check_username_or_email</c>: true = taken.</summary>
public sealed record UsernameOrEmailTaken(bool Username, bool Email);

/// <summary><c>{"appkey"}</c> of POST /api/open_api_appkey.</summary>
public sealed record AppKeyResult(string Appkey);


/// <summary>GET /api/metrics: <c>datetime2str</c> times (UTC, <c>Z</c>).</summary>
public sealed record MetricsResult(
    [property: JsonConverter(typeof(UtcDateTimeConverter))] DateTime Now,
    [property: JsonConverter(typeof(UtcDateTimeConverter))] DateTime Latest,
    [property: JsonConverter(typeof(UtcDateTimeConverter))] DateTime First);

/// <summary>A row of GET /api/sessions; <c>current_session</c> appears only on the caller's own session.</summary>
public sealed record SessionInfo(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? CurrentSession,
    string? Ip,
    string? UserAgent,
    [property: JsonConverter(typeof(UtcDateTimeConverter))] DateTime LastActivity,
    string SessionKey);

/// <summary>Query of <c>GET /api/profile</c>: another user's profile by <c>username</c>, else the caller's.</summary>
public sealed class ProfileQuery
{
    [QueryText] public string? Username { get; set; }
}

/// <summary>Query of <c>GET /api/metrics</c>.</summary>
public sealed class MetricsQuery
{
    [QueryInteger(Name = "userid")] public int? UserId { get; set; }
}

/// <summary>Query of the legacy <c>DELETE /api/sessions</c>.</summary>
public sealed class SessionKeyQuery
{
    [QueryText] public string? SessionKey { get; set; }
}

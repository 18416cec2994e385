using OnlineJudge.Data.Conf;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Mail;

/// <summary>Legacy SMTP configuration and test mail (conf.md, "legacy": <c>/api/admin/smtp</c>, <c>/api/admin/smtp_test</c>).</summary>
public class SmtpConfigService(SysOptionRepository options, IEmailSender emailSender)
{
    public const string TestMessage = "You have successfully configured SMTP";

    public async Task<ServiceResult<SmtpConfigView?>> GetAsync(CancellationToken cancellationToken)
    {
        var settings = await LoadAsync(cancellationToken);
        return settings is null ? ServiceResult<SmtpConfigView?>.Ok(null)
            : new SmtpConfigView(settings.Server, settings.Port, settings.Email, settings.Tls);
    }

    public async Task<ServiceResult> CreateAsync(CreateSmtpConfigRequest request, CancellationToken cancellationToken)
    {
        await SaveAsync(new SmtpSettings(request.Server, request.Port, request.Email, request.Password, request.Tls), cancellationToken);
        return ServiceResult.Ok();
    }

    /// <summary>Copies server, port, e-mail and TLS; the password only when the key was sent.</summary>
    public async Task<ServiceResult> EditAsync(EditSmtpConfigRequest request, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(cancellationToken);
        var password = request.PasswordSent ? request.Password : current?.Password;
        await SaveAsync(new SmtpSettings(request.Server, request.Port, request.Email, password, request.Tls), cancellationToken);
        return ServiceResult.Ok();
    }

    /// <summary>Sends the test mail; an SMTP failure answers the server's text.</summary>
    public async Task<ServiceResult> TestAsync(TestSmtpConfigRequest request, string username, CancellationToken cancellationToken)
    {
        try
        {
            await emailSender.SendAsync(request.Email, username, TestMessage, TestMessage, cancellationToken);
        }
        catch (EmailNotConfiguredException)
        {
            return ServiceError.Of("Please setup SMTP config at first");
        }
        catch (EmailSendException exception)
        {
            return ServiceError.Of(string.IsNullOrWhiteSpace(exception.Message) ? "Failed to send email" : exception.Message);
        }

        return ServiceResult.Ok();
    }

    private async Task<SmtpSettings?> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await options.GetAsync([SmtpSettings.OptionKey], cancellationToken);
        return SmtpSettings.From(stored.TryGetValue(SmtpSettings.OptionKey, out var value) ? value : null);
    }

    private Task SaveAsync(SmtpSettings settings, CancellationToken cancellationToken) =>
        options.UpsertAsync(new Dictionary<string, System.Text.Json.JsonElement> { [SmtpSettings.OptionKey] = settings.ToJson() }, cancellationToken);
}

/// <summary>PUT /api/admin/smtp (reference EditSMTPConfigSerializer).</summary>
public class EditSmtpConfigRequest
{
    private string? password;

    [StringField(MaxLength = 128)]
    public string Server { get; set; } = "";

    [IntegerField(Required = false)]
    public int Port { get; set; } = 25;

    [StringField(MaxLength = 256)]
    public string Email { get; set; } = "";

    [StringField(MaxLength = 128, Required = false, AllowNull = true, AllowBlank = true)]
    public string? Password
    {
        get => password;
        set
        {
            password = value;
            PasswordSent = true;
        }
    }

    [BooleanField]
    public bool Tls { get; set; }

    /// <summary>True when the request carried the <c>password</c> key.</summary>
    public bool PasswordSent { get; private set; }
}

/// <summary>POST /api/admin/smtp (reference CreateSMTPConfigSerializer): the password is required.</summary>
public class CreateSmtpConfigRequest
{
    [StringField(MaxLength = 128)]
    public string Server { get; set; } = "";

    [IntegerField(Required = false)]
    public int Port { get; set; } = 25;

    [StringField(MaxLength = 256)]
    public string Email { get; set; } = "";

    [StringField(MaxLength = 128)]
    public string Password { get; set; } = "";

    [BooleanField]
    public bool Tls { get; set; }
}

/// <summary>POST /api/admin/smtp_test.</summary>
public class TestSmtpConfigRequest
{
    [EmailField]
    public string Email { get; set; } = "";
}

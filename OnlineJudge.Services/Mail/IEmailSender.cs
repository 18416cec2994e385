namespace OnlineJudge.Services.Mail;

/// <summary>Sends HTML e-mail through the SMTP server of the <c>smtp_config</c> option (conf.md, legacy SMTP).</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends one message from the configured address (display name: the site's short name).
    /// Throws <see cref="EmailNotConfiguredException"/> without a configuration and <see cref="EmailSendException"/>
    /// when the SMTP conversation fails.
    /// </summary>
    Task SendAsync(string toEmail, string toName, string subject, string htmlBody, CancellationToken cancellationToken);
}

public sealed class EmailNotConfiguredException() : Exception("SMTP is not configured");

/// <summary>The SMTP server refused or the connection failed; <see cref="Exception.Message"/> is the server's text.</summary>
public sealed class EmailSendException(string message, Exception? inner = null) : Exception(message, inner);

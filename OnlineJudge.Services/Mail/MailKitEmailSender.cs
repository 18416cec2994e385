using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using OnlineJudge.Data.Conf;
using OnlineJudge.Services.Conf;

namespace OnlineJudge.Services.Mail;

/// <summary><see cref="IEmailSender"/> over MailKit, with the server, login and TLS mode of <c>smtp_config</c>.</summary>
public class MailKitEmailSender(SysOptionRepository options, SiteOptionsService siteOptions, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    private const int TimeoutMilliseconds = 15_000;
    private const int ImplicitTlsPort = 465;

    public async Task SendAsync(string toEmail, string toName, string subject, string htmlBody, CancellationToken cancellationToken)
    {
        var stored = await options.GetAsync([SmtpSettings.OptionKey], cancellationToken);
        var settings = SmtpSettings.From(stored.TryGetValue(SmtpSettings.OptionKey, out var value) ? value : null)
            ?? throw new EmailNotConfiguredException();
        var site = await siteOptions.GetWebsiteConfigAsync(cancellationToken);

        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(site.WebsiteNameShortcut, settings.Email));
        message.To.Add(new MailboxAddress(toName, toEmail));
        message.Subject = subject;
        message.Body = new TextPart("html") { Text = htmlBody };

        using var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        try
        {
            var security = !settings.Tls ? SecureSocketOptions.None
                : settings.Port == ImplicitTlsPort ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(settings.Server, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Password) && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                await client.AuthenticateAsync(settings.Email, settings.Password, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or AuthenticationException
                                              or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException
                                              or SslHandshakeException or NotSupportedException or TimeoutException)
        {
            logger.LogWarning(exception, "Sending e-mail to {Email} through {Server}:{Port} failed", toEmail, settings.Server, settings.Port);
            throw new EmailSendException(exception.Message, exception);
        }
    }
}

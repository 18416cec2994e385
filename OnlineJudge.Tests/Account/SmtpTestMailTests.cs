using Moq;
using OnlineJudge.Data.Conf;
using OnlineJudge.Services.Mail;

namespace OnlineJudge.Tests.Account;

/// <summary>The test mail of <c>/api/admin/smtp_test</c> with the mail sender faked at its interface.</summary>
public class SmtpTestMailTests
{
    private readonly Mock<IEmailSender> sender = new(MockBehavior.Strict);

    private async Task<OnlineJudge.Services.Common.ServiceResult> SendAsync()
    {
        await using var db = TestEnvironment.CreateDbContext();
        var service = new SmtpConfigService(new SysOptionRepository(db), sender.Object);
        return await service.TestAsync(new TestSmtpConfigRequest { Email = "teacher@example.edu" }, "root", CancellationToken.None);
    }

    [Test]
    public async Task The_test_message_goes_to_the_given_address_in_the_callers_name()
    {
        sender.Setup(s => s.SendAsync("teacher@example.edu", "root", SmtpConfigService.TestMessage, SmtpConfigService.TestMessage,
            It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        Assert.That((await SendAsync()).Succeeded, Is.True);
        sender.VerifyAll();
    }

    [Test]
    public async Task Sender_failures_become_the_reference_messages()
    {
        sender.SetupSequence(s => s.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EmailNotConfiguredException())
            .ThrowsAsync(new EmailSendException("535 Authentication failed"))
            .ThrowsAsync(new EmailSendException(" "));
        Assert.Multiple(async () =>
        {
            Assert.That((await SendAsync()).Error?.Message, Is.EqualTo("Please setup SMTP config at first"));
            Assert.That((await SendAsync()).Error?.Message, Is.EqualTo("535 Authentication failed"));
            Assert.That((await SendAsync()).Error?.Message, Is.EqualTo("Failed to send email"));
        });
    }
}

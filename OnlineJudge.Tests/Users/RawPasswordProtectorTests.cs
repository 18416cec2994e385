using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Moq;
using OnlineJudge.Services.Users;

namespace OnlineJudge.Tests.Users;

/// <summary>Admin-set passwords kept for teachers: readable with the key ring, and a lost key ring is reported loudly.</summary>
public class RawPasswordProtectorTests
{
    private readonly Mock<ILogger<RawPasswordProtector>> logger = new();

    private RawPasswordProtector Protector(IDataProtectionProvider keys) => new(keys, TimeProvider.System, logger.Object);

    private void VerifyErrors(Times times) =>
        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(),
            It.IsAny<Func<It.IsAnyType, Exception?, string>>()), times);

    [Test]
    public void A_password_is_revealed_with_the_same_key_ring_and_legacy_plain_text_as_it_is()
    {
        var protector = Protector(new EphemeralDataProtectionProvider());
        var stored = protector.Protect("s3cret-pass");
        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.Not.Contain("s3cret"));
            Assert.That(protector.Reveal(stored), Is.EqualTo("s3cret-pass"));
            Assert.That(protector.Reveal("plain123"), Is.EqualTo("plain123"));
            Assert.That(protector.Reveal(null), Is.Null);
        });
        VerifyErrors(Times.Never());
    }

    [Test]
    public void A_value_of_a_lost_key_ring_reads_as_none_and_is_logged_as_an_error_once_a_minute()
    {
        var stored = Protector(new EphemeralDataProtectionProvider()).Protect("s3cret-pass");
        var afterRestore = Protector(new EphemeralDataProtectionProvider());
        Assert.Multiple(() =>
        {
            Assert.That(afterRestore.Reveal(stored), Is.Null);
            Assert.That(afterRestore.Reveal(stored), Is.Null);
        });
        VerifyErrors(Times.Once());
    }
}

using Microsoft.Extensions.Options;
using OnlineJudge.Services.Account;

namespace OnlineJudge.Tests.Foundation;

public class PasswordHasherTests
{
    // Computed independently with Python's hashlib.pbkdf2_hmac, as Django does.
    private const string DjangoHash = "pbkdf2_sha256$260000$AbCdEfGhIjKlMnOpQrStUv$L5TR16RVTDXRsuW4mSltZbKzG8HYafDwPve30uWadMI=";

    [Test]
    public void Verify_accepts_a_hash_written_by_the_reference()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PasswordHasher.Verify("rootroot", DjangoHash), Is.True);
            Assert.That(PasswordHasher.Verify("rootroot!", DjangoHash), Is.False);
        });
    }

    [Test]
    public void Hash_uses_the_django_format_and_utf8()
    {
        Assert.That(PasswordHasher.Hash("密码pässword", "salt123", 1000),
            Is.EqualTo("pbkdf2_sha256$1000$salt123$IMjt0xI0ee8pyMWaAI/iBB4Dkl+SWy50tN3/PQUe88Q="));
    }

    [Test]
    public void New_hashes_use_the_configured_iterations_and_random_salts()
    {
        var hasher = new PasswordHasher(Options.Create(new PasswordOptions { Iterations = 1500 }));
        var first = hasher.Hash("secret");
        var second = hasher.Hash("secret");
        Assert.Multiple(() =>
        {
            Assert.That(first, Does.StartWith("pbkdf2_sha256$1500$"));
            Assert.That(first.Split('$')[2], Has.Length.EqualTo(22));
            Assert.That(first, Is.Not.EqualTo(second));
            Assert.That(PasswordHasher.Verify("secret", first), Is.True);
            Assert.That(hasher.NeedsUpgrade(first), Is.False);
            Assert.That(hasher.NeedsUpgrade("pbkdf2_sha256$1000$salt123$IMjt0xI0ee8pyMWaAI/iBB4Dkl+SWy50tN3/PQUe88Q="), Is.True);
        });
    }

    [TestCase("")]
    [TestCase("!unusable")]
    [TestCase("md5$abc$def")]
    [TestCase("pbkdf2_sha256$x$salt$hash")]
    [TestCase("pbkdf2_sha256$1000$salt$not-base64!")]
    public void Verify_rejects_malformed_hashes(string encoded)
    {
        Assert.That(PasswordHasher.Verify("anything", encoded), Is.False);
    }
}

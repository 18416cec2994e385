using Microsoft.Extensions.Options;

namespace OnlineJudge.Tests.Foundation;

/// <summary>A wrong setting stops the host at start with its key named, instead of failing on the first request that reads it.</summary>
public class OptionsValidationTests
{
    [TestCase("Passwords:Iterations", "0")]
    [TestCase("Sessions:IdleTimeoutSeconds", "10")]
    [TestCase("Storage:MaxUploadBytes", "-1")]
    [TestCase("TestCases:MaxEntries", "0")]
    [TestCase("ReleaseNotes:UpstreamUrl", "ftp://example.com/data.json")]
    [TestCase("ReleaseNotes:TimeoutSeconds", "100")]
    [TestCase("Ai:BaseUrl", "not a url")]
    [TestCase("Ai:TimeoutSeconds", "0")]
    [TestCase("Ai:SummaryTimeoutSeconds", "0")]
    [TestCase("RequestLogging:SlowRequestMilliseconds", "0")]
    [TestCase("Csrf:TrustedOrigins:0", "oj.example.edu")]
    public async Task An_invalid_value_fails_the_start_naming_its_key(string key, string value)
    {
        await using var factory = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { [key] = value });
        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.That(failure!.Message, Does.Contain(key));
    }

    [Test]
    public async Task A_value_of_the_wrong_type_fails_the_start_naming_its_key()
    {
        await using var factory = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString,
            new Dictionary<string, string?> { ["Storage:MaxAvatarBytes"] = "two megabytes" });
        var failure = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.That(failure!.Message, Does.Contain("Storage:MaxAvatarBytes"));
    }
}

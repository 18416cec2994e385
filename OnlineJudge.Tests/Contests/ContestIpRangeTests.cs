using OnlineJudge.Services.Contests;

namespace OnlineJudge.Tests.Contests;

/// <summary>contest.md §0.4: CIDR ranges as Python's <c>ip_network(strict=False)</c> parses them.</summary>
public class ContestIpRangeTests
{
    [TestCase("10.13.0.0/16")]
    [TestCase("10.13.5.7/16")]
    [TestCase("192.168.1.9")]
    [TestCase("0.0.0.0/0")]
    [TestCase("10.0.0.0/255.255.0.0")]
    [TestCase("10.0.0.0/0.0.255.255")]
    [TestCase("10.0.0.0/016")]
    [TestCase("2001:db8::1/64")]
    [TestCase("::1")]
    [TestCase("::ffff:10.0.0.1/120")]
    public void Valid_ranges_parse(string text) => Assert.That(ContestIpRange.TryParse(text, out _), Is.True);

    [TestCase("")]
    [TestCase("localhost")]
    [TestCase("10.0.0")]
    [TestCase("10.0.0.256/8")]
    [TestCase("010.0.0.1")]
    [TestCase("10.0.0.0/33")]
    [TestCase("10.0.0.0/")]
    [TestCase("10.0.0.0/-1")]
    [TestCase("10.0.0.0/ 8")]
    [TestCase("10.0.0.0/255.0.255.0")]
    [TestCase("2001:db8::/129")]
    [TestCase("2001:db8::/ffff::")]
    [TestCase("1.2.3.4/8/8")]
    [TestCase("[::1]")]
    [TestCase("fe80::1%eth0/64")]
    public void Invalid_ranges_do_not_parse(string text) => Assert.That(ContestIpRange.TryParse(text, out _), Is.False);

    [Test]
    public void Membership_follows_the_network_with_host_bits_ignored()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ContestIpRange.IsAllowed([], "8.8.8.8"), Is.True);
            Assert.That(ContestIpRange.IsAllowed(["10.13.5.7/16"], "10.13.200.1"), Is.True);
            Assert.That(ContestIpRange.IsAllowed(["10.13.5.7/16"], "10.14.0.1"), Is.False);
            Assert.That(ContestIpRange.IsAllowed(["10.13.5.7/16"], "::ffff:10.13.0.9"), Is.True);
            Assert.That(ContestIpRange.IsAllowed(["192.168.1.9"], "192.168.1.9"), Is.True);
            Assert.That(ContestIpRange.IsAllowed(["192.168.1.9"], "192.168.1.10"), Is.False);
            Assert.That(ContestIpRange.IsAllowed(["2001:db8::1/64"], "2001:db8::abcd"), Is.True);
            Assert.That(ContestIpRange.IsAllowed(["2001:db8::1/64"], "2001:db9::1"), Is.False);
            Assert.That(ContestIpRange.IsAllowed(["2001:db8::/32"], "10.0.0.1"), Is.False);
            Assert.That(ContestIpRange.IsAllowed(["10.0.0.0/8"], null), Is.False);
            Assert.That(ContestIpRange.IsAllowed(["10.0.0.0/8"], "not an ip"), Is.False);
            Assert.That(ContestIpRange.IsAllowed(["bad", "10.0.0.0/8"], "10.1.1.1"), Is.True);
        });
    }
}

using OnlineJudge.Data.Json;
using OnlineJudge.Web.Infrastructure.Envelopes;

namespace OnlineJudge.Tests.Platform;

/// <summary>platform.md §12.</summary>
public class TimeFormatTests
{
    private static readonly DateTime Instant = new DateTime(2026, 8, 7, 7, 19, 10, DateTimeKind.Utc).AddTicks(7_891_230);

    [Test]
    public void Model_times_render_in_utc_plus_8_with_microseconds_only_when_non_zero()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TimeFormats.ToShanghaiIso(Instant), Is.EqualTo("2026-08-07T15:19:10.789123+08:00"));
            Assert.That(TimeFormats.ToShanghaiIso(Instant.AddTicks(-7_891_230)), Is.EqualTo("2026-08-07T15:19:10+08:00"));
            Assert.That(TimeFormats.ToShanghaiIso(new DateTime(2026, 12, 31, 20, 0, 0, DateTimeKind.Utc)), Is.EqualTo("2027-01-01T04:00:00+08:00"));
        });
    }

    [Test]
    public void Helper_times_render_in_utc_with_z()
    {
        Assert.That(TimeFormats.ToUtcIso(Instant), Is.EqualTo("2026-08-07T07:19:10.789123Z"));
    }

    [Test]
    public void Responses_use_the_shanghai_format_and_null_for_missing_times()
    {
        var json = JsonSerializer.Serialize(new { CreateTime = Instant, LastLogin = (DateTime?)null }, ApiJson.Options);
        Assert.That(json, Is.EqualTo("{\"create_time\":\"2026-08-07T15:19:10.789123+08:00\",\"last_login\":null}"));
    }

    [TestCase("2026-08-07T15:19:10+08:00", "2026-08-07T07:19:10")]
    [TestCase("2026-08-07T07:19:10Z", "2026-08-07T07:19:10")]
    [TestCase("2026-08-07T07:19:10.5-01:00", "2026-08-07T08:19:10.5")]
    [TestCase("2026-08-07T15:19:10", "2026-08-07T07:19:10")]
    [TestCase("2026-08-07 15:19", "2026-08-07T07:19:00")]
    [TestCase("2026-08-07", "2026-08-06T16:00:00")]
    public void Inputs_without_offset_are_shanghai_time(string input, string expectedUtc)
    {
        Assert.That(TimeFormats.TryParse(input, out var utc), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(utc.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(utc, Is.EqualTo(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [TestCase("")]
    [TestCase("yesterday")]
    [TestCase("2026-13-01")]
    public void Garbage_is_not_a_time(string input)
    {
        Assert.That(TimeFormats.TryParse(input, out _), Is.False);
    }
}

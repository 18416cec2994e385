using OnlineJudge.Data.Paging;

namespace OnlineJudge.Tests.Platform;

/// <summary>platform.md §7.</summary>
public class PaginationTests : IntegrationTest
{
    [TestCase(null, null, 10, 0)]
    [TestCase("20", "5", 20, 5)]
    [TestCase(" 20 ", "+5", 20, 5)]
    [TestCase("0", "0", 0, 0)]
    [TestCase("250", "0", 250, 0)]
    [TestCase("251", "0", 10, 0)]
    [TestCase("-1", "-1", 10, 0)]
    [TestCase("abc", "x", 10, 0)]
    [TestCase("2.5", "1.0", 10, 0)]
    [TestCase("", "", 10, 0)]
    public void Limit_and_offset_follow_the_reference(string? limit, string? offset, int expectedLimit, int expectedOffset)
    {
        Assert.That(PageRequest.Parse(limit, offset), Is.EqualTo(new PageRequest(expectedLimit, expectedOffset)));
    }

    [Test]
    public async Task Page_request_is_read_from_the_query()
    {
        var data = (await Client.GetAsync("/api/_probe/page?limit=3&offset=6&paging=true")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("limit").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("offset").GetInt32(), Is.EqualTo(6));
        });
    }

    [Test]
    public async Task Pages_are_sliced_and_counted_in_sql()
    {
        for (var i = 0; i < 7; i++)
        {
            await new SysOptionBuilder($"k{i}", i).BuildAsync();
        }

        await using var context = TestEnvironment.CreateDbContext();
        var query = context.SysOptions.OrderBy(o => o.Key).Select(o => o.Key);
        var page = await query.ToPageAsync(new PageRequest(3, 5), CancellationToken.None);
        var empty = await query.ToPageAsync(new PageRequest(0, 0), CancellationToken.None);
        var beyond = await query.ToPageAsync(new PageRequest(3, 50), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(page.Results, Is.EqualTo(new[] { "k5", "k6" }));
            Assert.That(page.Total, Is.EqualTo(7));
            Assert.That(empty.Results, Is.Empty);
            Assert.That(empty.Total, Is.EqualTo(7));
            Assert.That(beyond.Results, Is.Empty);
            Assert.That(beyond.Total, Is.EqualTo(7));
        });
    }
}

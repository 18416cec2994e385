namespace OnlineJudge.Tests.Platform;

/// <summary>conf.md §1: the endpoint that shows the whole request path working without login.</summary>
public class WebsiteTests : IntegrationTest
{
    [Test]
    public async Task Anyone_gets_the_eight_keys_with_their_defaults_and_missing_rows_are_created()
    {
        var data = (await Client.GetAsync("/api/website")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "website_base_url", "website_name", "website_name_shortcut", "website_footer", "allow_register",
                "submission_list_show_all", "class_list", "enable_maxkb",
            }));
            Assert.That(data.GetProperty("website_base_url").GetString(), Is.EqualTo("http://127.0.0.1"));
            Assert.That(data.GetProperty("website_name").GetString(), Is.EqualTo("Online Judge"));
            Assert.That(data.GetProperty("website_name_shortcut").GetString(), Is.EqualTo("oj"));
            Assert.That(data.GetProperty("website_footer").GetString(), Is.EqualTo("Online Judge Footer"));
            Assert.That(data.GetProperty("allow_register").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("submission_list_show_all").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("class_list").GetArrayLength(), Is.Zero);
            Assert.That(data.GetProperty("enable_maxkb").GetBoolean(), Is.True);
        });

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.SysOptions.CountAsync(), Is.EqualTo(8));
    }

    [Test]
    public async Task Stored_values_win_over_defaults()
    {
        await new SysOptionBuilder("class_list", new[] { "251", "2510" }).BuildAsync();
        await new SysOptionBuilder("allow_register", false).BuildAsync();

        var data = (await Client.GetAsync("/api/website")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("class_list").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "251", "2510" }));
            Assert.That(data.GetProperty("allow_register").GetBoolean(), Is.False);
        });
    }
}

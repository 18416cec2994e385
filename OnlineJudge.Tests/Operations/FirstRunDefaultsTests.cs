using SkiaSharp;

namespace OnlineJudge.Tests.Operations;

/// <summary>
/// A fresh data folder gets the default avatar every profile points to and a hitokoto bundle, so that a new site
/// shows avatars and a quote; files a site put there itself are never replaced.
/// </summary>
[NonParallelizable]
public class FirstRunDefaultsTests : IntegrationTest
{
    private string dataDir = "";

    [SetUp]
    public void NewDataFolder() =>
        dataDir = Path.Combine(Path.GetTempPath(), "onlinejudge-tests", "first-run-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveDataFolder()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Test]
    public async Task A_fresh_site_serves_the_default_avatar_and_a_quote()
    {
        await using var factory = NewSite();
        using var client = new ApiClient(factory);

        var avatar = await client.Http.GetAsync("/public/avatar/default.png");
        Assert.That(avatar.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(avatar.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        using (var bitmap = SKBitmap.Decode(await avatar.Content.ReadAsByteArrayAsync()))
        {
            Assert.That(bitmap, Is.Not.Null);
            Assert.That(bitmap.Width, Is.EqualTo(200));
        }

        var sentence = (await client.GetAsync("/api/hitokoto")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(sentence.GetProperty("hitokoto").GetString(), Is.Not.Empty);
            Assert.That(sentence.GetProperty("from").GetString(), Is.EqualTo("OnlineJudge"));
            Assert.That(sentence.GetProperty("length").GetInt32(), Is.EqualTo(sentence.GetProperty("hitokoto").GetString()!.Length));
        });
    }

    [Test]
    public async Task A_sites_own_avatar_and_quotes_are_kept()
    {
        var hitokoto = Path.Combine(dataDir, "hitokoto");
        Directory.CreateDirectory(Path.Combine(hitokoto, "sentences"));
        Directory.CreateDirectory(Path.Combine(dataDir, "public", "avatar"));
        await File.WriteAllTextAsync(Path.Combine(hitokoto, "categories.json"), """[{"id": 1, "path": "./sentences/mine.json"}]""");
        await File.WriteAllTextAsync(Path.Combine(hitokoto, "sentences", "mine.json"), """[{"hitokoto": "Our school's own motto", "from": "Us"}]""");
        await File.WriteAllBytesAsync(Path.Combine(dataDir, "public", "avatar", "default.png"), [1, 2, 3]);

        await using var factory = NewSite();
        using var client = new ApiClient(factory);

        var sentence = (await client.GetAsync("/api/hitokoto")).Ok();
        Assert.That(sentence.GetProperty("hitokoto").GetString(), Is.EqualTo("Our school's own motto"));
        Assert.That(await client.Http.GetByteArrayAsync("/public/avatar/default.png"), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(File.Exists(Path.Combine(hitokoto, "sentences", "p.json")), Is.False);
    }

    // Redis (where the hitokoto files are cached) is emptied before each test.
    private OnlineJudgeWebFactory NewSite() =>
        new(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString, new Dictionary<string, string?> { ["Storage:DataDir"] = dataDir });
}

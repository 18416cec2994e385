using StackExchange.Redis;

namespace OnlineJudge.Tests.Conf;

/// <summary>conf.md §4: a random sentence from the hitokoto bundle in the data folder, files cached in Redis.</summary>
[NonParallelizable]
public class HitokotoTests : IntegrationTest
{
    private static readonly string Directory = Path.Combine(OnlineJudgeWebFactory.DataDir, "hitokoto");

    private const string Sentence =
        """{"id": 1, "uuid": "9818ecda-9cbf-4f2a-9af8-8136ef39cfcd", "hitokoto": "与众不同的生活方式很累人呢。", "type": "a", "from": "幸运星", "from_who": null, "creator": "跳舞的果果", "creator_uid": 0, "reviewer": 0, "commit_from": "web", "created_at": "1468605909", "length": 14}""";

    [SetUp]
    public void WriteSampleBundle()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "sentences"));
        File.WriteAllText(Path.Combine(Directory, "categories.json"),
            """[{"id": 1, "name": "动画", "desc": "Anime - 动画", "key": "a", "created_at": "2020-09-01", "updated_at": "2020-09-01", "path": "./sentences/a.json"}]""");
        File.WriteAllText(Path.Combine(Directory, "sentences", "a.json"), "[" + Sentence + "]");
    }

    [TearDown]
    public void RemoveBundle()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    [Test]
    public async Task Anyone_gets_a_sentence_as_stored()
    {
        var data = (await Client.GetAsync("/api/hitokoto")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("hitokoto").GetString(), Is.EqualTo("与众不同的生活方式很累人呢。"));
            Assert.That(data.GetProperty("from").GetString(), Is.EqualTo("幸运星"));
            Assert.That(data.GetProperty("uuid").GetString(), Is.EqualTo("9818ecda-9cbf-4f2a-9af8-8136ef39cfcd"));
            Assert.That(data.GetProperty("from_who").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(data.GetProperty("length").GetInt32(), Is.EqualTo(14));
        });
    }

    [Test]
    public async Task Both_files_are_cached_for_two_hours()
    {
        (await Client.GetAsync("/api/hitokoto")).Ok();
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var categoriesTtl = await redis.KeyTimeToLiveAsync("json_data_categories.json");
        var sentencesTtl = await redis.KeyTimeToLiveAsync("json_data_./sentences/a.json");
        Assert.Multiple(() =>
        {
            Assert.That(categoriesTtl, Is.Not.Null.And.GreaterThan(TimeSpan.FromSeconds(7100)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(7200)));
            Assert.That(sentencesTtl, Is.Not.Null.And.GreaterThan(TimeSpan.FromSeconds(7100)));
        });

        // Served from the cache while it lasts.
        RemoveBundle();
        Assert.That((await Client.GetAsync("/api/hitokoto")).Ok().GetProperty("from").GetString(), Is.EqualTo("幸运星"));
    }

    [Test]
    public async Task A_missing_bundle_is_an_error()
    {
        RemoveBundle();
        (await Client.GetAsync("/api/hitokoto")).AssertError("error", "获取一言失败，请稍后再试");
    }

    [TestCase("""[]""")]
    [TestCase("""not json""")]
    [TestCase("""[{"id": 1}]""")]
    [TestCase("""[{"path": "./sentences/missing.json"}]""")]
    [TestCase("""[{"path": "../../../../etc/passwd"}]""")]
    [TestCase("""{"path": "./sentences/a.json"}""")]
    public async Task A_broken_bundle_is_an_error(string categories)
    {
        File.WriteAllText(Path.Combine(Directory, "categories.json"), categories);
        (await Client.GetAsync("/api/hitokoto")).AssertError("error", "获取一言失败，请稍后再试");
    }

    [Test]
    public async Task An_empty_sentence_file_is_an_error()
    {
        File.WriteAllText(Path.Combine(Directory, "sentences", "a.json"), "[]");
        (await Client.GetAsync("/api/hitokoto")).AssertError("error", "获取一言失败，请稍后再试");
    }
}

namespace OnlineJudge.Tests.Achievements;

/// <summary>achievement.md §1.1–§1.2: the trophy hall and its summary, for the caller or another user.</summary>
public class TrophyHallTests : IntegrationTest
{
    [Test]
    public async Task The_hall_shows_visible_achievements_in_order_with_the_target_s_state_and_progress()
    {
        var student = await new UserBuilder().WithUsername("alice").BuildAsync();
        await new UserBuilder().Disabled().BuildAsync();
        for (var i = 0; i < 2; i++)
        {
            await new UserBuilder().BuildAsync();
        }

        var later = await new AchievementBuilder().Named("Ten", "Solve ten").On("accepted_count", "gte", 10).WithOrder(2).WithUnlockCount(1)
            .BuildAsync();
        var first = await new AchievementBuilder().Named("One", "Solve one").On("accepted_count", "gte", 1).WithOrder(1).WithUnlockCount(1)
            .WithRarity(AchievementRarity.Silver).WithIcon("noto:owl").BuildAsync();
        var shortest = await new AchievementBuilder().Named("Short").On("min_ac_code_chars", "lte", 50).WithOrder(3).BuildAsync();
        await new AchievementBuilder().Named("Off").Invisible().BuildAsync();
        var unlockTime = new DateTime(2026, 8, 4, 6, 35, 0, DateTimeKind.Utc);
        await new UnlockBuilder(student, first).At(unlockTime).Backfilled().BuildAsync();
        await AchievementTestData.SetMetricsAsync(student, """{"accepted_count": 4, "_languages": ["C"]}""");
        await Client.LoginAsync(student);

        var data = (await Client.GetAsync("/api/achievements")).Ok();
        var cards = data.GetProperty("achievements").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("username").GetString(), Is.EqualTo("alice"));
            Assert.That(cards.Select(c => c.GetProperty("id").GetInt64()), Is.EqualTo(new[] { first.Id, later.Id, shortest.Id }));
            Assert.That(cards[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "id", "name", "description", "icon", "rarity", "hidden", "metric", "operator", "threshold", "unlocked", "unlock_time",
                "backfilled", "progress", "unlock_rate",
            }));
            Assert.That(cards[0].GetProperty("name").GetString(), Is.EqualTo("One"));
            Assert.That(cards[0].GetProperty("icon").GetString(), Is.EqualTo("noto:owl"));
            Assert.That(cards[0].GetProperty("rarity").GetString(), Is.EqualTo("silver"));
            Assert.That(cards[0].GetProperty("unlocked").GetBoolean(), Is.True);
            Assert.That(cards[0].GetProperty("unlock_time").GetString(), Is.EqualTo("2026-08-04T14:35:00+08:00"));
            Assert.That(cards[0].GetProperty("backfilled").GetBoolean(), Is.True);
            Assert.That(cards[0].GetProperty("progress").GetInt32(), Is.EqualTo(4));
            Assert.That(cards[0].GetProperty("metric").GetString(), Is.EqualTo("accepted_count"));
            Assert.That(cards[0].GetProperty("operator").GetString(), Is.EqualTo("gte"));
            Assert.That(cards[0].GetProperty("threshold").GetInt32(), Is.EqualTo(1));
            // 1 unlock among 3 non-disabled users.
            Assert.That(cards[0].GetProperty("unlock_rate").GetDouble(), Is.EqualTo(33.3));
            Assert.That(cards[1].GetProperty("unlocked").GetBoolean(), Is.False);
            Assert.That(cards[1].GetProperty("unlock_time").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(cards[1].GetProperty("backfilled").GetBoolean(), Is.False);
            Assert.That(cards[1].GetProperty("progress").GetInt32(), Is.EqualTo(4));
            // An absent metric shows 0.
            Assert.That(cards[2].GetProperty("progress").GetInt32(), Is.Zero);
            Assert.That(cards[2].GetProperty("unlock_rate").GetDouble(), Is.Zero);
        });
    }

    [Test]
    public async Task Hidden_achievements_are_masked_until_unlocked()
    {
        var student = await new UserBuilder().BuildAsync();
        var secret = await new AchievementBuilder().Named("Night owl", "Submit at night").WithIcon("noto:owl").Hidden()
            .WithRarity(AchievementRarity.Gold).On("midnight_submissions", "gte", 3).BuildAsync();
        var known = await new AchievementBuilder().Named("Known secret").Hidden().On("submission_count", "gte", 1).BuildAsync();
        await new UnlockBuilder(student, known).BuildAsync();
        await AchievementTestData.SetMetricsAsync(student, """{"midnight_submissions": 2, "submission_count": 5}""");
        await Client.LoginAsync(student);

        var cards = (await Client.GetAsync("/api/achievements")).Ok().GetProperty("achievements");
        var masked = cards.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == secret.Id);
        var revealed = cards.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == known.Id);
        Assert.Multiple(() =>
        {
            Assert.That(masked.GetProperty("name").GetString(), Is.EqualTo("???"));
            Assert.That(masked.GetProperty("description").GetString(), Is.EqualTo("达成条件保密"));
            Assert.That(masked.GetProperty("icon").GetString(), Is.EqualTo("noto:red-question-mark"));
            Assert.That(masked.GetProperty("rarity").GetString(), Is.EqualTo("gold"));
            Assert.That(masked.GetProperty("hidden").GetBoolean(), Is.True);
            Assert.That(masked.GetProperty("metric").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(masked.GetProperty("operator").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(masked.GetProperty("threshold").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(masked.GetProperty("progress").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(revealed.GetProperty("name").GetString(), Is.EqualTo("Known secret"));
            Assert.That(revealed.GetProperty("metric").GetString(), Is.EqualTo("submission_count"));
            Assert.That(revealed.GetProperty("progress").GetInt32(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Anyone_logged_in_may_view_another_non_disabled_user_s_trophies()
    {
        var viewer = await new UserBuilder().BuildAsync();
        var owner = await new UserBuilder().WithUsername("bob").BuildAsync();
        await new UserBuilder().WithUsername("ghost").Disabled().BuildAsync();
        var achievement = await new AchievementBuilder().BuildAsync();
        await new UnlockBuilder(owner, achievement).BuildAsync();
        await Client.LoginAsync(viewer);

        var hall = (await Client.GetAsync("/api/achievements?name=bob")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(hall.GetProperty("username").GetString(), Is.EqualTo("bob"));
            Assert.That(hall.GetProperty("achievements")[0].GetProperty("unlocked").GetBoolean(), Is.True);
        });
        var own = (await Client.GetAsync("/api/achievements?name=")).Ok();
        Assert.That(own.GetProperty("achievements")[0].GetProperty("unlocked").GetBoolean(), Is.False);

        (await Client.GetAsync("/api/achievements?name=ghost")).AssertError("error", "用户不存在");
        (await Client.GetAsync("/api/achievements?name=BOB")).AssertError("error", "用户不存在");
        (await Client.GetAsync("/api/achievements/summary?name=nobody")).AssertError("error", "用户不存在");
    }

    [Test]
    public async Task The_summary_counts_visible_achievements_per_rarity_and_lists_the_five_latest_unlocks()
    {
        var student = await new UserBuilder().WithUsername("carol").BuildAsync();
        var now = DateTime.UtcNow;
        var bronze = new List<Achievement>();
        for (var i = 0; i < 6; i++)
        {
            bronze.Add(await new AchievementBuilder().Named("B" + i).BuildAsync());
        }

        var gold = await new AchievementBuilder().Named("G").WithRarity(AchievementRarity.Gold).Hidden().BuildAsync();
        var hiddenOff = await new AchievementBuilder().Named("Off").Invisible().BuildAsync();
        for (var i = 0; i < 6; i++)
        {
            await new UnlockBuilder(student, bronze[i]).At(now.AddMinutes(i)).BuildAsync();
        }

        await new UnlockBuilder(student, hiddenOff).At(now.AddHours(1)).BuildAsync();
        await Client.LoginAsync(student);

        var data = (await Client.GetAsync("/api/achievements/summary")).Ok();
        var rarity = data.GetProperty("rarity").EnumerateArray().ToList();
        var recent = data.GetProperty("recent").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("username").GetString(), Is.EqualTo("carol"));
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(7));
            Assert.That(data.GetProperty("unlocked").GetInt32(), Is.EqualTo(6));
            Assert.That(data.GetProperty("percent").GetDouble(), Is.EqualTo(85.7));
            Assert.That(rarity.Select(r => r.GetProperty("rarity").GetString()), Is.EqualTo(new[] { "bronze", "silver", "gold", "platinum" }));
            Assert.That(rarity.Select(r => r.GetProperty("label").GetString()), Is.EqualTo(new[] { "青铜", "白银", "黄金", "白金" }));
            Assert.That(rarity.Select(r => r.GetProperty("total").GetInt32()), Is.EqualTo(new[] { 6, 0, 1, 0 }));
            Assert.That(rarity.Select(r => r.GetProperty("unlocked").GetInt32()), Is.EqualTo(new[] { 6, 0, 0, 0 }));
            Assert.That(recent.Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "B5", "B4", "B3", "B2", "B1" }));
            Assert.That(recent[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "name", "description", "icon", "rarity" }));
            Assert.That(recent[0].GetProperty("id").GetInt64(), Is.EqualTo(bronze[5].Id));
        });
        Assert.That(gold.Id, Is.Positive);
    }

    [Test]
    public async Task An_empty_hall_has_zero_percent()
    {
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        var data = (await Client.GetAsync("/api/achievements/summary")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(data.GetProperty("percent").GetDouble(), Is.Zero);
            Assert.That(data.GetProperty("recent").GetArrayLength(), Is.Zero);
            Assert.That(data.GetProperty("rarity").GetArrayLength(), Is.EqualTo(4));
        });
        Assert.That((await Client.GetAsync("/api/achievements")).Ok().GetProperty("achievements").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task The_hall_needs_a_login()
    {
        (await Client.GetAsync("/api/achievements")).AssertError("permission-denied", "Please login first");
        (await Client.GetAsync("/api/achievements/summary")).AssertError("permission-denied", "Please login first");

        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().Disabled().BuildAsync());
        (await disabled.GetAsync("/api/achievements")).AssertError("permission-denied", "Your account is disabled");
    }
}

namespace OnlineJudge.Tests.Achievements;

/// <summary>achievement.md §1.3–§1.4: the unlock toasts the client pulls on every route change, and marking them shown.</summary>
public class PendingAchievementTests : IntegrationTest
{
    [Test]
    public async Task Pending_lists_unshown_unlocks_of_visible_achievements_oldest_first()
    {
        var student = await new UserBuilder().BuildAsync();
        var other = await new UserBuilder().BuildAsync();
        var now = DateTime.UtcNow;
        var newer = await new AchievementBuilder().Named("Newer", "second").WithIcon("noto:fire").WithRarity(AchievementRarity.Gold).BuildAsync();
        var older = await new AchievementBuilder().Named("Older", "first").Hidden().BuildAsync();
        var shown = await new AchievementBuilder().Named("Shown").BuildAsync();
        var invisible = await new AchievementBuilder().Named("Invisible").Invisible().BuildAsync();
        await new UnlockBuilder(student, newer).At(now).BuildAsync();
        await new UnlockBuilder(student, older).At(now.AddMinutes(-5)).BuildAsync();
        await new UnlockBuilder(student, shown).At(now.AddMinutes(-9)).Notified().BuildAsync();
        await new UnlockBuilder(student, invisible).At(now.AddMinutes(-7)).BuildAsync();
        await new UnlockBuilder(other, shown).BuildAsync();
        await Client.LoginAsync(student);

        var data = (await Client.GetAsync("/api/achievements/pending")).Ok();
        var items = data.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.GetProperty("id").GetInt64()), Is.EqualTo(new[] { older.Id, newer.Id }));
            Assert.That(items[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "name", "description", "icon", "rarity" }));
            Assert.That(items[0].GetProperty("name").GetString(), Is.EqualTo("Older"));
            Assert.That(items[1].GetProperty("name").GetString(), Is.EqualTo("Newer"));
            Assert.That(items[1].GetProperty("description").GetString(), Is.EqualTo("second"));
            Assert.That(items[1].GetProperty("icon").GetString(), Is.EqualTo("noto:fire"));
            Assert.That(items[1].GetProperty("rarity").GetString(), Is.EqualTo("gold"));
        });
    }

    [Test]
    public async Task Marking_shown_removes_only_the_caller_s_rows_and_the_list_follows_at_once()
    {
        var student = await new UserBuilder().BuildAsync();
        var other = await new UserBuilder().BuildAsync();
        var first = await new AchievementBuilder().BuildAsync();
        var second = await new AchievementBuilder().BuildAsync();
        await new UnlockBuilder(student, first).BuildAsync();
        await new UnlockBuilder(student, second).BuildAsync();
        await new UnlockBuilder(other, first).BuildAsync();
        await Client.LoginAsync(student);
        Assert.That((await Client.GetAsync("/api/achievements/pending")).Ok().GetArrayLength(), Is.EqualTo(2));

        var answer = (await Client.PostJsonAsync("/api/achievements/pending", new { ids = new[] { first.Id, 424242L } })).Ok();
        Assert.That(answer.GetString(), Is.EqualTo("ok"));

        var left = (await Client.GetAsync("/api/achievements/pending")).Ok();
        Assert.That(left.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()), Is.EqualTo(new[] { second.Id }));
        var otherUnlocks = await AchievementTestData.UnlocksOfAsync(other);
        Assert.That(otherUnlocks.Single().Notified, Is.False);

        // String ids are taken as the ORM takes them.
        (await Client.PostJsonAsync("/api/achievements/pending", new { ids = new[] { $"{second.Id}" } })).Ok();
        Assert.That((await Client.GetAsync("/api/achievements/pending")).Ok().GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task An_unlock_made_after_a_cached_read_is_listed()
    {
        var student = await new UserBuilder().BuildAsync();
        var achievement = await new AchievementBuilder().BuildAsync();
        await Client.LoginAsync(student);
        Assert.That((await Client.GetAsync("/api/achievements/pending")).Ok().GetArrayLength(), Is.Zero);

        await AchievementTestData.SetMetricsAsync(student, """{"accepted_count": 1}""");
        await using (var scope = CreateScope())
        {
            var checks = scope.ServiceProvider.GetRequiredService<OnlineJudge.Services.Achievements.AchievementCheckService>();
            var notifier = scope.ServiceProvider.GetRequiredService<OnlineJudge.Services.Achievements.AchievementNotifier>();
            var unlocked = await checks.CheckAsync(student.Id, backfilled: false, notified: false, CancellationToken.None);
            await notifier.NotifyAsync(student.Id, unlocked, CancellationToken.None);
        }

        var data = (await Client.GetAsync("/api/achievements/pending")).Ok();
        Assert.That(data.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()), Is.EqualTo(new[] { achievement.Id }));
    }

    [Test]
    public async Task Nothing_to_mark_is_fine_and_malformed_ids_are_errors()
    {
        var student = await new UserBuilder().BuildAsync();
        var achievement = await new AchievementBuilder().BuildAsync();
        await new UnlockBuilder(student, achievement).BuildAsync();
        await Client.LoginAsync(student);

        Assert.That((await Client.PostJsonAsync("/api/achievements/pending", new { })).Ok().GetString(), Is.EqualTo("ok"));
        (await Client.PostJsonAsync("/api/achievements/pending", new { ids = (int[]?)null })).Ok();
        (await Client.PostJsonAsync("/api/achievements/pending", new { ids = Array.Empty<int>() })).Ok();
        (await Client.PostJsonAsync("/api/achievements/pending", new { ids = "" })).Ok();
        (await Client.PostJsonAsync("/api/achievements/pending", new { ids = 5 })).AssertError("error", "参数错误");
        (await Client.PostJsonAsync("/api/achievements/pending", new { ids = "1,2" })).AssertError("error", "参数错误");
        (await Client.PostJsonAsync("/api/achievements/pending", new { ids = new object[] { 1, "x" } })).AssertError("error", "参数错误");
        (await Client.PostJsonAsync("/api/achievements/pending", new[] { 1, 2 })).AssertError("error", "参数错误");

        Assert.That((await Client.GetAsync("/api/achievements/pending")).Ok().GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Pending_needs_a_login_and_marking_needs_the_csrf_token()
    {
        (await Client.GetAsync("/api/achievements/pending")).AssertError("permission-denied", "Please login first");
        (await Client.PostJsonAsync("/api/achievements/pending", new { ids = new[] { 1 } })).AssertError("permission-denied", "Please login first");

        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        var response = await Client.PostJsonAsync("/api/achievements/pending", new { ids = new[] { 1 } }, csrf: false);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}

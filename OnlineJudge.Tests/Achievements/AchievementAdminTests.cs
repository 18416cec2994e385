using System.Net.Http.Json;

namespace OnlineJudge.Tests.Achievements;

/// <summary>achievement.md §2: super admins configure achievements; creating and loosening queue a rescan.</summary>
public class AchievementAdminTests : IntegrationTest
{
    private async Task<ApiClient> SuperAdminAsync()
    {
        var client = NewClient();
        await client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        return client;
    }

    private static Dictionary<string, object?> Body(string name = "First blood", string metric = "accepted_count", string op = "gte",
        object? threshold = null) => new()
    {
        ["name"] = name, ["description"] = "Solve a problem", ["icon"] = "noto:trophy", ["rarity"] = "bronze", ["metric"] = metric,
        ["operator"] = op, ["threshold"] = threshold ?? 1,
    };

    private static Task<ApiResponse> PutAsync(ApiClient client, object body) =>
        client.SendAsync(HttpMethod.Put, "/api/admin/achievement", JsonContent.Create(body));

    [Test]
    public async Task The_admin_list_has_every_achievement_in_order_with_metric_names_and_utc_times()
    {
        var admin = await SuperAdminAsync();
        var created = new DateTime(2026, 8, 4, 6, 35, 0, DateTimeKind.Utc).AddTicks(1_234_560);
        var second = await new AchievementBuilder().Named("Two").WithOrder(2).Invisible().On("unknown_metric", "lte", 3).BuildAsync();
        var first = await new AchievementBuilder().Named("One").WithOrder(1).WithUnlockCount(7).CreatedAt(created).BuildAsync();

        var data = (await admin.GetAsync("/api/admin/achievement")).Ok();
        var items = data.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.GetProperty("id").GetInt64()), Is.EqualTo(new[] { first.Id, second.Id }));
            Assert.That(items[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "id", "name", "description", "icon", "rarity", "hidden", "metric", "metric_name", "operator", "threshold", "visible",
                "unlock_count", "order", "create_time",
            }));
            Assert.That(items[0].GetProperty("metric_name").GetString(), Is.EqualTo("AC 题目数"));
            Assert.That(items[0].GetProperty("unlock_count").GetInt32(), Is.EqualTo(7));
            Assert.That(items[0].GetProperty("create_time").GetString(), Is.EqualTo("2026-08-04T06:35:00.123456+00:00"));
            Assert.That(items[1].GetProperty("metric_name").GetString(), Is.EqualTo("unknown_metric"));
            Assert.That(items[1].GetProperty("visible").GetBoolean(), Is.False);
        });

        var one = (await admin.GetAsync($"/api/admin/achievement?id={second.Id}")).Ok();
        Assert.That(one.GetProperty("name").GetString(), Is.EqualTo("Two"));
        (await admin.GetAsync("/api/admin/achievement?id=424242")).AssertError("error", "成就不存在");
        (await admin.GetAsync("/api/admin/achievement?id=x")).AssertError("invalid-id", "id: A valid integer is required.");
    }

    [Test]
    public async Task The_metric_registry_is_listed_in_registration_order()
    {
        var admin = await SuperAdminAsync();
        var data = (await admin.GetAsync("/api/admin/achievement/metrics")).Ok();
        var metrics = data.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Select(m => m.GetProperty("key").GetString()), Is.EqualTo(new[]
            {
                "accepted_count", "submission_count", "active_days", "max_ac_streak_days", "languages_used", "contest_joined", "badge_count",
                "problemset_completed", "first_try_ac_count", "midnight_submissions", "compile_error_count", "max_wa_before_ac",
                "max_ac_in_one_day", "min_ac_code_chars", "max_code_lines", "achievement_unlocked_count", "mid_ac_count", "hard_ac_count",
            }));
            Assert.That(metrics[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "key", "name", "help_text" }));
            Assert.That(metrics[13].GetProperty("name").GetString(), Is.EqualTo("最短 AC 代码"));
            Assert.That(metrics[13].GetProperty("help_text").GetString(), Is.EqualTo("通过的代码里最短的字符数（配小于等于使用）"));
        });
    }

    [Test]
    public async Task Creating_stores_the_values_as_given_with_defaults()
    {
        var admin = await SuperAdminAsync();
        var body = Body(name: "  spaced  ");
        var data = (await admin.PostJsonAsync("/api/admin/achievement", body)).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("name").GetString(), Is.EqualTo("  spaced  "));
            Assert.That(data.GetProperty("hidden").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("visible").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("order").GetInt32(), Is.Zero);
            Assert.That(data.GetProperty("unlock_count").GetInt32(), Is.Zero);
            Assert.That(data.GetProperty("threshold").GetInt32(), Is.EqualTo(1));
            Assert.That(data.GetProperty("create_time").GetString(), Does.EndWith("+00:00"));
        });

        var full = Body(threshold: true);
        full["hidden"] = true;
        full["visible"] = false;
        full["order"] = 9;
        var stored = (await admin.PostJsonAsync("/api/admin/achievement", full)).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("threshold").GetInt32(), Is.EqualTo(1));
            Assert.That(stored.GetProperty("hidden").GetBoolean(), Is.True);
            Assert.That(stored.GetProperty("visible").GetBoolean(), Is.False);
            Assert.That(stored.GetProperty("order").GetInt32(), Is.EqualTo(9));
        });
    }

    [Test]
    public async Task Creating_checks_the_fields_in_the_reference_s_order()
    {
        var admin = await SuperAdminAsync();
        foreach (var field in new[] { "name", "description", "icon", "rarity", "metric", "operator" })
        {
            var missing = Body();
            missing.Remove(field);
            (await admin.PostJsonAsync("/api/admin/achievement", missing)).AssertError("error", $"{field} 不能为空");
            var empty = Body();
            empty[field] = "";
            (await admin.PostJsonAsync("/api/admin/achievement", empty)).AssertError("error", $"{field} 不能为空");
        }

        (await admin.PostJsonAsync("/api/admin/achievement", Body(metric: "ac_count"))).AssertError("error", "指标不存在");
        (await admin.PostJsonAsync("/api/admin/achievement", Body(op: "eq"))).AssertError("error", "比较符不合法");
        var rarity = Body();
        rarity["rarity"] = "diamond";
        (await admin.PostJsonAsync("/api/admin/achievement", rarity)).AssertError("error", "稀有度不合法");
        var floatThreshold = JsonSerializer.Serialize(Body()).Replace("\"threshold\":1", "\"threshold\":5.0", StringComparison.Ordinal);
        Assert.That(floatThreshold, Does.Contain("5.0"));
        (await admin.PostRawAsync("/api/admin/achievement", floatThreshold, "application/json")).AssertError("error", "阈值必须是整数");
        (await admin.PostJsonAsync("/api/admin/achievement", Body(threshold: "5"))).AssertError("error", "阈值必须是整数");
        var noThreshold = Body();
        noThreshold.Remove("threshold");
        (await admin.PostJsonAsync("/api/admin/achievement", noThreshold)).AssertError("error", "阈值必须是整数");
        (await admin.PostJsonAsync("/api/admin/achievement", Body(threshold: 1L << 40))).AssertError("error", "阈值超出范围");
        var badOrder = Body();
        badOrder["order"] = "abc";
        (await admin.PostJsonAsync("/api/admin/achievement", badOrder)).AssertError("error", "order 必须是整数");
        var badVisible = Body();
        badVisible["visible"] = "yes";
        (await admin.PostJsonAsync("/api/admin/achievement", badVisible)).AssertError("error", "visible 必须是布尔值");
        (await admin.PostJsonAsync("/api/admin/achievement", new[] { 1 })).AssertError("error", "参数错误");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Achievements.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Updating_copies_the_sent_fields_and_never_revokes_unlocks()
    {
        var admin = await SuperAdminAsync();
        var student = await new UserBuilder().BuildAsync();
        var achievement = await new AchievementBuilder().Named("Old").WithOrder(4).Hidden().WithUnlockCount(1).BuildAsync();
        await new UnlockBuilder(student, achievement).BuildAsync();

        var body = Body(name: "New", threshold: 100);
        body["id"] = achievement.Id;
        var data = (await PutAsync(admin, body)).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("name").GetString(), Is.EqualTo("New"));
            Assert.That(data.GetProperty("threshold").GetInt32(), Is.EqualTo(100));
            Assert.That(data.GetProperty("order").GetInt32(), Is.EqualTo(4));
            Assert.That(data.GetProperty("hidden").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("unlock_count").GetInt32(), Is.EqualTo(1));
        });
        Assert.That(await AchievementTestData.UnlocksOfAsync(student), Has.Count.EqualTo(1));

        body["id"] = 424242;
        (await PutAsync(admin, body)).AssertError("error", "成就不存在");
        body["id"] = "x";
        (await PutAsync(admin, body)).AssertError("error", "参数错误");
        body["id"] = 0;
        (await PutAsync(admin, body)).AssertError("error", "参数错误");
        body.Remove("id");
        (await PutAsync(admin, body)).AssertError("error", "参数错误");
        var invalid = Body(op: "gt");
        invalid["id"] = achievement.Id;
        (await PutAsync(admin, invalid)).AssertError("error", "比较符不合法");
    }

    [Test]
    public async Task Deleting_removes_the_achievement_and_its_unlocks()
    {
        var admin = await SuperAdminAsync();
        var student = await new UserBuilder().BuildAsync();
        var achievement = await new AchievementBuilder().BuildAsync();
        var kept = await new AchievementBuilder().BuildAsync();
        await new UnlockBuilder(student, achievement).BuildAsync();
        await new UnlockBuilder(student, kept).BuildAsync();

        Assert.That((await admin.SendAsync(HttpMethod.Delete, $"/api/admin/achievement?id={achievement.Id}", null)).Ok().GetString(),
            Is.EqualTo("删除成功"));
        Assert.That((await admin.SendAsync(HttpMethod.Delete, "/api/admin/achievement?id=424242", null)).Ok().GetString(), Is.EqualTo("删除成功"));
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/achievement?id=abc", null)).AssertError("error", "参数错误");
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/achievement?id=-1", null)).AssertError("error", "参数错误");
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/achievement", null)).AssertError("error", "参数错误");

        var left = await AchievementTestData.UnlocksOfAsync(student);
        Assert.That(left.Select(u => u.AchievementId), Is.EqualTo(new[] { kept.Id }));
    }

    [Test]
    public async Task Only_super_admins_configure_achievements()
    {
        var achievement = await new AchievementBuilder().BuildAsync();
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.GetAsync("/api/admin/achievement")).AssertError("permission-denied", "Please login first");
        (await teacher.GetAsync("/api/admin/achievement/metrics")).AssertError("permission-denied", "Please login first");
        (await teacher.PostJsonAsync("/api/admin/achievement", Body())).AssertError("permission-denied", "Please login first");
        var body = Body();
        body["id"] = achievement.Id;
        (await PutAsync(teacher, body)).AssertError("permission-denied", "Please login first");
        (await teacher.SendAsync(HttpMethod.Delete, $"/api/admin/achievement?id={achievement.Id}", null)).AssertError("permission-denied", "Please login first");

        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync());
        (await disabled.GetAsync("/api/admin/achievement")).AssertError("permission-denied", "Your account is disabled");
        (await Client.GetAsync("/api/admin/achievement")).AssertError("login-required", "Please login in first");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Achievements.CountAsync(), Is.EqualTo(1));
    }
}

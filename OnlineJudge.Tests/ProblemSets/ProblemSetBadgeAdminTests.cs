using System.Net.Http.Json;

namespace OnlineJudge.Tests.ProblemSets;

/// <summary>problemset.md §2.12–§2.15, §0.4: badge management and the silent recalculation of their holders.</summary>
public class ProblemSetBadgeAdminTests : IntegrationTest
{
    private sealed record Scene(User Owner, User Alice, User Bob, ProblemSet Set);

    /// <summary>A set of two problems of 10 and 20 points; Alice solved both, Bob the first.</summary>
    private static async Task<Scene> SceneAsync()
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var alice = await new UserBuilder().BuildAsync();
        var bob = await new UserBuilder().BuildAsync();
        var p1 = await new ProblemBuilder(owner).BuildAsync();
        var p2 = await new ProblemBuilder(owner).BuildAsync();
        var set = await new ProblemSetBuilder(owner).WithProblem(p1, score: 10).WithProblem(p2, score: 20).BuildAsync();
        await ProblemSetTestData.SeedProgressAsync(set, alice, null, p1, p2);
        await ProblemSetTestData.SeedProgressAsync(set, bob, null, p1);
        return new Scene(owner, alice, bob, set);
    }

    private static object Badge(string name = "Steady", string conditionType = "problem_count", object? conditionValue = null) => new
    {
        name, description = "Solved problems", icon = "/badge-4.png", condition_type = conditionType, condition_value = conditionValue ?? 1, level = 3,
    };

    [Test]
    public async Task A_new_badge_is_given_silently_to_every_member_already_eligible()
    {
        var scene = await SceneAsync();
        var aliceClient = NewClient();
        await using var aliceSocket = await SocketFrames.OpenAsync(await aliceClient.LoginAsync(scene.Alice));
        await Client.LoginAsync(scene.Owner);
        var url = $"/api/admin/problemset/{scene.Set.Id}/badges";

        var created = (await Client.PostJsonAsync(url, Badge())).Ok();
        var id = created.GetProperty("id").GetInt64();
        Assert.That(created.GetRawText(), Is.EqualTo(
            $"{{\"id\":{id},\"problemset\":{scene.Set.Id},\"name\":\"Steady\",\"description\":\"Solved problems\",\"icon\":\"/badge-4.png\",\"condition_type\":\"problem_count\",\"condition_value\":1}}"));
        Assert.That(await ProblemSetTestData.HoldersAsync(id), Is.EqualTo(new[] { scene.Alice.Id, scene.Bob.Id }.Order()));
        Assert.That(await aliceSocket.CollectAsync("achievement_unlocked", TimeSpan.FromMilliseconds(500)), Is.Empty, "no push on this path");

        var all = (await Client.PostJsonAsync(url, new { name = "All", description = "d", icon = "/badge-1.png", condition_type = "all_problems" })).Ok();
        Assert.That(all.GetProperty("condition_value").GetInt32(), Is.Zero, "condition_value defaults to 0");
        Assert.That(await ProblemSetTestData.HoldersAsync(all.GetProperty("id").GetInt64()), Is.EqualTo(new[] { scene.Alice.Id }));

        var listed = (await Client.GetAsync(url)).Ok().EnumerateArray().Select(b => b.GetProperty("name").GetString());
        Assert.That(listed, Is.EqualTo(new[] { "Steady", "All" }));
    }

    [Test]
    public async Task Badge_fields_are_validated()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Owner);
        var url = $"/api/admin/problemset/{scene.Set.Id}/badges";
        (await Client.PostJsonAsync(url, Badge(name: new string('n', 101)))).AssertError("invalid-name", "name: Ensure this field has no more than 100 characters.");
        (await Client.PostJsonAsync(url, new { name = "n", description = "d", condition_type = "score" })).AssertError("invalid-icon", "icon: This field is required.");
        (await Client.PostJsonAsync(url, Badge(conditionType: "streak"))).AssertError("invalid-condition_type", "condition_type: \"streak\" is not a valid choice.");
        (await Client.PostJsonAsync(url, Badge(conditionValue: "many"))).AssertError("invalid-condition_value", "condition_value: A valid integer is required.");
        (await Client.SendAsync(HttpMethod.Put, $"{url}/1", JsonContent.Create(new { description = "" })))
            .AssertError("invalid-description", "description: This field may not be blank.");
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.ProblemSetBadges.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Editing_a_badge_recalculates_its_holders_who_keep_their_earned_time()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Owner);
        var url = $"/api/admin/problemset/{scene.Set.Id}/badges";
        var id = (await Client.PostJsonAsync(url, Badge(conditionType: "score", conditionValue: 10))).Ok().GetProperty("id").GetInt64();
        var earned = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.UserBadges.Where(b => b.BadgeId == id).ExecuteUpdateAsync(u => u.SetProperty(b => b.EarnedTime, earned));
        }

        Assert.That((await Client.SendAsync(HttpMethod.Put, $"{url}/{id}", JsonContent.Create(new { condition_value = 30, level = 2 }))).Ok().GetString(),
            Is.EqualTo("奖章已更新，并重新计算了所有用户的徽章资格"));
        var held = await ProblemSetTestData.BadgesOfAsync(scene.Alice);
        Assert.Multiple(async () =>
        {
            Assert.That(await ProblemSetTestData.HoldersAsync(id), Is.EqualTo(new[] { scene.Alice.Id }), "Bob's 10 points are no longer enough");
            Assert.That(held.Single().EarnedTime, Is.EqualTo(earned));
        });

        Assert.That((await Client.SendAsync(HttpMethod.Put, $"{url}/{id}", JsonContent.Create(new { name = "Rich", icon = "/badge-5.png" }))).Ok().GetString(),
            Is.EqualTo("奖章已更新"));
        var badge = (await Client.GetAsync(url)).Ok()[0];
        Assert.Multiple(() =>
        {
            Assert.That(badge.GetProperty("name").GetString(), Is.EqualTo("Rich"));
            Assert.That(badge.GetProperty("icon").GetString(), Is.EqualTo("/badge-5.png"));
            Assert.That(badge.GetProperty("description").GetString(), Is.EqualTo("Solved problems"));
            Assert.That(badge.GetProperty("condition_value").GetInt32(), Is.EqualTo(30));
        });

        (await Client.SendAsync(HttpMethod.Put, $"{url}/{id}", JsonContent.Create(new { condition_type = "all_problems" }))).Ok();
        Assert.That(await ProblemSetTestData.HoldersAsync(id), Is.EqualTo(new[] { scene.Alice.Id }));

        var other = await new ProblemSetBuilder(scene.Owner).WithBadge("Elsewhere", "score").BuildAsync();
        (await Client.SendAsync(HttpMethod.Put, $"{url}/{other.Badges[0].Id}", JsonContent.Create(new { name = "x" }))).AssertError("error", "奖章不存在");
        (await Client.SendAsync(HttpMethod.Put, $"{url}/999999", JsonContent.Create(new { name = "x" }))).AssertError("error", "奖章不存在");
    }

    [Test]
    public async Task Deleting_a_badge_takes_it_from_its_holders()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Owner);
        var url = $"/api/admin/problemset/{scene.Set.Id}/badges";
        var id = (await Client.PostJsonAsync(url, Badge())).Ok().GetProperty("id").GetInt64();
        var other = await new ProblemSetBuilder(scene.Owner).WithBadge("Elsewhere", "score").BuildAsync();
        await ProblemSetTestData.GiveBadgeAsync(scene.Alice, other.Badges[0].Id, DateTime.UtcNow);

        (await Client.SendAsync(HttpMethod.Delete, $"{url}/{other.Badges[0].Id}", null)).AssertError("error", "奖章不存在");
        Assert.That((await Client.SendAsync(HttpMethod.Delete, $"{url}/{id}", null)).Ok().GetString(), Is.EqualTo("奖章已删除"));
        (await Client.SendAsync(HttpMethod.Delete, $"{url}/{id}", null)).AssertError("error", "奖章不存在");
        Assert.That((await ProblemSetTestData.BadgesOfAsync(scene.Alice)).Select(b => b.BadgeId), Is.EqualTo(new[] { other.Badges[0].Id }));
        Assert.That((await ProblemSetTestData.BadgesOfAsync(scene.Bob)), Is.Empty);
    }
}

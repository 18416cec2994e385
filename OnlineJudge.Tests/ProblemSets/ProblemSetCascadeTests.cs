using System.Net.Http.Json;

namespace OnlineJudge.Tests.ProblemSets;

/// <summary>
/// problemset.md §0.5 for writes that take problems out of sets indirectly (the database cascade of a problem or of its
/// creator), and for a side effect that fails: the write stands.
/// </summary>
public class ProblemSetCascadeTests : IntegrationTest
{
    private sealed record Scene(User Owner, User Alice, User Bob, Problem P1, Problem P2, ProblemSet Set);

    /// <summary>
    /// A set of P1 (10 points) and P2 (5 points) with an all-problems and a 10-point badge: Alice solved P1, Bob both
    /// (and holds both badges). P2 is created by <paramref name="p2Creator"/>.
    /// </summary>
    private static async Task<Scene> SceneAsync(User? p2Creator = null)
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var alice = await new UserBuilder().WithUsername("alice").BuildAsync();
        var bob = await new UserBuilder().WithUsername("bob").BuildAsync();
        var p1 = await new ProblemBuilder(owner).WithDisplayId("P1").BuildAsync();
        var p2 = await new ProblemBuilder(p2Creator ?? owner).WithDisplayId("P2").BuildAsync();
        var set = await new ProblemSetBuilder(owner).WithProblem(p1, score: 10).WithProblem(p2, score: 5)
            .WithBadge("All", "all_problems").WithBadge("Ten", "score", 10).BuildAsync();
        await ProblemSetTestData.SeedProgressAsync(set, alice, DateTime.UtcNow.AddHours(-2), p1);
        await ProblemSetTestData.SeedProgressAsync(set, bob, DateTime.UtcNow.AddHours(-1), p1, p2);
        await ProblemSetTestData.GiveBadgeAsync(alice, set.Badges[1].Id, DateTime.UtcNow.AddHours(-1));
        await ProblemSetTestData.GiveBadgeAsync(bob, set.Badges[0].Id, DateTime.UtcNow.AddHours(-1));
        await ProblemSetTestData.GiveBadgeAsync(bob, set.Badges[1].Id, DateTime.UtcNow.AddHours(-1));
        return new Scene(owner, alice, bob, p1, p2, set);
    }

    /// <summary>After P2 left the set: both members finished the one problem left, and both hold both badges.</summary>
    private static async Task AssertP2LeftAsync(Scene scene)
    {
        var alice = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Alice))!;
        var bob = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Bob))!;
        Assert.Multiple(async () =>
        {
            Assert.That((alice.TotalProblemsCount, alice.CompletedProblemsCount, alice.TotalScore, alice.IsCompleted), Is.EqualTo((1, 1, 10, true)));
            Assert.That(alice.ProgressPercentage, Is.EqualTo(100));
            Assert.That(alice.CompleteTime, Is.Not.Null);
            Assert.That((bob.TotalProblemsCount, bob.CompletedProblemsCount, bob.TotalScore, bob.IsCompleted), Is.EqualTo((1, 1, 10, true)));
            Assert.That(bob.ProgressDetail.Keys, Is.EqualTo(new[] { scene.P1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            Assert.That(await ProblemSetTestData.HoldersAsync(scene.Set.Badges[0].Id), Is.EqualTo(new[] { scene.Alice.Id, scene.Bob.Id }),
                "the all-problems badge is given silently to Alice");
        });
    }

    [Test]
    public async Task Deleting_a_problem_in_the_problem_admin_recomputes_the_sets_that_held_it()
    {
        var scene = await SceneAsync();
        var carol = await new UserBuilder().WithUsername("carol").BuildAsync();
        var onlyP2 = await new ProblemSetBuilder(scene.Owner).WithProblem(scene.P2, score: 5).WithBadge("Done", "all_problems").BuildAsync();
        await ProblemSetTestData.SeedProgressAsync(onlyP2, carol, null, scene.P2);
        await ProblemSetTestData.GiveBadgeAsync(carol, onlyP2.Badges[0].Id, DateTime.UtcNow.AddHours(-1));
        var student = NewClient();
        await student.LoginAsync(scene.Alice);
        var before = (await student.GetAsync($"/api/problemset/{scene.Set.Id}")).Ok();
        Assert.That((before.GetProperty("problems_count").GetInt32(), before.GetProperty("user_progress").GetProperty("is_completed").GetBoolean()),
            Is.EqualTo((2, false)));

        await Client.LoginAsync(scene.Owner);
        (await Client.SendAsync(HttpMethod.Delete, $"/api/admin/problem?id={scene.P2.Id}", null)).Ok();

        await AssertP2LeftAsync(scene);
        var emptied = (await ProblemSetTestData.ProgressOfAsync(onlyP2, carol))!;
        Assert.Multiple(async () =>
        {
            Assert.That((emptied.TotalProblemsCount, emptied.CompletedProblemsCount, emptied.TotalScore, emptied.IsCompleted), Is.EqualTo((0, 0, 0, true)),
                "an empty set counts as completed (§0.3)");
            Assert.That(emptied.ProgressDetail, Is.Empty);
            Assert.That(await ProblemSetTestData.HoldersAsync(onlyP2.Badges[0].Id), Is.Empty, "all_problems needs a problem (§0.4)");
        });
        var after = (await student.GetAsync($"/api/problemset/{scene.Set.Id}")).Ok();
        Assert.Multiple(async () =>
        {
            Assert.That(after.GetProperty("problems_count").GetInt32(), Is.EqualTo(1));
            Assert.That(after.GetProperty("completed_count").GetInt32(), Is.EqualTo(1));
            Assert.That(after.GetProperty("user_progress").GetProperty("is_completed").GetBoolean(), Is.True);
            Assert.That((await student.GetAsync($"/api/problemset/{scene.Set.Id}/problems")).Ok().GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Deleting_the_creator_of_a_problem_recomputes_the_other_users_sets_that_held_it()
    {
        var author = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var scene = await SceneAsync(p2Creator: author);
        var authorsSet = await new ProblemSetBuilder(author).WithProblem(scene.P1).BuildAsync();
        await ProblemSetTestData.SeedProgressAsync(authorsSet, scene.Alice);

        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        (await Client.SendAsync(HttpMethod.Delete, $"/api/admin/user?id={author.Id}", null)).Ok();

        await AssertP2LeftAsync(scene);
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.ProblemSets.AnyAsync(s => s.Id == authorsSet.Id), Is.False, "the author's own set goes with the author");
    }

    [Test]
    public async Task A_recomputation_that_fails_is_undone_alone_and_the_write_stands()
    {
        var scene = await SceneAsync();
        var p3 = await new ProblemBuilder(scene.Owner).WithDisplayId("P3").BuildAsync();
        // A progress document the recomputation cannot read (an entry that is not an object).
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE problemset_progress SET progress_detail = '{{\"1\": 3}}'::jsonb WHERE problemset_id = {scene.Set.Id} AND user_id = {scene.Bob.Id}");
        }

        await Client.LoginAsync(scene.Owner);
        Assert.That((await Client.PostJsonAsync($"/api/admin/problemset/{scene.Set.Id}/problems", new { problem_id = "P3", score = 1 })).Ok().GetString(),
            Is.EqualTo("题目已添加到题单"));

        var alice = (await ProblemSetTestData.ProgressOfAsync(scene.Set, scene.Alice))!;
        await using var check = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(await check.ProblemSetProblems.AnyAsync(p => p.ProblemSetId == scene.Set.Id && p.ProblemId == p3.Id), Is.True, "the write stands");
            Assert.That(alice.TotalProblemsCount, Is.EqualTo(2), "the recomputation is undone");
            Assert.That(await ProblemSetTestData.HoldersAsync(scene.Set.Badges[0].Id), Is.EqualTo(new[] { scene.Bob.Id }));
        });

        (await Client.SendAsync(HttpMethod.Put, $"/api/admin/problemset/{scene.Set.Id}/problems/{scene.Set.Problems[0].Id}",
            JsonContent.Create(new { score = 20 }))).Ok();
        Assert.That(await check.ProblemSetProblems.Where(p => p.Id == scene.Set.Problems[0].Id).Select(p => p.Score).SingleAsync(), Is.EqualTo(20));
    }
}

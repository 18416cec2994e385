using OnlineJudge.Services.Caching;

namespace OnlineJudge.Tests.Problems;

/// <summary>Tag management and batch tagging (problem.md §2.8–§2.11).</summary>
public class ProblemTagAdminTests : ProblemAdminTestBase
{
    [Test]
    public async Task Tag_list_counts_problems_including_unused_tags()
    {
        await new ProblemBuilder(Teacher).WithTags("Loop", "Math").BuildAsync();
        await new ProblemBuilder(Teacher).WithTags("Math").BuildAsync();
        await new ProblemTagBuilder("Alone").BuildAsync();

        var client = await LoggedInAsync(Teacher);
        var data = (await client.GetAsync("/api/admin/problem/tag")).Ok();
        Assert.That(data.EnumerateArray().Select(t => t.GetProperty("name").GetString()), Is.EqualTo(new[] { "Math", "Loop", "Alone" }));
        Assert.That(data[0].GetProperty("problem_count").GetInt32(), Is.EqualTo(2));
        Assert.That(data[2].GetProperty("problem_count").GetInt32(), Is.Zero);
        Assert.That((await client.GetAsync("/api/admin/problem/tag?keyword=%20LO%20")).Ok().GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Tag_rename_and_merge()
    {
        var p1 = await new ProblemBuilder(Teacher).WithTags("Loops").BuildAsync();
        var p2 = await new ProblemBuilder(Teacher).WithTags("Loops", "Loop").BuildAsync();
        var p3 = await new ProblemBuilder(Teacher).WithTags("Loop").BuildAsync();
        var loops = (await ProblemTestData.ReloadAsync(p1.Id)).Tags[0];
        var loop = (await ProblemTestData.ReloadAsync(p3.Id)).Tags[0];
        var client = await LoggedInAsync(Teacher);

        var renamed = (await Put(client, "/api/admin/problem/tag", new { id = loops.Id, name = " Loopz " })).Ok();
        Assert.That(renamed.GetProperty("merged").GetBoolean(), Is.False);
        Assert.That(renamed.GetProperty("name").GetString(), Is.EqualTo("Loopz"));
        Assert.That(renamed.GetProperty("affected_count").GetInt32(), Is.Zero);

        await Cache.SetAsync("problem_tags:", 1, TimeSpan.FromMinutes(5));
        var merged = (await Put(client, "/api/admin/problem/tag", new { id = loops.Id, name = "LOOP" })).Ok();
        Assert.Multiple(async () =>
        {
            Assert.That(merged.GetProperty("merged").GetBoolean(), Is.True);
            Assert.That(merged.GetProperty("id").GetInt32(), Is.EqualTo(loop.Id));
            Assert.That(merged.GetProperty("name").GetString(), Is.EqualTo("Loop"));
            Assert.That(merged.GetProperty("affected_count").GetInt32(), Is.EqualTo(2));
            Assert.That(await ProblemTestData.TagNamesAsync(p1.Id), Is.EqualTo(new[] { "Loop" }));
            Assert.That(await ProblemTestData.TagNamesAsync(p2.Id), Is.EqualTo(new[] { "Loop" }));
            Assert.That((await Cache.TryGetAsync<int>("problem_tags:")).Found, Is.False);
        });

        (await Put(client, "/api/admin/problem/tag", new { id = 999999, name = "x" })).AssertError("error", "标签不存在，请刷新后重试");
    }

    [Test]
    public async Task Tag_delete()
    {
        var problem = await new ProblemBuilder(Teacher).WithTags("Gone", "Kept").BuildAsync();
        var gone = (await ProblemTestData.ReloadAsync(problem.Id)).Tags.First(t => t.Name == "Gone");
        var client = await LoggedInAsync(Teacher);
        (await Delete(client, "/api/admin/problem/tag")).AssertError("error", "Invalid parameter, id is required");
        (await Delete(client, $"/api/admin/problem/tag?id={gone.Id}")).Ok();
        Assert.That(await ProblemTestData.TagNamesAsync(problem.Id), Is.EqualTo(new[] { "Kept" }));
        (await Delete(client, $"/api/admin/problem/tag?id={gone.Id}")).AssertError("error", "标签不存在，请刷新后重试");
    }

    [Test]
    public async Task Batch_tag_adds_and_removes_on_own_problems()
    {
        var other = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var mine = await new ProblemBuilder(Teacher).WithTags("Keep").BuildAsync();
        var theirs = await new ProblemBuilder(other).BuildAsync();
        var client = await LoggedInAsync(Teacher);

        var added = (await client.PostJsonAsync("/api/admin/problem/batch_tag",
            new { problem_ids = new[] { mine.Id, theirs.Id, 999999 }, tag_names = new[] { "New", "keep" }, action = "add" })).Ok();
        Assert.That(added.GetProperty("problem_count").GetInt32(), Is.EqualTo(1));
        Assert.That(added.GetProperty("tag_count").GetInt32(), Is.EqualTo(2));
        Assert.That(await ProblemTestData.TagNamesAsync(mine.Id), Is.EqualTo(new[] { "Keep", "New" }));
        Assert.That(await ProblemTestData.TagNamesAsync(theirs.Id), Is.Empty);

        var removed = (await client.PostJsonAsync("/api/admin/problem/batch_tag",
            new { problem_ids = new[] { mine.Id }, tag_names = new[] { " NEW " }, action = "remove" })).Ok();
        Assert.That(removed.GetProperty("tag_count").GetInt32(), Is.EqualTo(1));
        Assert.That(await ProblemTestData.TagNamesAsync(mine.Id), Is.EqualTo(new[] { "Keep" }));

        (await client.PostJsonAsync("/api/admin/problem/batch_tag", new { problem_ids = new[] { theirs.Id }, tag_names = new[] { "x" }, action = "add" }))
            .AssertError("error", "没有可操作的题目");
        (await client.PostJsonAsync("/api/admin/problem/batch_tag", new { problem_ids = new[] { mine.Id }, tag_names = new[] { "nothing" }, action = "remove" }))
            .AssertError("error", "没有匹配的标签");
        (await client.PostJsonAsync("/api/admin/problem/batch_tag", new { problem_ids = new[] { mine.Id }, tag_names = new[] { "x" }, action = "move" }))
            .AssertError("invalid-action", "action: \"move\" is not a valid choice.");
    }
}

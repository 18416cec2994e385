namespace OnlineJudge.Tests.Caching;

/// <summary>Hot reads served from the versioned cache answer exactly as from the database, and writes show at once.</summary>
public class HotReadCacheTests : IntegrationTest
{
    [TestCase("/api/problem?limit=10&offset=0")]
    [TestCase("/api/problem?problem_id=1001")]
    [TestCase("/api/announcement?limit=10&offset=0")]
    [TestCase("/api/contests?limit=10&offset=0")]
    public async Task A_cache_hit_answers_like_the_miss(string url)
    {
        var root = await new UserBuilder().AsSuperAdmin().BuildAsync();
        await new ProblemBuilder(root).WithDisplayId("1001").WithTags("dp").BuildAsync();
        await new ContestBuilder(root).BuildAsync();
        await Client.LoginAsync(root);
        (await Client.PostJsonAsync("/api/admin/announcement", new { title = "Hello", content = "<p>Hi</p>", tag = "news", visible = true, top = false })).Ok();

        var miss = (await Client.GetAsync(url)).Body;
        var hit = (await Client.GetAsync(url)).Body;
        Assert.That(hit, Is.EqualTo(miss));
        Assert.That(miss, Does.Contain("\"error\":null"));
    }

    [Test]
    public async Task Announcement_writes_show_in_the_next_read()
    {
        var root = await new UserBuilder().AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(root);
        Assert.That((await Client.GetAsync("/api/announcement")).Ok().GetProperty("total").GetInt32(), Is.Zero);

        var id = (await Client.PostJsonAsync("/api/admin/announcement", new { title = "A", content = "c", tag = "t", visible = true, top = false }))
            .Ok().GetProperty("id").GetInt32();
        Assert.That((await Client.GetAsync("/api/announcement")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That((await Client.GetAsync($"/api/announcement?id={id}")).Ok().GetProperty("title").GetString(), Is.EqualTo("A"));

        (await Client.SendAsync(HttpMethod.Put, "/api/admin/announcement", System.Net.Http.Json.JsonContent.Create(
            new { id, title = "B", content = "c", tag = "t", visible = true, top = false }))).Ok();
        Assert.That((await Client.GetAsync($"/api/announcement?id={id}")).Ok().GetProperty("title").GetString(), Is.EqualTo("B"));

        (await Client.SendAsync(HttpMethod.Delete, $"/api/admin/announcement?id={id}", null)).Ok();
        Assert.That((await Client.GetAsync("/api/announcement")).Ok().GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Problem_visibility_changes_show_in_the_next_read()
    {
        var root = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var problem = await new ProblemBuilder(root).WithDisplayId("1001").BuildAsync();
        await Client.LoginAsync(root);
        Assert.That((await Client.GetAsync("/api/problem?limit=10&offset=0")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(1));

        (await Client.SendAsync(HttpMethod.Put, "/api/admin/problem/visible", System.Net.Http.Json.JsonContent.Create(new { id = problem.Id }))).Ok();
        Assert.That((await Client.GetAsync("/api/problem?limit=10&offset=0")).Ok().GetProperty("total").GetInt32(), Is.Zero);
        (await Client.GetAsync("/api/problem?problem_id=1001")).AssertError("error", "Problem does not exist");
    }
}

namespace OnlineJudge.Tests.Users;

/// <summary>Admin user changes reach the cached contest rank (contest rank snapshots are invalidated).</summary>
public class UserEditRankInvalidationTests : IntegrationTest
{
    [Test]
    public async Task Renaming_or_deleting_a_user_refreshes_the_contest_rank()
    {
        var root = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        var student = await new UserBuilder().WithUsername("ks251alice").BuildAsync();
        var other = await new UserBuilder().WithUsername("bob").BuildAsync();
        var contest = await new ContestBuilder(root).BuildAsync();
        await new AcmContestRankBuilder(contest, student).Accepted(1, 100).BuildAsync();
        await new AcmContestRankBuilder(contest, other).Accepted(1, 200).BuildAsync();

        var viewer = NewClient();
        await viewer.LoginAsync(await new UserBuilder().BuildAsync());
        Assert.That(await UsernamesAsync(viewer, contest.Id), Is.EqualTo(new[] { "ks251alice", "bob" }));

        await Client.LoginAsync(root);
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/user", System.Net.Http.Json.JsonContent.Create(new
        {
            id = student.Id, username = "ks251alicia", real_name = (string?)null, email = "alicia@example.com",
            admin_type = "Regular User", problem_permission = "None", open_api = false, is_disabled = false,
        }))).Ok();
        Assert.That(await UsernamesAsync(viewer, contest.Id), Is.EqualTo(new[] { "ks251alicia", "bob" }));

        (await Client.SendAsync(HttpMethod.Delete, $"/api/admin/user?id={other.Id}", null)).Ok();
        Assert.That(await UsernamesAsync(viewer, contest.Id), Is.EqualTo(new[] { "ks251alicia" }));
    }

    private static async Task<List<string?>> UsernamesAsync(ApiClient client, int contestId)
    {
        var data = (await client.GetAsync($"/api/contest_rank?contest_id={contestId}&limit=50&offset=0")).Ok();
        return [.. data.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("user").GetProperty("username").GetString())];
    }
}

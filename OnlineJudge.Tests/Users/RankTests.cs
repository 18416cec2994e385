using StackExchange.Redis;

namespace OnlineJudge.Tests.Users;

/// <summary>account.md A9–A11: user rank, activity rank (cached), rank within a problem.</summary>
public class RankTests : IntegrationTest
{
    private static List<string> Usernames(JsonElement page) =>
        [.. page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("user").GetProperty("username").GetString()!)];

    [Test]
    public async Task User_rank_orders_by_accepted_then_submissions_and_hides_teachers_and_disabled_users()
    {
        var a = await new UserBuilder().WithUsername("ks251a").BuildAsync();
        var b = await new UserBuilder().WithUsername("ks251b").AsStudentAdmin().BuildAsync();
        var c = await new UserBuilder().WithUsername("ks252c").BuildAsync();
        var teacher = await new UserBuilder().WithUsername("teacher").AsTeacherAdmin().BuildAsync();
        var root = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        var banned = await new UserBuilder().WithUsername("ks251banned").Disabled().BuildAsync();
        await UsersTestData.SetProfileAsync(a, 5, 20, mood: "happy", realName: "Secret");
        await UsersTestData.SetProfileAsync(b, 5, 10);
        await UsersTestData.SetProfileAsync(c, 9, 50);
        await UsersTestData.SetProfileAsync(teacher, 99, 99);
        await UsersTestData.SetProfileAsync(root, 99, 99);
        await UsersTestData.SetProfileAsync(banned, 99, 99);

        var page = (await Client.GetAsync("/api/user_rank?offset=0&limit=10&rule=acm&n=100")).Ok();
        Assert.That(Usernames(page), Is.EqualTo(new[] { "ks252c", "ks251b", "ks251a" }));
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(3));
        var row = page.GetProperty("results")[2];
        Assert.Multiple(() =>
        {
            Assert.That(row.GetProperty("user").GetProperty("id").GetInt32(), Is.EqualTo(a.Id));
            Assert.That(row.GetProperty("user").GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(row.GetProperty("id").GetInt32(), Is.Not.EqualTo(0));
            Assert.That(row.GetProperty("accepted_number").GetInt32(), Is.EqualTo(5));
            Assert.That(row.GetProperty("submission_number").GetInt32(), Is.EqualTo(20));
            Assert.That(row.GetProperty("mood").GetString(), Is.EqualTo("happy"));
        });
    }

    [Test]
    public async Task User_rank_filters_by_username_cuts_to_n_and_pages()
    {
        for (var i = 0; i < 5; i++)
        {
            var user = await new UserBuilder().WithUsername($"ks251s{i}").BuildAsync();
            await UsersTestData.SetProfileAsync(user, 10 - i, 10);
        }

        await new UserBuilder().WithUsername("other").BuildAsync();

        var filtered = (await Client.GetAsync("/api/user_rank?username=KS251&n=0&limit=2&offset=1")).Ok();
        Assert.That(Usernames(filtered), Is.EqualTo(new[] { "ks251s1", "ks251s2" }));
        Assert.That(filtered.GetProperty("total").GetInt32(), Is.EqualTo(5));

        var cut = (await Client.GetAsync("/api/user_rank?n=3&limit=10")).Ok();
        Assert.That(Usernames(cut), Is.EqualTo(new[] { "ks251s0", "ks251s1", "ks251s2" }));
        Assert.That(cut.GetProperty("total").GetInt32(), Is.EqualTo(3));

        var badN = (await Client.GetAsync("/api/user_rank?n=abc")).Ok();
        Assert.That(badN.GetProperty("total").GetInt32(), Is.EqualTo(6));
    }

    [Test]
    public async Task Activity_rank_counts_distinct_problems_solved_since_start()
    {
        var owner = await new UserBuilder().WithUsername("owner").AsTeacherAdmin().BuildAsync();
        var p1 = await UsersTestData.CreateProblemAsync(owner, "A1");
        var p2 = await UsersTestData.CreateProblemAsync(owner, "A2");
        var p3 = await UsersTestData.CreateProblemAsync(owner, "A3");
        var alice = await new UserBuilder().WithUsername("alice").BuildAsync();
        var bob = await new UserBuilder().WithUsername("bob").BuildAsync();
        var root = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        var banned = await new UserBuilder().WithUsername("banned").Disabled().BuildAsync();
        var start = new DateTime(2026, 7, 7, 2, 0, 0, DateTimeKind.Utc);
        var after = start.AddHours(1);

        await UsersTestData.AddSubmissionAsync(p1, alice, JudgeStatus.Accepted, after);
        await UsersTestData.AddSubmissionAsync(p1, alice, JudgeStatus.Accepted, after);
        await UsersTestData.AddSubmissionAsync(p2, alice, JudgeStatus.AstCheckFailed, after);
        await UsersTestData.AddSubmissionAsync(p3, alice, JudgeStatus.WrongAnswer, after);
        await UsersTestData.AddSubmissionAsync(p1, bob, JudgeStatus.Accepted, after);
        await UsersTestData.AddSubmissionAsync(p2, bob, JudgeStatus.Accepted, start.AddMinutes(-1));
        await UsersTestData.AddSubmissionAsync(p1, root, JudgeStatus.Accepted, after);
        await UsersTestData.AddSubmissionAsync(p1, banned, JudgeStatus.Accepted, after);
        await UsersTestData.AddSubmissionAsync(p1, owner, JudgeStatus.Accepted, after);
        var contest = await new ContestBuilder(owner).BuildAsync();
        await UsersTestData.AddSubmissionAsync(p3, bob, JudgeStatus.Accepted, after, contest.Id);

        const string query = "2026-07-07T10:00:00+08:00";
        var data = (await Client.GetAsync("/api/user_activity_rank?start=" + Uri.EscapeDataString(query))).Ok();

        var rows = data.EnumerateArray().Select(r => (r.GetProperty("username").GetString(), r.GetProperty("count").GetInt32())).ToList();
        Assert.That(rows, Is.EqualTo(new[] { ("alice", 2), ("bob", 1), ("owner", 1) }));

        // Cached for 600 s under the literal start text: new submissions do not show.
        await UsersTestData.AddSubmissionAsync(p3, bob, JudgeStatus.Accepted, after);
        var cached = (await Client.GetAsync("/api/user_activity_rank?start=" + Uri.EscapeDataString(query))).Ok();
        Assert.That(cached.GetRawText(), Is.EqualTo(data.GetRawText()));
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var ttl = await redis.KeyTimeToLiveAsync("user_activity_rank:" + query);
        Assert.That(ttl, Is.Not.Null.And.GreaterThan(TimeSpan.FromSeconds(590)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(600)));
    }

    [Test]
    public async Task Activity_rank_requires_a_valid_start()
    {
        (await Client.GetAsync("/api/user_activity_rank")).AssertError("error", "start time is required");
        (await Client.GetAsync("/api/user_activity_rank?start=")).AssertError("error", "start time is required");
        (await Client.GetAsync("/api/user_activity_rank?start=yesterday"))
            .AssertError("error", "start time is invalid, expected an ISO 8601 date-time");
    }

    [Test]
    public async Task Problem_rank_requires_a_login()
    {
        (await Client.GetAsync("/api/user_problem_rank?problem_id=A1")).AssertError("error", "User is not authenticated");
    }

    [Test]
    public async Task Problem_rank_without_a_class_ranks_among_all_accepted_submissions()
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var problem = await UsersTestData.CreateProblemAsync(owner, "Fib");
        var first = await new UserBuilder().BuildAsync();
        var me = await new UserBuilder().BuildAsync();
        var t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await UsersTestData.AddSubmissionAsync(problem, first, JudgeStatus.Accepted, t);
        await UsersTestData.AddSubmissionAsync(problem, first, JudgeStatus.Accepted, t.AddMinutes(1));
        await UsersTestData.AddSubmissionAsync(problem, me, JudgeStatus.WrongAnswer, t.AddMinutes(1));
        await UsersTestData.AddSubmissionAsync(problem, me, JudgeStatus.AstCheckFailed, t.AddMinutes(2));
        await UsersTestData.AddSubmissionAsync(problem, me, JudgeStatus.Accepted, t.AddMinutes(3));
        await Client.LoginAsync(me);

        var data = (await Client.GetAsync("/api/user_problem_rank?problem_id=fib")).Ok();

        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("class_name").GetString(), Is.EqualTo(""));
            Assert.That(data.GetProperty("rank").GetInt32(), Is.EqualTo(3), "submissions up to my first AC, not users");
            Assert.That(data.GetProperty("class_ac_count").GetInt32(), Is.Zero);
            Assert.That(data.GetProperty("all_ac_count").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Problem_rank_with_a_class_counts_the_class_only()
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var problem = await UsersTestData.CreateProblemAsync(owner, "P100");
        var outsider = await new UserBuilder().BuildAsync();
        var mate = await new UserBuilder().BuildAsync();
        var bannedMate = await new UserBuilder().Disabled().BuildAsync();
        var me = await new UserBuilder().BuildAsync();
        var lazy = await new UserBuilder().BuildAsync();
        foreach (var user in new[] { mate, bannedMate, me, lazy })
        {
            await UsersTestData.SetClassAsync(user, "251");
        }

        var t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await UsersTestData.AddSubmissionAsync(problem, outsider, JudgeStatus.Accepted, t);
        await UsersTestData.AddSubmissionAsync(problem, bannedMate, JudgeStatus.Accepted, t);
        await UsersTestData.AddSubmissionAsync(problem, mate, JudgeStatus.Accepted, t.AddMinutes(1));
        await UsersTestData.AddSubmissionAsync(problem, me, JudgeStatus.Accepted, t.AddMinutes(2));

        await Client.LoginAsync(me);
        var data = (await Client.GetAsync("/api/user_problem_rank?problem_id=P100")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("class_name").GetString(), Is.EqualTo("251"));
            Assert.That(data.GetProperty("rank").GetInt32(), Is.EqualTo(2));
            Assert.That(data.GetProperty("class_ac_count").GetInt32(), Is.EqualTo(2));
            Assert.That(data.GetProperty("all_ac_count").GetInt32(), Is.EqualTo(4));
        });

        var other = NewClient();
        await other.LoginAsync(lazy);
        Assert.That((await other.GetAsync("/api/user_problem_rank?problem_id=P100")).Ok().GetProperty("rank").GetInt32(), Is.EqualTo(-1));
    }

    [Test]
    public async Task Problem_rank_only_finds_visible_public_problems()
    {
        var owner = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        await UsersTestData.CreateProblemAsync(owner, "Hidden", visible: false);
        var contest = await new ContestBuilder(owner).BuildAsync();
        await UsersTestData.CreateProblemAsync(owner, "InContest", contestId: contest.Id);
        await Client.LoginAsync(owner);
        (await Client.GetAsync("/api/user_problem_rank?problem_id=Hidden")).AssertError("error", "Problem does not exist");
        (await Client.GetAsync("/api/user_problem_rank?problem_id=InContest")).AssertError("error", "Problem does not exist");
        (await Client.GetAsync("/api/user_problem_rank")).AssertError("error", "Problem does not exist");
    }
}

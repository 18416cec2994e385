using System.Net.Http.Json;

namespace OnlineJudge.Tests.Contests;

/// <summary>contest.md §2.5–§2.6: the ACM helper review tool.</summary>
public class AcmHelperTests : IntegrationTest
{
    private User teacher = null!;
    private Contest contest = null!;
    private Problem a = null!;
    private Problem b = null!;

    [SetUp]
    public async Task CreateContestAsync()
    {
        teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        contest = await new ContestBuilder(teacher).BuildAsync();
        a = await ContestTestData.AddProblemAsync(contest, teacher, "A", "Alpha");
        b = await ContestTestData.AddProblemAsync(contest, teacher, "B", "Beta");
    }

    [Test]
    public async Task Lists_every_accepted_pair_latest_first()
    {
        var stu = await new UserBuilder().WithUsername("stu").BuildAsync();
        await ContestTestData.SetRealNameAsync(stu, "Zhang San");
        var super = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        var none = await new UserBuilder().WithUsername("none").BuildAsync();
        var row = await new AcmContestRankBuilder(contest, stu).Accepted(a.Id, 100).Accepted(b.Id, 500, errors: 1, isChecked: true).BuildAsync();
        var superRow = await new AcmContestRankBuilder(contest, super).Accepted(a.Id, 300).Accepted(4242, 50).BuildAsync();
        await new AcmContestRankBuilder(contest, none).Failed(a.Id, 3).BuildAsync();

        await Client.LoginAsync(teacher);
        var items = (await Client.GetAsync($"/api/admin/contest/acm_helper?contest_id={contest.Id}")).Ok().EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => (i.GetProperty("username").GetString(), i.GetProperty("problem_display_id").GetString())),
                Is.EqualTo(new[] { ("stu", "B"), ("root", "A"), ("stu", "A"), ("root", "4242") }));
            var first = items[0];
            Assert.That(first.GetProperty("id").GetInt32(), Is.EqualTo(row.Id));
            Assert.That(first.GetProperty("real_name").GetString(), Is.EqualTo("Zhang San"));
            Assert.That(first.GetProperty("problem_id").GetString(), Is.EqualTo(b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(first.GetProperty("checked").GetBoolean(), Is.True);
            Assert.That(first.GetProperty("ac_info").GetProperty("ac_time").GetInt32(), Is.EqualTo(500));
            Assert.That(first.GetProperty("ac_info").GetProperty("error_number").GetInt32(), Is.EqualTo(1));
            Assert.That(first.GetProperty("ac_info").GetProperty("checked").GetBoolean(), Is.True);
            Assert.That(items[1].GetProperty("id").GetInt32(), Is.EqualTo(superRow.Id));
            Assert.That(items[1].GetProperty("checked").GetBoolean(), Is.False);
            Assert.That(items[1].GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Listing_needs_a_visible_contest_of_the_caller()
    {
        await Client.LoginAsync(teacher);
        (await Client.GetAsync("/api/admin/contest/acm_helper")).AssertError("error", "Parameter error, contest_id is required");
        (await Client.GetAsync("/api/admin/contest/acm_helper?contest_id=99999")).AssertError("error", "Contest does not exist");
        var hidden = await new ContestBuilder(teacher).Hidden().BuildAsync();
        (await Client.GetAsync($"/api/admin/contest/acm_helper?contest_id={hidden.Id}")).AssertError("error", "Contest does not exist");

        var other = NewClient();
        await other.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await other.GetAsync($"/api/admin/contest/acm_helper?contest_id={contest.Id}")).AssertError("error", "Contest does not exist");
        var super = NewClient();
        await super.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        Assert.That((await super.GetAsync($"/api/admin/contest/acm_helper?contest_id={contest.Id}")).Ok().GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Marks_an_accepted_problem_as_checked_and_refreshes_the_rank()
    {
        var stu = await new UserBuilder().BuildAsync();
        var row = await new AcmContestRankBuilder(contest, stu).Accepted(a.Id, 100).Failed(b.Id, 1).BuildAsync();
        await Client.LoginAsync(teacher);
        var rank = (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).Ok();
        Assert.That(rank.GetProperty("results")[0].GetProperty("submission_info").GetProperty(Key(a)).TryGetProperty("checked", out _), Is.False);

        var response = await Put(Client, new { contest_id = contest.Id, rank_id = row.Id, problem_id = Key(a), @checked = true });
        Assert.That(response.Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));

        await using (var db = TestEnvironment.CreateDbContext())
        {
            var stored = await db.AcmContestRanks.SingleAsync(r => r.Id == row.Id);
            Assert.Multiple(() =>
            {
                Assert.That(stored.SubmissionInfo[Key(a)].Checked, Is.True);
                Assert.That(stored.SubmissionInfo[Key(a)].AcTime, Is.EqualTo(100));
                Assert.That(stored.SubmissionInfo[Key(b)].Checked, Is.Null);
            });
        }

        rank = (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).Ok();
        Assert.That(rank.GetProperty("results")[0].GetProperty("submission_info").GetProperty(Key(a)).GetProperty("checked").GetBoolean(), Is.True);

        (await Put(Client, new { contest_id = contest.Id, rank_id = row.Id, problem_id = Key(a), @checked = false })).Ok();
        var items = (await Client.GetAsync($"/api/admin/contest/acm_helper?contest_id={contest.Id}")).Ok();
        Assert.That(items[0].GetProperty("checked").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Checking_reports_unknown_ranks_contests_and_problems()
    {
        var stu = await new UserBuilder().BuildAsync();
        var row = await new AcmContestRankBuilder(contest, stu).Accepted(a.Id, 100).BuildAsync();
        var otherContest = await new ContestBuilder(teacher).BuildAsync();
        await Client.LoginAsync(teacher);

        (await Put(Client, new { contest_id = contest.Id })).AssertError("invalid-problem_id", "problem_id: This field is required.");
        (await Put(Client, new { contest_id = otherContest.Id, rank_id = row.Id, problem_id = Key(a), @checked = true }))
            .AssertError("error", "Rank id does not exist");
        (await Put(Client, new { contest_id = contest.Id, rank_id = row.Id, problem_id = Key(b), @checked = true }))
            .AssertError("error", "Problem id does not exist");

        var other = NewClient();
        await other.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await Put(other, new { contest_id = contest.Id, rank_id = row.Id, problem_id = Key(a), @checked = true }))
            .AssertError("error", "Contest does not exist");
    }

    private static string Key(Problem problem) => problem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<ApiResponse> Put(ApiClient client, object body) =>
        client.SendAsync(HttpMethod.Put, "/api/admin/contest/acm_helper", JsonContent.Create(body));
}

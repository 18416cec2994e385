using OnlineJudge.Services.Contests;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Tests.Platform;

/// <summary>contest.md §0.2 and §0.3.</summary>
public class ContestGateTests : IntegrationTest
{
    [Test]
    public async Task Contest_id_is_required()
    {
        (await Client.GetAsync("/api/_probe/contest")).AssertError("error", "Parameter error, contest_id is required");
    }

    [TestCase("999999")]
    [TestCase("abc")]
    public async Task Unknown_ids_do_not_exist(string id)
    {
        (await Client.GetAsync($"/api/_probe/contest?contest_id={id}")).AssertError("error", $"Contest {id} doesn't exist");
    }

    [Test]
    public async Task Hidden_contests_do_not_exist_even_for_their_creator()
    {
        var owner = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var contest = await CreateContestAsync(owner, visible: false);
        await Client.LoginAsync(owner);
        (await Client.GetAsync($"/api/_probe/contest?contest_id={contest.Id}")).AssertError("error", $"Contest {contest.Id} doesn't exist");
    }

    [Test]
    public async Task Anonymous_callers_must_log_in()
    {
        var contest = await CreateContestAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await Client.GetAsync($"/api/_probe/contest?contest_id={contest.Id}")).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Contest_id_is_read_from_a_json_body()
    {
        var contest = await CreateContestAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        Assert.That((await Client.PostJsonAsync("/api/_probe/contest", new { contest_id = contest.Id })).Ok().GetInt32(), Is.EqualTo(contest.Id));
    }

    [Test]
    public async Task Password_protected_contests_need_the_password_in_the_session()
    {
        var contest = await CreateContestAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync(), password: "secret");
        var student = await new UserBuilder().BuildAsync();
        var key = await Client.LoginAsync(student);
        (await Client.GetAsync($"/api/_probe/contest?contest_id={contest.Id}")).AssertError("error", "Wrong password or password expired");

        var sessions = TestEnvironment.Factory.Services.GetRequiredService<SessionStore>();
        var session = (await sessions.LoadAsync(key))!;
        session.ContestPassword[contest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "secret";
        await sessions.SaveAsync(key, session);
        (await Client.GetAsync($"/api/_probe/contest?contest_id={contest.Id}")).Ok();
    }

    [Test]
    public async Task Contests_not_started_are_closed_except_for_details_and_contest_admins()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var contest = await CreateContestAsync(teacher, start: DateTime.UtcNow.AddHours(1));
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.GetAsync($"/api/_probe/contest?contest_id={contest.Id}")).AssertError("error", "Contest has not started yet.");
        (await Client.GetAsync($"/api/_probe/contest-details?contest_id={contest.Id}")).Ok();

        var owner = NewClient();
        await owner.LoginAsync(teacher);
        (await owner.GetAsync($"/api/_probe/contest?contest_id={contest.Id}")).Ok();
    }

    [Test]
    public void Time_limited_password_tokens_follow_the_reference()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        const string password = "secret";
        var ts = "1800000100";
        var sig = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(password + ts)))[..8];
        Assert.Multiple(() =>
        {
            Assert.That(ContestPasswords.Check("secret", password, now), Is.True);
            Assert.That(ContestPasswords.Check($"{sig}#{ts}", password, now), Is.True);
            Assert.That(ContestPasswords.Check($"{sig}#{ts}", password, now.AddSeconds(100)), Is.False);
            Assert.That(ContestPasswords.Check($"{sig}#{ts}#x", password, now), Is.False);
            Assert.That(ContestPasswords.Check("wrong", password, now), Is.False);
            Assert.That(ContestPasswords.Check("", password, now), Is.False);
            Assert.That(ContestPasswords.Check("secret", null, now), Is.False);
        });
    }

    private static Task<Contest> CreateContestAsync(User owner, bool visible = true, string? password = null, DateTime? start = null)
    {
        var builder = new ContestBuilder(owner).WithPassword(password)
            .Between(start ?? DateTime.UtcNow.AddHours(-1), (start ?? DateTime.UtcNow).AddHours(2));
        return (visible ? builder : builder.Hidden()).BuildAsync();
    }
}

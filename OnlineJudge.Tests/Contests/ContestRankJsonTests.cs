using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Contests;

/// <summary>Rank rows are written to the response as stored in the snapshot: they must read like every other response.</summary>
public class ContestRankJsonTests : IntegrationTest
{
    [Test]
    public async Task Stored_rows_use_the_response_json_conventions_for_every_reader()
    {
        var teacher = await new UserBuilder().WithUsername("owner").AsTeacherAdmin().BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        var student = await new UserBuilder().WithUsername("张同学").BuildAsync();
        await ContestTestData.SetRealNameAsync(student, "张三 <b>&</b>");
        await new AcmContestRankBuilder(contest, student).Accepted(1, 100, firstAc: true).Failed(2, 3).BuildAsync();
        var viewer = NewClient();
        await viewer.LoginAsync(await new UserBuilder().BuildAsync());
        await Client.LoginAsync(teacher);

        foreach (var pass in new[] { "rebuilt", "from the snapshot" })
        {
            var seen = await viewer.GetAsync($"/api/contest_rank?contest_id={contest.Id}");
            var owner = await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}");
            var row = seen.Ok().GetProperty("results")[0];
            Assert.Multiple(() =>
            {
                Assert.That(seen.Body, Does.Contain("\"username\":\"张同学\"").And.Contain("\"real_name\":null"), pass);
                Assert.That(owner.Body, Does.Contain("\"real_name\":\"张三 <b>&</b>\""), pass);
                Assert.That(row.GetProperty("submission_info").GetProperty("1").GetProperty("is_first_ac").GetBoolean(), Is.True, pass);
                Assert.That(row.GetProperty("submission_info").GetProperty("2").GetProperty("error_number").GetInt32(), Is.EqualTo(3), pass);
                Assert.That(row.GetProperty("submission_info").GetProperty("2").TryGetProperty("checked", out _), Is.False, pass);
            });
        }
    }
}

using StackExchange.Redis;

namespace OnlineJudge.Tests.Ai;

/// <summary>GET /api/ai/detail, /duration and /heatmap (ai.md §0, §1.1–§1.3).</summary>
public class AiStatisticsTests : IntegrationTest
{
    private User student = null!;
    private User teacher = null!;
    private Problem easy = null!;
    private Problem hard = null!;
    private readonly DateTime now = DateTime.UtcNow;

    [SetUp]
    public async Task MakeClassAsync()
    {
        teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        student = await new UserBuilder().WithUsername("ks251amy").InClass("251").BuildAsync();
        var early = await new UserBuilder().InClass("251").BuildAsync();
        var late = await new UserBuilder().InClass("251").BuildAsync();
        var outsider = await new UserBuilder().BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        easy = await new ProblemBuilder(teacher).WithTitle("简单题").WithDifficulty(Difficulty.Low).WithTags("循环", "分支").BuildAsync();
        hard = await new ProblemBuilder(teacher).WithTitle("难题").WithDifficulty(Difficulty.High).WithTags("循环").InContest(contest).BuildAsync();

        await new SubmissionBuilder(early, easy).WithResult(JudgeStatus.Accepted).CreatedAt(now.AddDays(-10)).BuildAsync();
        await new SubmissionBuilder(outsider, easy).WithResult(JudgeStatus.Accepted).CreatedAt(now.AddDays(-5)).BuildAsync();
        await new SubmissionBuilder(student, easy).WithResult(JudgeStatus.WrongAnswer).CreatedAt(now.AddDays(-3)).BuildAsync();
        await new SubmissionBuilder(student, easy).WithResult(JudgeStatus.Accepted).CreatedAt(now.AddDays(-2)).BuildAsync();
        await new SubmissionBuilder(late, easy).WithResult(JudgeStatus.Accepted).CreatedAt(now.AddDays(-1)).BuildAsync();
        await new SubmissionBuilder(student, hard.Id, contest.Id).WithResult(JudgeStatus.AstCheckFailed).CreatedAt(now.AddHours(-20)).BuildAsync();
    }

    private string Window(double days = 4) =>
        $"start={Uri.EscapeDataString(now.AddDays(-days).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture))}&end={Uri.EscapeDataString(now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture))}";

    [Test]
    public async Task The_detail_ranks_solved_problems_within_the_class()
    {
        await new FlowchartSubmissionBuilder(student, easy).Graded(80, "A").CreatedAt(now.AddDays(-2)).BuildAsync();
        await new FlowchartSubmissionBuilder(student, easy).Graded(90, "S").CreatedAt(now.AddDays(-1)).BuildAsync();
        await new FlowchartSubmissionBuilder(student, easy).Pending().CreatedAt(now.AddHours(-1)).BuildAsync();
        await Client.LoginAsync(student);

        var data = (await Client.GetAsync("/api/ai/detail?" + Window())).Ok();

        var solved = data.GetProperty("solved");
        var flowchart = data.GetProperty("flowcharts")[0];
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("user").GetString(), Is.EqualTo("ks251amy"));
            Assert.That(data.GetProperty("class_name").GetString(), Is.EqualTo("251"));
            Assert.That(solved.GetArrayLength(), Is.EqualTo(2));
            Assert.That(solved[0].GetProperty("problem").GetRawText(),
                Is.EqualTo($$"""{"display_id":"{{easy.DisplayId}}","title":"简单题","contest_id":null,"contest_title":""}"""));
            Assert.That(solved[0].GetProperty("ac_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(solved[0].GetProperty("rank").GetInt32(), Is.EqualTo(2), "the outsider is not in the class's list");
            Assert.That(solved[0].GetProperty("ac_count").GetInt32(), Is.EqualTo(3));
            Assert.That(solved[0].GetProperty("period_rank").GetInt32(), Is.EqualTo(1));
            Assert.That(solved[0].GetProperty("period_ac_count").GetInt32(), Is.EqualTo(2));
            Assert.That(solved[0].GetProperty("grade").GetString(), Is.EqualTo("A"), "first of the window, lowered: fewer than ten took part");
            Assert.That(solved[0].GetProperty("difficulty").GetString(), Is.EqualTo("简单"));
            Assert.That(solved[1].GetProperty("problem").GetProperty("contest_id").GetInt32(), Is.EqualTo(hard.ContestId));
            Assert.That(data.GetProperty("grade").GetString(), Is.EqualTo("A"));
            Assert.That(data.GetProperty("tags").GetRawText(), Is.EqualTo("""{"循环":2,"分支":1}"""));
            Assert.That(data.GetProperty("difficulty").GetRawText(), Is.EqualTo("""{"简单":1,"困难":1,"中等":0}"""));
            Assert.That(data.GetProperty("contest_count").GetInt32(), Is.EqualTo(1));
            Assert.That(data.GetProperty("flowcharts").GetArrayLength(), Is.EqualTo(1));
            Assert.That(flowchart.GetProperty("problem__id").GetString(), Is.EqualTo(easy.DisplayId));
            Assert.That(flowchart.GetProperty("submission_count").GetInt32(), Is.EqualTo(2));
            Assert.That(flowchart.GetProperty("best_score").GetDouble(), Is.EqualTo(90));
            Assert.That(flowchart.GetProperty("best_grade").GetString(), Is.EqualTo("S"));
            Assert.That(flowchart.GetProperty("avg_score").GetDouble(), Is.EqualTo(85));
            Assert.That(flowchart.GetProperty("latest_submission_time").GetString(), Does.EndWith("+00:00"));
        });
    }

    [Test]
    public async Task Nothing_solved_answers_the_empty_detail_and_values_are_cached_under_the_spec_s_key()
    {
        await Client.LoginAsync(student);
        var query = Window(days: 1 / 24.0);
        var first = (await Client.GetAsync("/api/ai/detail?" + query)).Ok();
        await new SubmissionBuilder(student, easy).WithResult(JudgeStatus.Accepted).CreatedAt(now.AddMinutes(-1)).BuildAsync();
        var again = (await Client.GetAsync("/api/ai/detail?" + query)).Ok();

        var start = Uri.UnescapeDataString(query.Split('&')[0][6..]);
        var end = Uri.UnescapeDataString(query.Split('&')[1][4..]);
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.Multiple(async () =>
        {
            Assert.That(first.GetProperty("solved").GetArrayLength(), Is.Zero);
            Assert.That(first.GetProperty("grade").GetString(), Is.EqualTo(""));
            Assert.That(first.GetProperty("difficulty").GetRawText(), Is.EqualTo("{}"));
            Assert.That(first.GetProperty("start").GetString(), Is.EqualTo(start));
            Assert.That(again.GetRawText(), Is.EqualTo(first.GetRawText()), "served from the cache");
            Assert.That(await redis.KeyExistsAsync(Md5($"ai_detail:{student.Id}_251_{start}_{end}")), Is.True);
            Assert.That(await redis.KeyTimeToLiveAsync(Md5($"ai_detail:{student.Id}_251_{start}_{end}")), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(300)));
        });
    }

    [Test]
    public async Task Teachers_may_look_at_a_named_student_students_only_at_themselves()
    {
        var teacherClient = NewClient();
        await teacherClient.LoginAsync(teacher);
        await Client.LoginAsync(student);

        Assert.Multiple(async () =>
        {
            Assert.That((await teacherClient.GetAsync($"/api/ai/detail?{Window()}&username=ks251amy")).Ok().GetProperty("user").GetString(), Is.EqualTo("ks251amy"));
            Assert.That((await Client.GetAsync($"/api/ai/detail?{Window()}&username={teacher.Username}")).Ok().GetProperty("user").GetString(), Is.EqualTo("ks251amy"));
            (await teacherClient.GetAsync($"/api/ai/detail?{Window()}&username=nobody")).AssertError("error", "User not found");
            (await teacherClient.GetAsync("/api/ai/heatmap?username=nobody")).AssertError("error", "User not found");
            (await Client.GetAsync("/api/ai/detail?start=2026-01-01T00:00:00Z")).AssertError("error", "参数 start 和 end 不能为空");
            (await Client.GetAsync("/api/ai/detail?start=x&end=2026-01-01T00:00:00Z")).AssertError("error", "start 格式无效，请使用 ISO 8601 格式");
            (await Client.GetAsync("/api/ai/detail?start=2026-01-01T00:00:00Z&end=y")).AssertError("error", "end 格式无效，请使用 ISO 8601 格式");
            (await NewClient().GetAsync($"/api/ai/detail?{Window()}")).AssertError("permission-denied", "Please login first");
        });
    }

    [Test]
    public async Task Durations_are_laid_out_in_weeks_or_calendar_months_ending_at_end()
    {
        await Client.LoginAsync(student);
        var end = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));
        var endText = end.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

        var weeks = (await Client.GetAsync($"/api/ai/duration?end={Uri.EscapeDataString(endText)}&duration=hours:1")).Ok();
        var months = (await Client.GetAsync($"/api/ai/duration?end={Uri.EscapeDataString(endText)}&duration=months:6")).Ok();

        var last = weeks[3];
        Assert.Multiple(async () =>
        {
            Assert.That(weeks.GetArrayLength(), Is.EqualTo(4));
            Assert.That(last.GetProperty("unit").GetString(), Is.EqualTo("weeks"));
            Assert.That(last.GetProperty("index").GetInt32(), Is.Zero);
            Assert.That(last.GetProperty("end").GetString(), Is.EqualTo(endText));
            Assert.That(last.GetProperty("start").GetString(), Is.EqualTo(end.AddDays(-7).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(last.GetProperty("submission_count").GetInt32(), Is.EqualTo(3));
            Assert.That(last.GetProperty("problem_count").GetInt32(), Is.EqualTo(2));
            Assert.That(last.GetProperty("grade").GetString(), Is.EqualTo("A"), "easy: second in the class's week; hard: alone; both lowered");
            Assert.That(weeks[0].GetRawText(), Does.EndWith("\"problem_count\":0,\"submission_count\":0,\"grade\":\"\"}"));
            Assert.That(weeks[0].GetProperty("index").GetInt32(), Is.EqualTo(3));
            Assert.That(months.GetArrayLength(), Is.EqualTo(6));
            Assert.That(months[5].GetProperty("unit").GetString(), Is.EqualTo("months"));
            Assert.That(months[0].GetProperty("start").GetString(), Is.EqualTo(end.AddMonths(-6).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
            (await Client.GetAsync("/api/ai/duration?duration=months:2")).AssertError("error", "参数 end 和 duration 不能为空");
            (await Client.GetAsync($"/api/ai/duration?end={Uri.EscapeDataString(endText)}&duration=weeks")).AssertError("error",
                "duration 格式无效，请使用 <单位>:<整数>，例如 months:2");
            (await Client.GetAsync("/api/ai/duration?end=soon&duration=weeks:1")).AssertError("error", "end 格式无效，请使用 ISO 8601 格式");
        });
    }

    [Test]
    public async Task The_heatmap_has_365_days_in_shanghai_dates_without_today()
    {
        var today = DateOnly.FromDateTime(now);
        var day = today.AddDays(-3).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var fresh = await new UserBuilder().BuildAsync();
        await new SubmissionBuilder(fresh, easy).CreatedAt(day).BuildAsync();
        await new SubmissionBuilder(fresh, easy).CreatedAt(day.AddHours(8)).BuildAsync();
        await new SubmissionBuilder(fresh, easy).CreatedAt(day.AddHours(9)).BuildAsync();
        await Client.LoginAsync(fresh);

        var data = (await Client.GetAsync("/api/ai/heatmap")).Ok();

        var first = today.AddDays(-365);
        long Midnight(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        var values = data.EnumerateArray().ToDictionary(d => d.GetProperty("timestamp").GetInt64(), d => d.GetProperty("value").GetInt32());
        Assert.Multiple(() =>
        {
            Assert.That(data.GetArrayLength(), Is.EqualTo(365));
            Assert.That(data[0].GetProperty("timestamp").GetInt64(), Is.EqualTo(Midnight(first)));
            Assert.That(data[364].GetProperty("timestamp").GetInt64(), Is.EqualTo(Midnight(today.AddDays(-1))));
            Assert.That(values[Midnight(today.AddDays(-3))], Is.EqualTo(1));
            Assert.That(values[Midnight(today.AddDays(-2))], Is.EqualTo(2), "20:00 and 21:00 UTC are the next day in Shanghai");
        });
    }

#pragma warning disable CA5351 // the spec's cache key names
    private static string Md5(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}

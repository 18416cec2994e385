namespace OnlineJudge.Tests.Flowcharts;

/// <summary>GET /api/admin/flowchart/statistics (flowchart.md §2.1).</summary>
public class FlowchartStatisticsTests : FlowchartTestBase
{
    private static string Window => $"start={Uri.EscapeDataString(DateTime.UtcNow.AddDays(-1).ToString("O"))}&end={Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(1).ToString("O"))}";

    [Test]
    public async Task A_class_s_completed_flowcharts_are_summed_up()
    {
        var alice = await new UserBuilder().WithUsername("ks251alice").InClass("251").BuildAsync();
        var bob = await new UserBuilder().WithUsername("ks251bob").InClass("251").BuildAsync();
        var carol = await new UserBuilder().WithUsername("ks251carol").InClass("251").BuildAsync();
        await new FlowchartSubmissionBuilder(alice, Problem).Graded(90, "S").WithSuggestions("【重点】补充循环结束条件\n检查输入格式")
            .WithCriteria("""{"逻辑正确性": {"score": 36, "max": 40}, "完整性": {"score": 20, "max": 30}}""").BuildAsync();
        await new FlowchartSubmissionBuilder(alice, Problem).Graded(70, "B").WithSuggestions("循环条件写反了")
            .WithCriteria("""{"逻辑正确性": {"score": 30, "max": 40}, "完整性": {"comment": "无分数"}}""").BuildAsync();
        await new FlowchartSubmissionBuilder(bob, Problem).Graded(81, null).WithSuggestions("").BuildAsync();
        await new FlowchartSubmissionBuilder(carol, Problem).Pending().BuildAsync();
        await Client.LoginAsync(Teacher);

        var data = (await Client.GetAsync($"/api/admin/flowchart/statistics?{Window}&username=ks251&problem_id={Problem.DisplayId.ToLowerInvariant()}")).Ok();

        var words = data.GetProperty("word_frequencies").EnumerateArray().ToDictionary(w => w.GetProperty("word").GetString()!, w => w.GetProperty("count").GetInt32());
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total_count").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("avg_score").GetDouble(), Is.EqualTo(80.3));
            Assert.That(data.GetProperty("grade_distribution").GetRawText(), Is.EqualTo("""{"S":1,"B":1,"null":1}"""));
            Assert.That(data.GetProperty("criteria_averages").GetRawText(),
                Is.EqualTo("""{"完整性":{"avg":20,"max":30},"逻辑正确性":{"avg":33.7,"max":40}}"""), "in jsonb's key order, as the reference's database returns it");
            Assert.That(data.GetProperty("person_count").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("completed_count").GetInt32(), Is.EqualTo(2));
            Assert.That(words["循环"], Is.EqualTo(2));
            Assert.That(words.Keys, Does.Not.Contain("【重点】").And.Not.Contain("的"));
            Assert.That(words.Keys.All(w => w.Length >= 2), Is.True);
            Assert.That(data.GetProperty("data_unaccepted").GetRawText(), Is.EqualTo("""[{"username":"ks251carol","real_name":"carol"}]"""));
        });
    }

    [Test]
    public async Task An_empty_window_answers_the_empty_shape_counting_the_roster_but_listing_nobody()
    {
        await new UserBuilder().WithUsername("ks252dan").InClass("252").BuildAsync();
        var eve = await new UserBuilder().WithUsername("ks252eve").InClass("252").BuildAsync();
        await new FlowchartSubmissionBuilder(eve, Problem).Graded(90, "S").CreatedAt(DateTime.UtcNow.AddDays(-3)).BuildAsync();
        await Client.LoginAsync(Teacher);

        var data = (await Client.GetAsync($"/api/admin/flowchart/statistics?{Window}&username=ks252")).Ok();

        // flowchart.md §2.1 and the reference: `data_unaccepted` is [] when the window holds no completed submission.
        Assert.That(data.GetRawText(), Is.EqualTo("""
            {"total_count":0,"avg_score":0,"grade_distribution":{},"criteria_averages":{},"person_count":2,"completed_count":0,"word_frequencies":[],"data_unaccepted":[]}
            """.Trim()));
    }

    [Test]
    public async Task Errors_and_permissions()
    {
        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        await Client.LoginAsync(Teacher);

        Assert.Multiple(async () =>
        {
            (await Client.GetAsync("/api/admin/flowchart/statistics")).AssertError("error", "end is required");
            (await Client.GetAsync("/api/admin/flowchart/statistics?end=yesterday")).AssertError("invalid-end",
                "end: Datetime has wrong format, expected an ISO 8601 date-time");
            (await Client.GetAsync($"/api/admin/flowchart/statistics?{Window}&problem_id=nope")).AssertError("error", "Problem doesn't exist");
            (await student.GetAsync($"/api/admin/flowchart/statistics?{Window}")).AssertError("permission-denied", "Please login first");
            (await NewClient().GetAsync($"/api/admin/flowchart/statistics?{Window}")).AssertError("login-required", "Please login in first");
        });
    }
}

namespace OnlineJudge.Tests.Flowcharts;

/// <summary>Detail, list, graded attempts and current grade (flowchart.md §1.2, §1.3, §1.5, §1.6).</summary>
public class FlowchartReadTests : FlowchartTestBase
{
    [Test]
    public async Task The_detail_has_the_spec_s_fields_for_those_who_may_read_it()
    {
        var submission = await new FlowchartSubmissionBuilder(Student, Problem).BuildAsync();
        var other = NewClient();
        await other.LoginAsync(await new UserBuilder().BuildAsync());
        var admin = NewClient();
        await admin.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        await Client.LoginAsync(Student);

        var detail = (await Client.GetAsync($"/api/flowchart/submission?id={submission.Id}")).Ok();

        Assert.Multiple(async () =>
        {
            Assert.That(detail.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "id", "username", "problem", "mermaid_code", "flowchart_data", "status", "create_time", "ai_score", "ai_grade", "ai_feedback",
                "ai_suggestions", "ai_criteria_details", "ai_provider", "ai_model", "processing_time", "evaluation_time",
            }));
            Assert.That(detail.GetProperty("username").GetString(), Is.EqualTo(Student.Username));
            Assert.That(detail.GetProperty("problem").GetInt32(), Is.EqualTo(Problem.Id));
            Assert.That(detail.GetProperty("flowchart_data").GetProperty("data").GetString(), Is.EqualTo("eJw="));
            (await Client.GetAsync("/api/flowchart/submission")).AssertError("error", "submission_id is required");
            (await Client.GetAsync("/api/flowchart/submission?id=nope")).AssertError("error", "Submission doesn't exist");
            (await other.GetAsync($"/api/flowchart/submission?id={submission.Id}")).AssertError("error", "No permission for this submission");
            (await admin.GetAsync($"/api/flowchart/submission?id={submission.Id}")).Ok();
            (await NewClient().GetAsync($"/api/flowchart/submission?id={submission.Id}")).AssertError("permission-denied", "Please login first");
        });
    }

    [Test]
    public async Task The_problem_s_author_may_read_submissions_to_it()
    {
        var author = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(author).WithFlowchart(true, false, null).BuildAsync();
        var submission = await new FlowchartSubmissionBuilder(Student, problem).BuildAsync();
        await Client.LoginAsync(author);

        (await Client.GetAsync($"/api/flowchart/submission?id={submission.Id}")).Ok();
    }

    [Test]
    public async Task The_list_filters_as_the_spec_orders_them()
    {
        var classmate = await new UserBuilder().WithUsername("ks251alice").BuildAsync();
        var other = await new ProblemBuilder(Teacher).WithDisplayId("Flow-2").WithFlowchart(true, false, null).BuildAsync();
        await new FlowchartSubmissionBuilder(Student, Problem).Graded(95, "S").CreatedAt(DateTime.UtcNow.AddDays(-2)).BuildAsync();
        await new FlowchartSubmissionBuilder(Student, other).Pending().BuildAsync();
        await new FlowchartSubmissionBuilder(classmate, Problem).Graded(60, "C").BuildAsync();
        var teacher = NewClient();
        await teacher.LoginAsync(Teacher);
        await Client.LoginAsync(Student);

        var own = (await Client.GetAsync("/api/flowchart/submissions?limit=10&offset=0")).Ok();
        var byName = (await Client.GetAsync("/api/flowchart/submissions?username=ALICE&limit=10")).Ok();
        var all = (await teacher.GetAsync("/api/flowchart/submissions")).Ok();
        var mine = (await teacher.GetAsync("/api/flowchart/submissions?myself=1&username=alice")).Ok();
        var byProblem = (await teacher.GetAsync("/api/flowchart/submissions?problem_id=flow-2")).Ok();
        var today = (await teacher.GetAsync("/api/flowchart/submissions?today=1")).Ok();
        var graded = (await teacher.GetAsync("/api/flowchart/submissions?grade=S")).Ok();
        var item = own.GetProperty("results")[1];

        Assert.Multiple(async () =>
        {
            Assert.That(own.GetProperty("total").GetInt32(), Is.EqualTo(2), "a regular user sees their own by default");
            Assert.That(own.GetProperty("results")[0].GetProperty("status").GetInt32(), Is.Zero, "newest first, pending rows listed");
            Assert.That(item.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "id", "username", "problem_title", "problem", "status", "create_time", "ai_score", "ai_grade", "ai_provider", "ai_model",
                "processing_time", "evaluation_time",
            }));
            Assert.That(item.GetProperty("problem").GetString(), Is.EqualTo(Problem.DisplayId));
            Assert.That(item.GetProperty("problem_title").GetString(), Is.EqualTo(Problem.Title));
            Assert.That(byName.GetProperty("results")[0].GetProperty("username").GetString(), Is.EqualTo("ks251alice"));
            Assert.That(byName.GetProperty("total").GetInt32(), Is.EqualTo(1), "a username filter applies to regular users too");
            Assert.That(all.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(mine.GetProperty("total").GetInt32(), Is.Zero, "myself wins over username");
            Assert.That(byProblem.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(today.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(graded.GetProperty("total").GetInt32(), Is.EqualTo(1));
            (await teacher.GetAsync("/api/flowchart/submissions?problem_id=missing")).AssertError("error", "Problem doesn't exist");
        });
    }

    [Test]
    public async Task Graded_attempts_are_paged_oldest_first_with_page_zero_the_latest()
    {
        var first = await new FlowchartSubmissionBuilder(Student, Problem).Graded(60, "C").CreatedAt(DateTime.UtcNow.AddHours(-2)).BuildAsync();
        var second = await new FlowchartSubmissionBuilder(Student, Problem).Graded(91, "S").CreatedAt(DateTime.UtcNow.AddHours(-1)).BuildAsync();
        await new FlowchartSubmissionBuilder(Student, Problem).WithStatus(FlowchartSubmissionStatus.Failed).Graded(null, null).BuildAsync();
        var empty = await new ProblemBuilder(Teacher).WithFlowchart(true, false, null).BuildAsync();
        await Client.LoginAsync(Student);

        var latest = (await Client.GetAsync($"/api/flowchart/submission/detail?problem_id={Problem.Id}")).Ok();
        var oldest = (await Client.GetAsync($"/api/flowchart/submission/detail?problem_id={Problem.Id}&page=1")).Ok();

        Assert.Multiple(async () =>
        {
            Assert.That(latest.GetProperty("count").GetInt32(), Is.EqualTo(2), "only completed ones");
            Assert.That(latest.GetProperty("submission").GetProperty("id").GetString(), Is.EqualTo(second.Id));
            Assert.That(oldest.GetProperty("submission").GetProperty("id").GetString(), Is.EqualTo(first.Id));
            Assert.That((await Client.GetAsync($"/api/flowchart/submission/detail?problem_id={empty.Id}&page=5")).Ok().GetRawText(),
                Is.EqualTo("""{"submission":null,"count":0}"""));
            (await Client.GetAsync($"/api/flowchart/submission/detail?problem_id={Problem.Id}&page=3")).AssertError("error", "Page out of range");
            (await Client.GetAsync($"/api/flowchart/submission/detail?problem_id={Problem.Id}&page=-1")).AssertError("error", "Page out of range");
            (await Client.GetAsync($"/api/flowchart/submission/detail?problem_id={Problem.Id}&page=x")).AssertError("error", "page must be an integer");
            (await Client.GetAsync("/api/flowchart/submission/detail")).AssertError("error", "problem_id is required");
            (await Client.GetAsync("/api/flowchart/submission/detail?problem_id=999999")).AssertError("error", "Problem doesn't exist");
        });
    }

    [Test]
    public async Task The_current_grade_is_the_latest_completed_one()
    {
        await new FlowchartSubmissionBuilder(Student, Problem).Graded(60, "C").CreatedAt(DateTime.UtcNow.AddHours(-2)).BuildAsync();
        await new FlowchartSubmissionBuilder(Student, Problem).Graded(91.5, "S").CreatedAt(DateTime.UtcNow.AddHours(-1)).BuildAsync();
        await new FlowchartSubmissionBuilder(Student, Problem).Pending().BuildAsync();
        var empty = await new ProblemBuilder(Teacher).WithFlowchart(true, false, null).BuildAsync();
        await Client.LoginAsync(Student);

        Assert.Multiple(async () =>
        {
            Assert.That((await Client.GetAsync($"/api/flowchart/submission/current?problem_id={Problem.Id}")).Ok().GetRawText(),
                Is.EqualTo("""{"count":2,"score":91.5,"grade":"S"}"""));
            Assert.That((await Client.GetAsync($"/api/flowchart/submission/current?problem_id={empty.Id}")).Ok().GetRawText(),
                Is.EqualTo("""{"count":0,"score":0,"grade":""}"""));
            (await Client.GetAsync("/api/flowchart/submission/current")).AssertError("error", "problem_id is required");
            (await Client.GetAsync("/api/flowchart/submission/current?problem_id=999999")).AssertError("error", "Problem doesn't exist");
        });
    }

    [Test]
    public async Task Today_s_count_of_flowcharts_counts_them()
    {
        await new FlowchartSubmissionBuilder(Student, Problem).BuildAsync();
        await new FlowchartSubmissionBuilder(Student, Problem).CreatedAt(DateTime.UtcNow.AddDays(-3)).BuildAsync();

        Assert.That((await Client.GetAsync("/api/submissions/today_count?language=Flowchart")).Ok().GetInt32(), Is.EqualTo(1));
    }
}

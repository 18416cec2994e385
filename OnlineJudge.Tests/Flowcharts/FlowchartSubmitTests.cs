namespace OnlineJudge.Tests.Flowcharts;

/// <summary>POST /api/flowchart/submission and /retry (flowchart.md §1.1, §1.4): validation map, errors, permissions.</summary>
public class FlowchartSubmitTests : FlowchartTestBase
{
    [Test]
    public async Task A_submission_is_stored_pending_with_its_grading_task()
    {
        Provider.Answer(() => Microsoft.AspNetCore.Http.Results.StatusCode(503));
        await Client.LoginAsync(Student);

        var id = await SubmitAsync(Client, Problem);

        await using var db = TestEnvironment.CreateDbContext();
        var row = await db.FlowchartSubmissions.AsNoTracking().SingleAsync(f => f.Id == id);
        Assert.Multiple(() =>
        {
            Assert.That(id, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(row.UserId, Is.EqualTo(Student.Id));
            Assert.That(row.MermaidCode, Is.EqualTo(Mermaid));
            Assert.That(row.FlowchartData.GetProperty("compressed").GetBoolean(), Is.True);
            Assert.That(row.AiProvider, Is.EqualTo("deepseek"));
        });
    }

    [Test]
    public async Task Validation_errors_answer_the_field_map()
    {
        await Client.LoginAsync(Student);
        (await Client.PostJsonAsync("/api/flowchart/submission", new { })).AssertError("error",
            """{"problem_id":["This field is required."],"mermaid_code":["This field is required."]}""");
        (await Client.PostJsonAsync("/api/flowchart/submission", new { problem_id = "x", mermaid_code = "   " })).AssertError("error",
            """{"problem_id":["A valid integer is required."],"mermaid_code":["Mermaid代码不能为空"]}""");
        var tooManyLines = string.Join('\n', Enumerable.Range(0, 201).Select(i => $"A{i} --> B{i}"));
        (await Client.PostJsonAsync("/api/flowchart/submission", new { problem_id = Problem.Id, mermaid_code = tooManyLines })).AssertError("error",
            """{"mermaid_code":["流程图过于复杂，请简化后提交"]}""");
        (await Client.PostJsonAsync("/api/flowchart/submission", new { problem_id = Problem.Id, mermaid_code = new string('a', 50001) })).AssertError(
            "error", """{"mermaid_code":["Ensure this field has no more than 50000 characters."]}""");
        (await Client.PostJsonAsync("/api/flowchart/submission",
            new { problem_id = Problem.Id, mermaid_code = "A-->B", flowchart_data = new { data = new string('x', 500 * 1024) } })).AssertError(
            "error", """{"flowchart_data":["流程图数据过大"]}""");
    }

    [Test]
    public async Task Unknown_and_closed_problems_and_anonymous_callers_are_refused()
    {
        var closed = await new ProblemBuilder(Teacher).BuildAsync();
        (await Client.PostJsonAsync("/api/flowchart/submission", new { problem_id = Problem.Id, mermaid_code = "A-->B" }))
            .AssertError("permission-denied", "Please login first");

        await Client.LoginAsync(Student);
        (await Client.PostJsonAsync("/api/flowchart/submission", new { problem_id = 987654, mermaid_code = "A-->B" }))
            .AssertError("error", "Problem doesn't exist");
        (await Client.PostJsonAsync("/api/flowchart/submission", new { problem_id = closed.Id, mermaid_code = "A-->B" }))
            .AssertError("error", "This problem does not allow flowchart submission");
        var response = await Client.PostJsonAsync("/api/flowchart/submission", new { problem_id = Problem.Id, mermaid_code = "A-->B" }, csrf: false);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden), "CSRF is required");
    }

    [Test]
    public async Task Retry_checks_the_id_the_permission_and_the_state()
    {
        var other = await new UserBuilder().BuildAsync();
        var mine = await new FlowchartSubmissionBuilder(Student, Problem).BuildAsync();
        var pending = await new FlowchartSubmissionBuilder(Student, Problem).Pending().BuildAsync();
        var theirs = await new FlowchartSubmissionBuilder(other, Problem).BuildAsync();
        await Client.LoginAsync(Student);

        (await Client.PostJsonAsync("/api/flowchart/submission/retry", new { })).AssertError("error", "submission_id is required");
        (await Client.PostJsonAsync("/api/flowchart/submission/retry", new { submission_id = "nope" })).AssertError("error", "Submission doesn't exist");
        (await Client.PostJsonAsync("/api/flowchart/submission/retry", new { submission_id = theirs.Id }))
            .AssertError("error", "No permission for this submission");
        (await Client.PostJsonAsync("/api/flowchart/submission/retry", new { submission_id = pending.Id }))
            .AssertError("error", "Submission is not in a state that allows retry");

        Provider.Answer(() => Microsoft.AspNetCore.Http.Results.StatusCode(503));
        (await Client.PostJsonAsync("/api/flowchart/submission/retry", new { submission_id = mine.Id })).Ok();
        await using var db = TestEnvironment.CreateDbContext();
        var row = await db.FlowchartSubmissions.AsNoTracking().SingleAsync(f => f.Id == mine.Id);
        Assert.Multiple(() =>
        {
            Assert.That(row.AiScore, Is.Null, "every AI field was reset");
            Assert.That(row.AiGrade, Is.Null);
            Assert.That(row.EvaluationTime, Is.Null);
            Assert.That(row.AiCriteriaDetails.GetRawText(), Is.EqualTo("{}"));
        });
    }

    [Test]
    public async Task Teachers_may_retry_anyone_s_submission()
    {
        var theirs = await new FlowchartSubmissionBuilder(Student, Problem).WithStatus(FlowchartSubmissionStatus.Failed).Graded(null, null).BuildAsync();
        Provider.AnswerWith(GoodReply);
        await Client.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());

        (await Client.PostJsonAsync("/api/flowchart/submission/retry", new { submission_id = theirs.Id })).Ok();

        Assert.That((await WaitForSettledAsync(theirs.Id, FlowchartSubmissionStatus.Completed)).AiScore, Is.EqualTo(86));
    }
}

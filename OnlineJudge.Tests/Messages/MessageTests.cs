namespace OnlineJudge.Tests.Messages;

/// <summary>message.md: a super admin's note about a submission, read by its recipient.</summary>
public class MessageTests : IntegrationTest
{
    private sealed record Scene(User Teacher, User Student, Problem Problem, Submission Submission);

    private static async Task<Scene> SceneAsync()
    {
        var teacher = await new UserBuilder().WithUsername("teacher").AsSuperAdmin().BuildAsync();
        var student = await new UserBuilder().WithUsername("student").BuildAsync();
        var problem = await new ProblemBuilder(teacher).WithDisplayId("A100").BuildAsync();
        var submission = await new SubmissionBuilder(student, problem).WithResult(JudgeStatus.WrongAnswer).WithLanguage("C")
            .WithCode("int main(){}").BuildAsync();
        return new Scene(teacher, student, problem, submission);
    }

    private static Task<Message> AddMessageAsync(User sender, User recipient, Submission submission, string text, DateTime createTime) =>
        new MessageBuilder(sender, recipient, submission.Id).WithContent(text).CreatedAt(createTime).BuildAsync();

    [Test]
    public async Task Recipients_list_their_messages_newest_first_with_sender_and_submission()
    {
        var scene = await SceneAsync();
        var other = await new UserBuilder().BuildAsync();
        var now = DateTime.UtcNow;
        await AddMessageAsync(scene.Teacher, scene.Student, scene.Submission, "<p>older</p>", now.AddHours(-2));
        await AddMessageAsync(scene.Teacher, scene.Student, scene.Submission, "<p>newer</p>", now);
        await AddMessageAsync(scene.Teacher, other, scene.Submission, "<p>not yours</p>", now);

        await Client.LoginAsync(scene.Student);
        var data = (await Client.GetAsync("/api/message?limit=10&offset=0")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(2));
        var first = results[0];
        var submission = first.GetProperty("submission");
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.GetProperty("message").GetString()), Is.EqualTo(new[] { "<p>newer</p>", "<p>older</p>" }));
            Assert.That(first.GetProperty("id").GetInt32(), Is.Positive);
            Assert.That(first.GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(first.GetProperty("sender").GetProperty("username").GetString(), Is.EqualTo("teacher"));
            Assert.That(first.GetProperty("sender").GetProperty("id").GetInt32(), Is.EqualTo(scene.Teacher.Id));
            Assert.That(first.GetProperty("sender").GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(first.TryGetProperty("recipient", out _), Is.False);
            Assert.That(submission.GetProperty("id").GetString(), Is.EqualTo(scene.Submission.Id));
            Assert.That(submission.GetProperty("problem").GetString(), Is.EqualTo("A100"));
            Assert.That(submission.GetProperty("result").GetInt32(), Is.EqualTo(JudgeStatus.WrongAnswer));
            Assert.That(submission.GetProperty("code").GetString(), Is.EqualTo("int main(){}"));
            Assert.That(submission.GetProperty("language").GetString(), Is.EqualTo("C"));
            Assert.That(submission.GetProperty("username").GetString(), Is.EqualTo("student"));
            Assert.That(submission.GetProperty("user_id").GetInt32(), Is.EqualTo(scene.Student.Id));
            Assert.That(submission.GetProperty("shared").GetBoolean(), Is.False);
            Assert.That(submission.GetProperty("statistic_info").GetProperty("time_cost").GetInt32(), Is.EqualTo(12));
            Assert.That(submission.TryGetProperty("create_time", out _), Is.True);
            Assert.That(submission.TryGetProperty("info", out _), Is.False);
            Assert.That(submission.TryGetProperty("ip", out _), Is.False);
            Assert.That(submission.TryGetProperty("contest", out _), Is.False);
        });

        var second = (await Client.GetAsync("/api/message?limit=1&offset=1")).Ok();
        Assert.That(second.GetProperty("results")[0].GetProperty("message").GetString(), Is.EqualTo("<p>older</p>"));
    }

    [Test]
    public async Task Listing_needs_login_and_an_enabled_account()
    {
        (await Client.GetAsync("/api/message")).AssertError("permission-denied", "Please login first");
        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().Disabled().BuildAsync());
        (await disabled.GetAsync("/api/message")).AssertError("permission-denied", "Your account is disabled");
    }

    [Test]
    public async Task A_super_admin_sends_a_message_that_is_stored_sanitised()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Teacher);
        var response = await Client.PostJsonAsync("/api/message", new
        {
            recipient = scene.Student.Id, submission = scene.Submission.Id, message = "<p onmouseover=\"x()\">Check line 3</p><script>x()</script>",
        });
        Assert.That(response.Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));

        var student = NewClient();
        await student.LoginAsync(scene.Student);
        var message = (await student.GetAsync("/api/message")).Ok().GetProperty("results")[0];
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("message").GetString(), Is.EqualTo("<p>Check line 3</p>"));
            Assert.That(message.GetProperty("sender").GetProperty("username").GetString(), Is.EqualTo("teacher"));
        });
    }

    [Test]
    public async Task Sending_reports_each_business_error_in_order()
    {
        var scene = await SceneAsync();
        var disabled = await new UserBuilder().Disabled().BuildAsync();
        await Client.LoginAsync(scene.Teacher);

        (await Client.PostJsonAsync("/api/message", new { recipient = scene.Teacher.Id, submission = "nope", message = "m" }))
            .AssertError("error", "Can not send a message to youself");
        (await Client.PostJsonAsync("/api/message", new { recipient = disabled.Id, submission = scene.Submission.Id, message = "m" }))
            .AssertError("error", "User does not exist");
        (await Client.PostJsonAsync("/api/message", new { recipient = 987654, submission = scene.Submission.Id, message = "m" }))
            .AssertError("error", "User does not exist");
        (await Client.PostJsonAsync("/api/message", new { recipient = scene.Student.Id, submission = "ffffffffffffffffffffffffffffffff", message = "m" }))
            .AssertError("error", "Submission does not exist");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Messages.AnyAsync(), Is.False);
    }

    [Test]
    public async Task Sending_validates_the_body()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Teacher);
        (await Client.PostJsonAsync("/api/message", new { submission = scene.Submission.Id, message = "m" }))
            .AssertError("invalid-recipient", "recipient: This field is required.");
        (await Client.PostJsonAsync("/api/message", new { recipient = "x", submission = scene.Submission.Id, message = "m" }))
            .AssertError("invalid-recipient", "recipient: A valid integer is required.");
        (await Client.PostJsonAsync("/api/message", new { recipient = scene.Student.Id, message = "m" }))
            .AssertError("invalid-submission", "submission: This field is required.");
        (await Client.PostJsonAsync("/api/message", new { recipient = scene.Student.Id, submission = scene.Submission.Id, message = " " }))
            .AssertError("invalid-message", "message: This field may not be blank.");
    }

    [Test]
    public async Task Only_super_admins_send_and_the_role_is_checked_first()
    {
        (await Client.PostJsonAsync("/api/message", new { })).AssertError("permission-denied", "Please login first");
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.PostJsonAsync("/api/message", new { })).AssertError("permission-denied", "Please login first");
        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().BuildAsync());
        (await student.PostJsonAsync("/api/message", new { })).AssertError("permission-denied", "Please login first");
        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync());
        (await disabled.PostJsonAsync("/api/message", new { })).AssertError("permission-denied", "Your account is disabled");
    }

    [Test]
    public async Task Sending_needs_the_csrf_token()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Teacher);
        var response = await Client.PostJsonAsync("/api/message", new { recipient = scene.Student.Id, submission = scene.Submission.Id, message = "m" }, csrf: false);
        Assert.That(response.Status, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
    }
}

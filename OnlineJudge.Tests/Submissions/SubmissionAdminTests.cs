using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>submission.md §2: rejudge and the class statistics panel.</summary>
public class SubmissionAdminTests : JudgeTest
{
    [Test]
    public async Task A_rejudge_replaces_the_counted_verdict_instead_of_counting_it_twice()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(teacher).BuildAsync();
        await Client.LoginAsync(student);
        var id = await SubmitAsync(Client, problem);
        Assert.That((await JudgeTestData.WaitForVerdictAsync(id)).Result, Is.EqualTo(JudgeStatus.Accepted));

        Judge.Reply = _ => FakeJudgeServer.Cases((-1, 5, 100));
        var admin = NewClient();
        await admin.LoginAsync(teacher);
        Assert.That((await admin.GetAsync($"/api/admin/submission/rejudge?id={id}")).Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        var rejudged = await JudgeTestData.WaitForVerdictAsync(id);

        await using var db = TestEnvironment.CreateDbContext();
        var stored = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id);
        var profile = await db.UserProfiles.AsNoTracking().SingleAsync(p => p.UserId == student.Id);
        Assert.Multiple(() =>
        {
            Assert.That(rejudged.Result, Is.EqualTo(JudgeStatus.WrongAnswer));
            Assert.That(Judge.Calls, Has.Count.EqualTo(2));
            Assert.That(stored.SubmissionNumber, Is.EqualTo(1));
            Assert.That(stored.AcceptedNumber, Is.Zero);
            Assert.That(stored.StatisticInfo["-1"], Is.EqualTo(1));
            Assert.That(stored.StatisticInfo.GetValueOrDefault("0"), Is.Zero);
            Assert.That(profile.SubmissionNumber, Is.EqualTo(1));
            Assert.That(profile.AcceptedNumber, Is.Zero);
            Assert.That(profile.AcmProblemsStatus.Problems!.Single().Value.Status, Is.EqualTo(JudgeStatus.WrongAnswer));
        });

        // Rejudged back to accepted: the counters return.
        Judge.Reply = _ => FakeJudgeServer.Cases((0, 5, 100));
        (await admin.GetAsync($"/api/admin/submission/rejudge?id={id}")).Ok();
        await JudgeTestData.WaitForVerdictAsync(id);
        await using var again = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That((await again.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id)).AcceptedNumber, Is.EqualTo(1));
            Assert.That((await again.UserProfiles.AsNoTracking().SingleAsync(p => p.UserId == student.Id)).AcceptedNumber, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Rejudge_is_for_teachers_and_practice_submissions()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        var contestSubmission = await new SubmissionBuilder(student, await new ProblemBuilder(teacher).InContest(contest).BuildAsync()).BuildAsync();
        var practice = await new SubmissionBuilder(student, await new ProblemBuilder(teacher).BuildAsync()).BuildAsync();

        var studentAdmin = NewClient();
        await studentAdmin.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await studentAdmin.GetAsync($"/api/admin/submission/rejudge?id={practice.Id}")).AssertError("permission-denied", "Please login first");
        (await NewClient().GetAsync($"/api/admin/submission/rejudge?id={practice.Id}")).AssertError("login-required", "Please login in first");

        await Client.LoginAsync(teacher);
        (await Client.GetAsync("/api/admin/submission/rejudge")).AssertError("error", "Parameter error, id is required");
        (await Client.GetAsync("/api/admin/submission/rejudge?id=unknown")).AssertError("error", "Submission does not exists");
        (await Client.GetAsync($"/api/admin/submission/rejudge?id={contestSubmission.Id}")).AssertError("error", "Submission does not exists");
    }

    [Test]
    public async Task The_statistics_panel_shows_who_solved_what_in_the_window()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var problem = await new ProblemBuilder(teacher).WithDisplayId("S1").BuildAsync();
        var other = await new ProblemBuilder(teacher).WithDisplayId("S2").BuildAsync();
        var ann = await CreateClassUserAsync("ks231ann", "231");
        var ben = await CreateClassUserAsync("ks231ben", "231");
        await CreateClassUserAsync("ks231cat", "231");
        await CreateClassUserAsync("ks231dan", "231");
        var now = DateTime.UtcNow;
        var annWrong = await new SubmissionBuilder(ann, problem).WithResult(JudgeStatus.WrongAnswer).CreatedAt(now.AddMinutes(-20)).BuildAsync();
        var annRight = await new SubmissionBuilder(ann, problem).WithResult(JudgeStatus.Accepted).CreatedAt(now.AddMinutes(-10)).BuildAsync();
        await new SubmissionBuilder(ann, problem).WithResult(JudgeStatus.AstCheckFailed).CreatedAt(now.AddMinutes(-5)).BuildAsync();
        await new SubmissionBuilder(ben, problem).WithResult(JudgeStatus.WrongAnswer).CreatedAt(now.AddMinutes(-5)).BuildAsync();
        await new SubmissionBuilder(ben, other).WithResult(JudgeStatus.Accepted).CreatedAt(now.AddMinutes(-5)).BuildAsync();
        await new SubmissionBuilder(ann, problem).WithResult(JudgeStatus.Accepted).CreatedAt(now.AddDays(-3)).BuildAsync();

        await Client.LoginAsync(teacher);
        var start = Uri.EscapeDataString(now.AddHours(-1).ToString("o"));
        var end = Uri.EscapeDataString(now.ToString("o"));
        var data = (await Client.GetAsync($"/api/admin/submission/statistics?start={start}&end={end}&problem_id=S1&username=ks231")).Ok();

        var solver = data.GetProperty("data")[0];
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("submission_count").GetInt32(), Is.EqualTo(4));
            Assert.That(data.GetProperty("accepted_count").GetInt32(), Is.EqualTo(2));
            Assert.That(data.GetProperty("correct_rate").GetString(), Is.EqualTo("50.0%"));
            Assert.That(data.GetProperty("person_count").GetInt32(), Is.EqualTo(4));
            Assert.That(data.GetProperty("person_rate").GetString(), Is.EqualTo("25.0%"));
            Assert.That(data.GetProperty("data").GetArrayLength(), Is.EqualTo(1));
            Assert.That(solver.GetProperty("username").GetString(), Is.EqualTo("ks231ann"));
            Assert.That(solver.GetProperty("class_name").GetString(), Is.EqualTo("231"));
            Assert.That(solver.GetProperty("submission_count").GetInt32(), Is.EqualTo(3));
            Assert.That(solver.GetProperty("accepted_count").GetInt32(), Is.EqualTo(2));
            Assert.That(solver.GetProperty("correct_rate").GetString(), Is.EqualTo("66.67%"));
            Assert.That(solver.GetProperty("submission_items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Skip(1),
                Is.EqualTo(new[] { annRight.Id, annWrong.Id }));
            Assert.That(data.GetProperty("data_unaccepted").EnumerateArray().Select(u => u.GetProperty("real_name").GetString()),
                Is.EqualTo(new[] { "cat", "dan" }), "ben submitted without solving: in neither list");
        });

        var allTime = (await Client.GetAsync($"/api/admin/submission/statistics?end={end}&problem_id=S1")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(allTime.GetProperty("submission_count").GetInt32(), Is.EqualTo(5));
            Assert.That(allTime.GetProperty("person_count").GetInt32(), Is.Zero);
            Assert.That(allTime.GetProperty("person_rate").GetString(), Is.EqualTo("0%"));
        });

        var empty = (await Client.GetAsync($"/api/admin/submission/statistics?end={Uri.EscapeDataString(now.AddYears(-5).ToString("o"))}")).Ok();
        Assert.That(empty.GetProperty("correct_rate").GetString(), Is.EqualTo("0%"));
    }

    [Test]
    public async Task Statistics_errors_and_permissions()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        await Client.LoginAsync(teacher);
        (await Client.GetAsync("/api/admin/submission/statistics")).AssertError("error", "end is required");
        (await Client.GetAsync("/api/admin/submission/statistics?end=yesterday")).AssertError("invalid-end", "end: Datetime has wrong format, expected an ISO 8601 date-time");
        (await Client.GetAsync("/api/admin/submission/statistics?end=2026-01-01T00:00:00Z&start=x")).AssertError("invalid-start", "start: Datetime has wrong format, expected an ISO 8601 date-time");
        (await Client.GetAsync("/api/admin/submission/statistics?end=2026-01-01T00:00:00Z&problem_id=none")).AssertError("error", "Problem doesn't exist");

        var studentAdmin = NewClient();
        await studentAdmin.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await studentAdmin.GetAsync("/api/admin/submission/statistics?end=2026-01-01T00:00:00Z")).AssertError("permission-denied", "Please login first");
    }

    private static async Task<User> CreateClassUserAsync(string username, string className)
    {
        var user = await new UserBuilder().WithUsername(username).BuildAsync();
        await using var db = TestEnvironment.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ClassName, className));
        return user;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>GET/PUT /api/submission (submission.md §0.2, §1.2, §1.3): who may read and share what.</summary>
public class SubmissionReadTests : IntegrationTest
{
    private sealed record Scene(User Teacher, User Owner, User Other, Problem Problem, Submission Submission);

    private static async Task<Scene> SceneAsync(Func<ProblemBuilder, ProblemBuilder>? configure = null, Contest? contest = null)
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var owner = await new UserBuilder().BuildAsync();
        var other = await new UserBuilder().BuildAsync();
        var builder = new ProblemBuilder(teacher).WithDisplayId("R1");
        if (contest is not null)
        {
            builder = builder.InContest(contest);
        }

        var problem = await (configure?.Invoke(builder) ?? builder).BuildAsync();
        var submission = await new SubmissionBuilder(owner, problem).WithCode("secret code").BuildAsync();
        return new Scene(teacher, owner, other, problem, submission);
    }

    private async Task<ApiResponse> GetAsync(User user, string id)
    {
        var client = NewClient();
        await client.LoginAsync(user);
        return await client.GetAsync($"/api/submission?id={id}");
    }

    [Test]
    public async Task Owners_read_their_submission_in_the_safe_shape()
    {
        var scene = await SceneAsync();
        var data = (await GetAsync(scene.Owner, scene.Submission.Id)).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "id", "problem", "create_time", "user_id", "username", "code", "result", "language", "shared", "statistic_info", "can_unshare",
            }));
            Assert.That(data.GetProperty("problem").GetString(), Is.EqualTo("R1"));
            Assert.That(data.GetProperty("code").GetString(), Is.EqualTo("secret code"));
            Assert.That(data.GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(data.GetProperty("can_unshare").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Admins_read_every_column()
    {
        var scene = await SceneAsync();
        var data = (await GetAsync(scene.Teacher, scene.Submission.Id)).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "id", "contest", "problem", "create_time", "user_id", "username", "code", "result", "info", "language", "shared",
                "statistic_info", "ip", "can_unshare",
            }));
            Assert.That(data.GetProperty("problem").GetInt32(), Is.EqualTo(scene.Problem.Id));
            Assert.That(data.GetProperty("ip").GetString(), Is.EqualTo("127.0.0.1"));
            Assert.That(data.GetProperty("can_unshare").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Other_students_read_only_shared_submissions_or_those_of_sharing_problems()
    {
        var scene = await SceneAsync();
        (await GetAsync(scene.Other, scene.Submission.Id)).AssertError("error", "No permission for this submission");

        var shared = await new SubmissionBuilder(scene.Owner, scene.Problem).Shared().BuildAsync();
        var data = (await GetAsync(scene.Other, shared.Id)).Ok();
        Assert.That(data.GetProperty("can_unshare").GetBoolean(), Is.False);

        var open = await SceneAsync(p => p.WithDisplayId("R2"));
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Problems.Where(p => p.Id == open.Problem.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ShareSubmission, true));
        }

        (await GetAsync(open.Other, open.Submission.Id)).Ok();
    }

    [Test]
    public async Task Problem_authors_read_submissions_of_their_problems()
    {
        var scene = await SceneAsync();
        var author = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(author).WithDisplayId("AU").BuildAsync();
        var submission = await new SubmissionBuilder(scene.Other, problem).BuildAsync();
        var data = (await GetAsync(author, submission.Id)).Ok();
        Assert.That(data.GetProperty("can_unshare").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Shared_submissions_of_a_running_contest_stay_private()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var running = await new ContestBuilder(teacher).BuildAsync();
        var scene = await SceneAsync(contest: running);
        var shared = await new SubmissionBuilder(scene.Owner, scene.Problem).Shared().BuildAsync();
        (await GetAsync(scene.Other, shared.Id)).AssertError("error", "No permission for this submission");

        var ended = await new ContestBuilder(teacher).Ended().BuildAsync();
        var past = await new ProblemBuilder(teacher).InContest(ended).BuildAsync();
        var old = await new SubmissionBuilder(scene.Owner, past).Shared().BuildAsync();
        (await GetAsync(scene.Other, old.Id)).Ok();
    }

    [Test]
    public async Task Reading_needs_login_an_id_and_an_existing_submission()
    {
        var scene = await SceneAsync();
        (await Client.GetAsync($"/api/submission?id={scene.Submission.Id}")).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(scene.Owner);
        (await Client.GetAsync("/api/submission")).AssertError("error", "Parameter id doesn't exist");
        (await Client.GetAsync("/api/submission?id=nope")).AssertError("error", "Submission doesn't exist");
    }

    [Test]
    public async Task Owners_share_and_unshare_their_submissions()
    {
        var scene = await SceneAsync();
        await Client.LoginAsync(scene.Owner);

        var shared = await Client.SendAsync(HttpMethod.Put, "/api/submission",
            System.Net.Http.Json.JsonContent.Create(new { id = scene.Submission.Id, shared = true }));
        Assert.That(shared.Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
        (await GetAsync(scene.Other, scene.Submission.Id)).Ok();

        (await Client.SendAsync(HttpMethod.Put, "/api/submission",
            System.Net.Http.Json.JsonContent.Create(new { id = scene.Submission.Id, shared = false }))).Ok();
        (await GetAsync(scene.Other, scene.Submission.Id)).AssertError("error", "No permission for this submission");
    }

    [Test]
    public async Task Sharing_is_refused_to_others_for_unknown_ids_and_during_a_contest()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var running = await new ContestBuilder(teacher).BuildAsync();
        var scene = await SceneAsync(contest: running);
        var other = NewClient();
        await other.LoginAsync(scene.Other);
        (await other.SendAsync(HttpMethod.Put, "/api/submission", System.Net.Http.Json.JsonContent.Create(new { id = scene.Submission.Id, shared = true })))
            .AssertError("error", "No permission to share the submission");
        (await other.SendAsync(HttpMethod.Put, "/api/submission", System.Net.Http.Json.JsonContent.Create(new { id = "unknown", shared = true })))
            .AssertError("error", "Submission doesn't exist");
        (await other.SendAsync(HttpMethod.Put, "/api/submission", System.Net.Http.Json.JsonContent.Create(new { id = "unknown" })))
            .AssertError("invalid-shared", "shared: This field is required.");

        await Client.LoginAsync(scene.Owner);
        (await Client.SendAsync(HttpMethod.Put, "/api/submission", System.Net.Http.Json.JsonContent.Create(new { id = scene.Submission.Id, shared = true })))
            .AssertError("error", "Can not share submission now");
    }

    [Test]
    public async Task Submission_exists_tells_whether_the_caller_submitted()
    {
        var scene = await SceneAsync();
        (await Client.GetAsync("/api/submission_exists")).AssertError("error", "Parameter error, problem_id is required");
        Assert.That((await Client.GetAsync($"/api/submission_exists?problem_id={scene.Problem.Id}")).Ok().GetBoolean(), Is.False);
        await Client.LoginAsync(scene.Owner);
        Assert.That((await Client.GetAsync($"/api/submission_exists?problem_id={scene.Problem.Id}")).Ok().GetBoolean(), Is.True);
        (await Client.GetAsync("/api/submission_exists?problem_id=x")).AssertError("invalid-problem_id", "problem_id: A valid integer is required.");
    }
}

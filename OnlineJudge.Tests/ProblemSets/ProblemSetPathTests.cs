using System.Net.Http.Json;

namespace OnlineJudge.Tests.ProblemSets;

/// <summary>problemset.md §3: URL shapes that exist but cannot serve, and methods no URL of the family supports.</summary>
public class ProblemSetPathTests : IntegrationTest
{
    [Test]
    public async Task Student_path_variants_answer_an_error_after_their_checks()
    {
        (await Client.GetAsync("/api/problemset/1/problems/2")).AssertError("error", "This URL does not serve this request; use GET /api/problemset/{id}/problems");
        (await Client.GetAsync("/api/problemset/progress")).AssertError("permission-denied", "Please login first");
        (await Client.PostJsonAsync("/api/problemset/1/progress", new { problemset_id = 1 })).AssertError("permission-denied", "Please login first");

        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.GetAsync("/api/problemset/progress")).AssertError("error", "This URL does not serve this request; use GET /api/problemset/{id}/progress");
        (await Client.PostJsonAsync("/api/problemset/1/progress", new { })).AssertError("invalid-problemset_id", "problemset_id: This field is required.");
        (await Client.PostJsonAsync("/api/problemset/1/progress", new { problemset_id = 1 }))
            .AssertError("error", "This URL does not serve this request; use POST /api/problemset/progress");
        (await Client.SendAsync(HttpMethod.Put, "/api/problemset/1/progress", JsonContent.Create(new { problemset_id = 1, problem_id = 1, submission_id = "x" })))
            .AssertError("error", "This URL does not serve this request; use PUT /api/problemset/progress");
    }

    [Test]
    public async Task Admin_path_variants_answer_an_error_after_the_role_and_the_body()
    {
        await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        const string set = "/api/admin/problemset/1";
        const string use = "This URL does not serve this request; use ";
        (await Client.GetAsync(set + "/problems/2")).AssertError("error", use + "GET /api/admin/problemset/{id}/problems");
        (await Client.PostJsonAsync(set + "/problems/2", new { })).AssertError("invalid-problem_id", "problem_id: This field is required.");
        (await Client.PostJsonAsync(set + "/problems/2", new { problem_id = "A" })).AssertError("error", use + "POST /api/admin/problemset/{id}/problems");
        (await Client.SendAsync(HttpMethod.Put, set + "/problems", JsonContent.Create(new { score = 1 })))
            .AssertError("error", use + "PUT /api/admin/problemset/{id}/problems/{psp_id}");
        (await Client.SendAsync(HttpMethod.Delete, set + "/problems", null)).AssertError("error", use + "DELETE /api/admin/problemset/{id}/problems/{psp_id}");
        (await Client.GetAsync(set + "/badges/2")).AssertError("error", use + "GET /api/admin/problemset/{id}/badges");
        (await Client.PostJsonAsync(set + "/badges/2", new { name = "n" })).AssertError("invalid-description", "description: This field is required.");
        (await Client.SendAsync(HttpMethod.Put, set + "/badges", JsonContent.Create(new { name = "n" })))
            .AssertError("error", use + "PUT /api/admin/problemset/{id}/badges/{badge_id}");
        (await Client.SendAsync(HttpMethod.Delete, set + "/badges", null)).AssertError("error", use + "DELETE /api/admin/problemset/{id}/badges/{badge_id}");
        (await Client.GetAsync(set + "/progress/2")).AssertError("error", use + "GET /api/admin/problemset/{id}/progress");
        (await Client.SendAsync(HttpMethod.Delete, set + "/progress", null)).AssertError("error", use + "DELETE /api/admin/problemset/{id}/progress/{user_id}");

        var studentAdmin = NewClient();
        await studentAdmin.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await studentAdmin.GetAsync(set + "/problems/2")).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Other_methods_are_not_allowed()
    {
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        var requests = new (HttpMethod Method, string Url)[]
        {
            (HttpMethod.Post, "/api/problemset"), (HttpMethod.Delete, "/api/problemset/1"), (HttpMethod.Post, "/api/problemset/1/problems"),
            (HttpMethod.Delete, "/api/problemset/progress"), (HttpMethod.Post, "/api/user/badges"), (HttpMethod.Put, "/api/user/progress"),
            (HttpMethod.Post, "/api/problemset/1/users_progress"), (HttpMethod.Patch, "/api/admin/problemset"), (HttpMethod.Get, "/api/admin/problemset/visible"),
            (HttpMethod.Post, "/api/admin/problemset/status"), (HttpMethod.Put, "/api/admin/problemset/1"), (HttpMethod.Get, "/api/admin/problemset/1/sync"),
            (HttpMethod.Post, "/api/admin/problemset/1/progress"),
        };
        foreach (var (method, url) in requests)
        {
            var response = await Client.SendAsync(method, url, JsonContent.Create(new { }));
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed), $"{method} {url}");
        }
    }
}

using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tests.Conf;

/// <summary>
/// Legacy <c>GET /api/admin/versions</c>: the upstream release list is the test host's fake upstream (configured at start,
/// one-second timeout, local version 2026-07-01); tests never reach the internet.
/// </summary>
public class VersionsTests : IntegrationTest
{
    private static FakeUpstream Upstream => TestEnvironment.Upstream!;

    [Test]
    public async Task An_unreachable_upstream_answers_null()
    {
        Upstream.Answer(context =>
        {
            context.Abort();
            return Task.FromResult(Results.Empty);
        });
        await Client.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        var data = (await Client.GetAsync("/api/admin/versions")).Ok();
        Assert.That(data.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task An_upstream_release_list_is_returned_with_the_local_version()
    {
        Upstream.Answer(() => Results.Text("""{"update": [{"version": "2026-08-01", "level": 1, "title": "Update"}]}""", "application/json"));
        await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        var data = (await Client.GetAsync("/api/admin/versions")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("update")[0].GetProperty("version").GetString(), Is.EqualTo("2026-08-01"));
            Assert.That(data.GetProperty("local_version").GetString(), Is.EqualTo("2026-07-01"));
            Assert.That(Upstream.Requests.Single().Path, Is.EqualTo("/data.json"));
        });
    }

    [Test]
    public async Task A_slow_or_malformed_upstream_answers_null()
    {
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        Upstream.Answer(() => Results.Text("<html>not json</html>", "text/html"));
        Assert.That((await Client.GetAsync("/api/admin/versions")).Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));

        Upstream.Answer(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            return Results.Text("{}", "application/json");
        });
        var started = DateTime.UtcNow;
        Assert.That((await Client.GetAsync("/api/admin/versions")).Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public async Task Non_admins_are_stopped_by_the_admin_gate()
    {
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.GetAsync("/api/admin/versions")).AssertError("login-required", "Please login in first");
    }
}

namespace OnlineJudge.Tests.Conf;

/// <summary>conf.md §11: the admin home counters.</summary>
public class DashboardTests : IntegrationTest
{
    [Test]
    public async Task Any_admin_role_gets_the_counters()
    {
        var admin = await new UserBuilder().AsStudentAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        await new UserBuilder().Disabled().BuildAsync();
        var now = DateTime.UtcNow;
        await new ContestBuilder(admin).BuildAsync();
        await new ContestBuilder(admin).NotStarted().Hidden().BuildAsync();
        await new ContestBuilder(admin).Ended().BuildAsync();
        var problem = await new ProblemBuilder(admin).BuildAsync();
        await new SubmissionBuilder(student, problem).BuildAsync();
        await new SubmissionBuilder(student, problem).CreatedAt(now.Date.AddMinutes(1)).BuildAsync();
        await new SubmissionBuilder(student, problem).CreatedAt(now.Date.AddSeconds(-1)).BuildAsync();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            db.JudgeServers.Add(Server("alive", now));
            db.JudgeServers.Add(Server("dead", now.AddMinutes(-1)));
            await db.SaveChangesAsync();
        }

        await Client.LoginAsync(admin);
        var data = (await Client.GetAsync("/api/admin/dashboard_info")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("user_count").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("recent_contest_count").GetInt32(), Is.EqualTo(2));
            Assert.That(data.GetProperty("today_submission_count").GetInt32(), Is.EqualTo(2));
            Assert.That(data.GetProperty("judge_server_count").GetInt32(), Is.EqualTo(1));
            var env = data.GetProperty("env");
            var forceHttps = Environment.GetEnvironmentVariable("FORCE_HTTPS");
            if (forceHttps is null)
            {
                Assert.That(env.GetProperty("FORCE_HTTPS").GetBoolean(), Is.False);
            }
            else
            {
                Assert.That(env.GetProperty("FORCE_HTTPS").GetString(), Is.EqualTo(forceHttps));
            }

            Assert.That(env.GetProperty("STATIC_CDN_HOST").GetString(), Is.EqualTo(Environment.GetEnvironmentVariable("STATIC_CDN_HOST") ?? ""));
        });
    }

    [Test]
    public async Task Non_admins_are_stopped_by_the_admin_gate()
    {
        (await Client.GetAsync("/api/admin/dashboard_info")).AssertError("login-required", "Please login in first");
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.GetAsync("/api/admin/dashboard_info")).AssertError("login-required", "Please login in first");
    }

    private static JudgeServer Server(string hostname, DateTime lastHeartbeat) => new()
    {
        Hostname = hostname,
        Ip = "10.0.0.1",
        JudgerVersion = "2.0",
        CpuCore = 4,
        LastHeartbeat = lastHeartbeat,
        CreateTime = lastHeartbeat,
        ServiceUrl = "http://judge:8080",
    };
}

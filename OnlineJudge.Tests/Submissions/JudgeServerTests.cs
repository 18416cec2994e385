using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>conf.md §5–8, judge.md §9: heartbeats and the judge-server administration.</summary>
public class JudgeServerTests : IntegrationTest
{
    private static object Beat(string hostname = "judge-1", string serviceUrl = "http://judge:8080", double cpu = 12.5) => new
    {
        hostname, judger_version = "2.1.1", cpu_core = 4, memory = 33.3, cpu, action = "heartbeat", service_url = serviceUrl,
    };

    private Task<ApiResponse> HeartbeatAsync(object body, string? token = null, string path = "/api/judge_server_heartbeat/", string? realIp = null) =>
        Client.SendAsync(HttpMethod.Post, path, JsonContent.Create(body), csrf: false, configure: request =>
        {
            request.Headers.Add("X-JUDGE-SERVER-TOKEN", token ?? FakeJudgeServer.TokenHash);
            if (realIp is not null)
            {
                request.Headers.Add("X-Real-IP", realIp);
            }
        });

    [Test]
    public async Task A_heartbeat_registers_then_updates_its_server()
    {
        Assert.That((await HeartbeatAsync(Beat())).Ok().ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        (await HeartbeatAsync(Beat(serviceUrl: "http://judge:9090", cpu: 80), path: "/api/judge_server_heartbeat", realIp: "10.9.8.7")).Ok();

        await using var db = TestEnvironment.CreateDbContext();
        var server = await db.JudgeServers.AsNoTracking().SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(server.Hostname, Is.EqualTo("judge-1"));
            Assert.That(server.JudgerVersion, Is.EqualTo("2.1.1"));
            Assert.That(server.CpuCore, Is.EqualTo(4));
            Assert.That(server.MemoryUsage, Is.EqualTo(33.3));
            Assert.That(server.CpuUsage, Is.EqualTo(80), "we keep cpu_usage current (the reference only stored the first)");
            Assert.That(server.ServiceUrl, Is.EqualTo("http://judge:9090"));
            Assert.That(server.Ip, Is.EqualTo("10.9.8.7"));
            Assert.That(server.TaskNumber, Is.Zero);
            Assert.That(server.IsDisabled, Is.False);
            Assert.That(server.LastHeartbeat, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromSeconds(10)));
        });
    }

    [Test]
    public async Task Heartbeats_are_validated_before_the_token_is_checked()
    {
        (await HeartbeatAsync(new { hostname = "h" }, token: "bad")).AssertError("invalid-judger_version", "judger_version: This field is required.");
        (await HeartbeatAsync(new
        {
            hostname = "h", judger_version = "1", cpu_core = 0, memory = 1, cpu = 1, action = "heartbeat", service_url = "u",
        })).AssertError("invalid-cpu_core", "cpu_core: Ensure this value is greater than or equal to 1.");
        (await HeartbeatAsync(new
        {
            hostname = "h", judger_version = "1", cpu_core = 1, memory = 101, cpu = 1, action = "heartbeat", service_url = "u",
        })).AssertError("invalid-memory", "memory: Ensure this value is less than or equal to 100.");
        (await HeartbeatAsync(new
        {
            hostname = "h", judger_version = "1", cpu_core = 1, memory = 1, cpu = 1, action = "ping", service_url = "u",
        })).AssertError("invalid-action", "action: \"ping\" is not a valid choice.");
        (await HeartbeatAsync(Beat(), token: "bad")).AssertError("error", "Invalid token");
        (await HeartbeatAsync(Beat(), token: FakeJudgeServer.TokenHash.ToUpperInvariant())).AssertError("error", "Invalid token");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.JudgeServers.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Super_admins_list_servers_with_their_status_and_the_token()
    {
        (await HeartbeatAsync(Beat("alive"))).Ok();
        await JudgeTestData.RegisterServerAsync("http://old:8080", hostname: "gone");
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.JudgeServers.Where(s => s.Hostname == "gone").ExecuteUpdateAsync(u => u.SetProperty(s => s.LastHeartbeat, DateTime.UtcNow.AddMinutes(-1)));
        }

        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        var data = (await Client.GetAsync("/api/admin/judge_server")).Ok();
        var servers = data.GetProperty("servers").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("token").GetString(), Is.EqualTo(OnlineJudgeWebFactory.JudgeToken));
            Assert.That(servers.Select(s => s.GetProperty("hostname").GetString()), Is.EqualTo(new[] { "alive", "gone" }));
            Assert.That(servers.Select(s => s.GetProperty("status").GetString()), Is.EqualTo(new[] { "normal", "abnormal" }));
            Assert.That(servers[0].EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "id", "status", "hostname", "ip", "judger_version", "cpu_core", "memory_usage", "cpu_usage", "last_heartbeat", "create_time",
                "task_number", "service_url", "is_disabled",
            }));
        });
    }

    [Test]
    public async Task Super_admins_disable_enable_and_delete_servers()
    {
        (await HeartbeatAsync(Beat("one"))).Ok();
        (await HeartbeatAsync(Beat("two"))).Ok();
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        int id;
        await using (var db = TestEnvironment.CreateDbContext())
        {
            id = (await db.JudgeServers.AsNoTracking().SingleAsync(s => s.Hostname == "one")).Id;
        }

        (await Client.SendAsync(HttpMethod.Put, "/api/admin/judge_server", JsonContent.Create(new { id, is_disabled = true }))).Ok();
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/judge_server", JsonContent.Create(new { id = 999999, is_disabled = true }))).Ok();
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/judge_server", JsonContent.Create(new { id }))).AssertError("invalid-is_disabled",
            "is_disabled: This field is required.");
        await using (var db = TestEnvironment.CreateDbContext())
        {
            Assert.That((await db.JudgeServers.AsNoTracking().SingleAsync(s => s.Id == id)).IsDisabled, Is.True);
        }

        (await Client.SendAsync(HttpMethod.Delete, "/api/admin/judge_server?hostname=two", null)).Ok();
        (await Client.SendAsync(HttpMethod.Delete, "/api/admin/judge_server", null)).Ok();
        await using var check = TestEnvironment.CreateDbContext();
        Assert.That(await check.JudgeServers.Select(s => s.Hostname).ToListAsync(), Is.EqualTo(new[] { "one" }));
    }

    [Test]
    public async Task Only_super_admins_manage_judge_servers()
    {
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.GetAsync("/api/admin/judge_server")).AssertError("permission-denied", "Please login first");
        (await teacher.SendAsync(HttpMethod.Delete, "/api/admin/judge_server?hostname=x", null)).AssertError("permission-denied", "Please login first");
        (await teacher.SendAsync(HttpMethod.Put, "/api/admin/judge_server", JsonContent.Create(new { id = 1 })))
            .AssertError("invalid-is_disabled", "is_disabled: This field is required.");
        (await teacher.SendAsync(HttpMethod.Put, "/api/admin/judge_server", JsonContent.Create(new { id = 1, is_disabled = false })))
            .AssertError("permission-denied", "Please login first");
        (await NewClient().GetAsync("/api/admin/judge_server")).AssertError("login-required", "Please login in first");
    }
}

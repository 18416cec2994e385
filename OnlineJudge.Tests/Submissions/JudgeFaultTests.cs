using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Judge;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>Nothing accepted is lost: judge servers down or failing, dispatchers dying, Redis flushed (issue: submissions and judging).</summary>
public class JudgeFaultTests : IntegrationTest
{
    private static async Task<(User Student, Problem Problem)> SceneAsync()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        return (student, await new ProblemBuilder(admin).BuildAsync());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Test]
    public async Task A_submission_waits_while_its_judge_server_is_down_and_is_judged_when_it_comes_back()
    {
        var (student, problem) = await SceneAsync();
        var port = FreePort();
        await JudgeTestData.RegisterServerAsync($"http://127.0.0.1:{port}");
        var id = await JudgeTestData.QueueSubmissionAsync(student, problem);
        await JudgeTestData.WakeAsync();

        await Task.Delay(1500);
        await using (var db = TestEnvironment.CreateDbContext())
        {
            var waiting = await db.JudgeTasks.AsNoTracking().SingleAsync(t => t.SubmissionId == id);
            var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
            Assert.Multiple(() =>
            {
                // Not judged and not failed: each retry marks it JUDGING while it tries to connect, PENDING again after.
                Assert.That(submission.Result, Is.AnyOf(JudgeStatus.Pending, JudgeStatus.Judging));
                Assert.That(waiting.Attempts, Is.Zero, "refused connections do not use up attempts");
            });
        }

        await using var judge = await FakeJudgeServer.StartAsync(port);
        var judged = await JudgeTestData.WaitForVerdictAsync(id);
        Assert.That(judged.Result, Is.EqualTo(JudgeStatus.Accepted));
    }

    [Test]
    public async Task A_judge_server_that_keeps_failing_ends_in_a_system_error_that_says_why()
    {
        var (student, problem) = await SceneAsync();
        await using var judge = await FakeJudgeServer.StartAsync();
        judge.Reply = _ => throw new InvalidOperationException("judge crashed");
        await JudgeTestData.RegisterServerAsync(judge.ServiceUrl);

        var id = await JudgeTestData.QueueSubmissionAsync(student, problem);
        await JudgeTestData.WakeAsync();
        var submission = await JudgeTestData.WaitForVerdictAsync(id, TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.SystemError));
            Assert.That(submission.StatisticInfo.ErrInfo, Does.StartWith("Judge server failed 3 times: HTTP 500"));
            Assert.That(judge.Calls, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task A_lease_left_by_a_dead_dispatcher_is_taken_back_and_judged()
    {
        var (student, problem) = await SceneAsync();
        await using var judge = await FakeJudgeServer.StartAsync();
        var server = await JudgeTestData.RegisterServerAsync(judge.ServiceUrl);
        var id = await JudgeTestData.QueueSubmissionAsync(student, problem);
        await using (var db = TestEnvironment.CreateDbContext())
        {
            // As a web process killed mid-dispatch leaves it: leased to a server, marked judging, lease lapsed.
            await db.JudgeTasks.Where(t => t.SubmissionId == id).ExecuteUpdateAsync(u => u
                .SetProperty(t => t.LeaseId, Guid.NewGuid()).SetProperty(t => t.JudgeServerId, server.Id)
                .SetProperty(t => t.LeaseExpiresAt, DateTime.UtcNow.AddSeconds(-1)).SetProperty(t => t.Attempts, 1));
            await db.JudgeServers.Where(s => s.Id == server.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.TaskNumber, 1));
            await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Result, JudgeStatus.Judging));
        }

        var submission = await JudgeTestData.WaitForVerdictAsync(id);

        await using var check = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(submission.Result, Is.EqualTo(JudgeStatus.Accepted));
            Assert.That((await check.JudgeServers.AsNoTracking().SingleAsync()).TaskNumber, Is.Zero, "the lapsed lease's slot was given back");
        });
    }

    [Test]
    public async Task Flushing_redis_loses_no_submission()
    {
        var (student, problem) = await SceneAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await JudgeTestData.QueueSubmissionAsync(student, problem));
        }

        await TestEnvironment.FlushRedisAsync();
        await using var judge = await FakeJudgeServer.StartAsync();
        await JudgeTestData.RegisterServerAsync(judge.ServiceUrl);

        foreach (var id in ids)
        {
            Assert.That((await JudgeTestData.WaitForVerdictAsync(id)).Result, Is.EqualTo(JudgeStatus.Accepted));
        }
    }

    [Test]
    public async Task A_verdict_for_a_lease_that_is_no_longer_current_changes_nothing()
    {
        var (student, problem) = await SceneAsync();
        var id = await JudgeTestData.QueueSubmissionAsync(student, problem);
        await using var scope = CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<JudgeQueueRepository>();
        var stale = new JudgeLease(id, Guid.NewGuid(), 1, null, null, null);

        var completed = await queue.CompleteAsync(stale, CancellationToken.None);

        await using var db = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(completed, Is.False);
            Assert.That(await db.JudgeTasks.CountAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Two_web_instances_dispatching_at_once_never_exceed_a_server_s_capacity()
    {
        var (student, problem) = await SceneAsync();
        await using var judge = await FakeJudgeServer.StartAsync();
        judge.Delay = TimeSpan.FromMilliseconds(150);
        var server = await JudgeTestData.RegisterServerAsync(judge.ServiceUrl, cpuCore: 1);
        await JudgeTestData.SetServerDisabledAsync(server.Id, true);
        for (var i = 0; i < 30; i++)
        {
            await JudgeTestData.QueueSubmissionAsync(student, problem);
        }

        await using var second = new OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString);
        _ = second.Services;
        await JudgeTestData.SetServerDisabledAsync(server.Id, false);
        await JudgeTestData.WakeAsync();
        await JudgeTestData.WaitForEmptyQueueAsync(TimeSpan.FromSeconds(60));

        await using var db = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(judge.MaxConcurrent, Is.EqualTo(3), "capacity is task_number <= 2 x cpu_core before a claim: 3 at once");
            Assert.That(judge.Calls, Has.Count.EqualTo(30));
            Assert.That(await db.Submissions.CountAsync(s => s.Result == JudgeStatus.Accepted), Is.EqualTo(30));
            Assert.That((await db.JudgeServers.AsNoTracking().SingleAsync()).TaskNumber, Is.Zero);
        });
    }

    [Test]
    public async Task A_judge_run_interrupted_by_shutdown_hands_its_task_back_at_once()
    {
        var (student, problem) = await SceneAsync();
        await using var judge = await FakeJudgeServer.StartAsync();
        judge.Delay = TimeSpan.FromSeconds(10);
        // An old heartbeat keeps the running dispatchers away from this server; the test claims for a moment in the past.
        var server = await JudgeTestData.RegisterServerAsync(judge.ServiceUrl);
        var then = DateTime.UtcNow.AddHours(-2);
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.JudgeServers.Where(s => s.Id == server.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastHeartbeat, then));
        }

        var id = await JudgeTestData.QueueSubmissionAsync(student, problem, createTime: then.AddMinutes(-1));
        await using var scope = CreateScope();
        var lease = await scope.ServiceProvider.GetRequiredService<JudgeQueueRepository>()
            .ClaimForServerAsync(Guid.NewGuid(), then, TimeSpan.FromHours(3), CancellationToken.None);
        Assert.That(lease, Is.Not.Null);

        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        Assert.CatchAsync<OperationCanceledException>(() =>
            scope.ServiceProvider.GetRequiredService<OnlineJudge.Services.Judge.JudgeRunner>().RunAsync(lease!, shutdown.Token));

        await using var check = TestEnvironment.CreateDbContext();
        var task = await check.JudgeTasks.AsNoTracking().SingleAsync(t => t.SubmissionId == id);
        Assert.Multiple(async () =>
        {
            Assert.That(judge.Calls, Has.Count.EqualTo(1), "the judge server had the request");
            Assert.That(task.LeaseId, Is.Null, "handed back, not left to lapse");
            Assert.That(task.Attempts, Is.Zero, "an interrupted attempt is not counted");
            Assert.That((await check.Submissions.AsNoTracking().SingleAsync(s => s.Id == id)).Result, Is.EqualTo(JudgeStatus.Pending));
            Assert.That((await check.JudgeServers.AsNoTracking().SingleAsync()).TaskNumber, Is.Zero);
        });
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>Judge servers and waits for verdicts, for tests that go through the judge.</summary>
public static class JudgeTestData
{
    /// <summary>
    /// Registers a judge server row pointing at <paramref name="serviceUrl"/>, with a heartbeat far in the future so that
    /// it stays "normal" for the whole test (heartbeats themselves are tested through their endpoint).
    /// </summary>
    public static async Task<JudgeServer> RegisterServerAsync(string serviceUrl, int cpuCore = 1, string? hostname = null)
    {
        var server = new JudgeServer
        {
            Hostname = hostname ?? "judge-" + Guid.NewGuid().ToString("N")[..8],
            Ip = "127.0.0.1",
            JudgerVersion = "2.1.1",
            CpuCore = cpuCore,
            MemoryUsage = 10,
            CpuUsage = 5,
            LastHeartbeat = DateTime.UtcNow.AddHours(1),
            CreateTime = DateTime.UtcNow,
            ServiceUrl = serviceUrl,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.JudgeServers.Add(server);
        await db.SaveChangesAsync();
        return server;
    }

    public static async Task SetServerDisabledAsync(int serverId, bool disabled)
    {
        await using var db = TestEnvironment.CreateDbContext();
        await db.JudgeServers.Where(s => s.Id == serverId).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsDisabled, disabled));
    }

    /// <summary>Wakes the dispatchers (tests that queue tasks directly, as submit would).</summary>
    public static Task WakeAsync() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OnlineJudge.Services.Judge.JudgeWakeups>(TestEnvironment.Factory.Services).WakeAllAsync(CancellationToken.None);

    public static async Task SetServerCoresAsync(int serverId, int cores)
    {
        await using var db = TestEnvironment.CreateDbContext();
        await db.JudgeServers.Where(s => s.Id == serverId).ExecuteUpdateAsync(u => u.SetProperty(s => s.CpuCore, cores));
    }

    /// <summary>Stores a submission with its judge task as submit does (no rate limit, no checks); returns its id.</summary>
    public static async Task<string> QueueSubmissionAsync(User user, Problem problem, int? contestId = null, string language = "C",
        string code = "int main() { return 0; }", DateTime? createTime = null)
    {
        var now = createTime ?? DateTime.UtcNow;
        var submission = new Submission
        {
            Id = OnlineJudge.Services.Common.RandomStrings.LowerHex(32), ContestId = contestId, ProblemId = problem.Id, CreateTime = now,
            UserId = user.Id, Username = user.Username, Code = code, Language = language, Result = JudgeStatus.Pending, Ip = "127.0.0.1",
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Submissions.Add(submission);
        db.JudgeTasks.Add(new JudgeTask
        {
            SubmissionId = submission.Id, Priority = contestId is null ? JudgePriority.Practice : JudgePriority.Contest, EnqueuedAt = now,
            NotBefore = now, InProcess = language == "SQL",
        });
        await db.SaveChangesAsync();
        return submission.Id;
    }

    /// <summary>Polls the database until the submission leaves PENDING/JUDGING (and its task is gone), or fails after the timeout.</summary>
    public static Task<Submission> WaitForVerdictAsync(string submissionId, TimeSpan? timeout = null) =>
        Polling.UntilAsync(async db =>
        {
            var submission = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == submissionId);
            var queued = await db.JudgeTasks.AnyAsync(t => t.SubmissionId == submissionId);
            return !queued && submission.Result is not (JudgeStatus.Pending or JudgeStatus.Judging) ? submission : null;
        }, timeout ?? TimeSpan.FromSeconds(15), () => $"Submission {submissionId} got no verdict within the timeout");

    /// <summary>Waits until no judge task is left.</summary>
    public static Task WaitForEmptyQueueAsync(TimeSpan? timeout = null) =>
        Polling.UntilAsync(async db => !await db.JudgeTasks.AnyAsync(), timeout ?? TimeSpan.FromSeconds(30),
            "The judge queue did not drain within the timeout");

    public static string SubmissionIdOf(JsonElement data) => data.GetProperty("submission_id").GetString()!;
}

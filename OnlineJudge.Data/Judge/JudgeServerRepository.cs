using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Data.Judge;

/// <summary>A judge server as the admin list shows it (conf.md §6), with <c>status</c> derived from its last heartbeat.</summary>
public sealed record JudgeServerDto(
    int Id,
    string Status,
    string Hostname,
    string? Ip,
    string JudgerVersion,
    int CpuCore,
    double MemoryUsage,
    double CpuUsage,
    DateTime LastHeartbeat,
    DateTime CreateTime,
    int TaskNumber,
    string? ServiceUrl,
    bool IsDisabled);

/// <summary>One heartbeat (conf.md §5).</summary>
public sealed record HeartbeatDto(string Hostname, string JudgerVersion, int CpuCore, double Memory, double Cpu, string ServiceUrl,
    string? Ip, string? PeerIp, DateTime Now);

/// <summary>The <c>judge_server</c> table: registration by heartbeat and the admin operations.</summary>
public class JudgeServerRepository(OnlineJudgeDbContext db)
{
    /// <summary>
    /// Updates the row of this hostname, or inserts one. Returns false when several rows share the hostname (the
    /// reference fails then; the caller answers an error).
    /// </summary>
    public async Task<bool> RecordHeartbeatAsync(HeartbeatDto beat, CancellationToken cancellationToken)
    {
        var updated = await db.JudgeServers.Where(s => s.Hostname == beat.Hostname)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.JudgerVersion, beat.JudgerVersion)
                .SetProperty(s => s.CpuCore, beat.CpuCore)
                .SetProperty(s => s.MemoryUsage, beat.Memory)
                .SetProperty(s => s.CpuUsage, beat.Cpu)
                .SetProperty(s => s.ServiceUrl, beat.ServiceUrl)
                .SetProperty(s => s.Ip, beat.Ip)
                .SetProperty(s => s.LastHeartbeat, beat.Now), cancellationToken);
        if (updated > 1)
        {
            return false;
        }

        if (updated == 1)
        {
            return true;
        }

        db.JudgeServers.Add(new JudgeServer
        {
            Hostname = beat.Hostname,
            JudgerVersion = beat.JudgerVersion,
            CpuCore = beat.CpuCore,
            MemoryUsage = beat.Memory,
            CpuUsage = beat.Cpu,
            ServiceUrl = beat.ServiceUrl,
            Ip = beat.PeerIp,
            LastHeartbeat = beat.Now,
            CreateTime = beat.Now,
            TaskNumber = 0,
            IsDisabled = false,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Every server, latest heartbeat first; "normal" when it beat at most <see cref="JudgeQueueRepository.HeartbeatWindowSeconds"/> before <paramref name="now"/>.</summary>
    public Task<List<JudgeServerDto>> ListAsync(DateTime now, CancellationToken cancellationToken)
    {
        var alive = now.AddSeconds(-JudgeQueueRepository.HeartbeatWindowSeconds);
        return db.JudgeServers.OrderByDescending(s => s.LastHeartbeat).ThenBy(s => s.Id)
            .Select(s => new JudgeServerDto(s.Id, s.LastHeartbeat >= alive ? "normal" : "abnormal", s.Hostname, s.Ip, s.JudgerVersion, s.CpuCore,
                s.MemoryUsage, s.CpuUsage, s.LastHeartbeat, s.CreateTime, s.TaskNumber, s.ServiceUrl, s.IsDisabled))
            .ToListAsync(cancellationToken);
    }

    public Task<int> DeleteByHostnameAsync(string hostname, CancellationToken cancellationToken) =>
        db.JudgeServers.Where(s => s.Hostname == hostname).ExecuteDeleteAsync(cancellationToken);

    public Task<int> SetDisabledAsync(int id, bool disabled, CancellationToken cancellationToken) =>
        db.JudgeServers.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsDisabled, disabled), cancellationToken);
}

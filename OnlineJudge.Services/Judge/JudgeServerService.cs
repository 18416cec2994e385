using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Judge;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Judge;

/// <summary>Body of <c>POST /api/judge_server_heartbeat/</c> (conf.md §5).</summary>
public sealed class HeartbeatRequest
{
    [StringField(MaxLength = 128)]
    public string Hostname { get; set; } = "";

    [StringField(MaxLength = 32)]
    public string JudgerVersion { get; set; } = "";

    [IntegerField(Min = 1)]
    public int CpuCore { get; set; }

    [FloatField(Min = 0, Max = 100)]
    public double Memory { get; set; }

    [FloatField(Min = 0, Max = 100)]
    public double Cpu { get; set; }

    [ChoiceField(["heartbeat"])]
    public string Action { get; set; } = "";

    [StringField(MaxLength = 256)]
    public string ServiceUrl { get; set; } = "";
}

/// <summary>Body of <c>PUT /api/admin/judge_server</c> (conf.md §7).</summary>
public sealed class JudgeServerToggleRequest
{
    [IntegerField]
    public int Id { get; set; }

    [BooleanField]
    public bool IsDisabled { get; set; }
}

/// <summary>DELETE /api/admin/judge_server: the hostname whose rows go.</summary>
public sealed class HostnameQuery
{
    [QueryText]
    public string? Hostname { get; set; }
}

public sealed record JudgeServerListDto(string Token, List<JudgeServerDto> Servers);

/// <summary>Judge-server registration by heartbeat and its administration (conf.md §5–8, judge.md §9).</summary>
public class JudgeServerService(JudgeServerRepository servers, JudgeSiteOptions siteOptions, JudgeWakeups wakeups, TimeProvider time,
    ILogger<JudgeServerService> logger)
{
    public async Task<ServiceResult> HeartbeatAsync(HeartbeatRequest request, string? tokenHeader, string clientIp, string peerIp,
        CancellationToken cancellationToken)
    {
        var expected = JudgeSiteOptions.HashToken(await siteOptions.GetTokenAsync(cancellationToken));
        if (!string.Equals(tokenHeader, expected, StringComparison.Ordinal))
        {
            return ServiceError.Of("Invalid token");
        }

        var beat = new HeartbeatDto(request.Hostname, request.JudgerVersion, request.CpuCore, request.Memory, request.Cpu, request.ServiceUrl,
            clientIp, peerIp, time.GetUtcNow().UtcDateTime);
        if (!await servers.RecordHeartbeatAsync(beat, cancellationToken))
        {
            logger.LogError("Several judge_server rows have hostname {Hostname}; delete the extra ones", request.Hostname);
            return ServiceError.Of($"Several judge servers are named {request.Hostname}; an administrator must delete the duplicates");
        }

        await wakeups.WakeAllAsync(CancellationToken.None);
        return ServiceResult.Ok();
    }

    public async Task<ServiceResult<JudgeServerListDto>> ListAsync(CancellationToken cancellationToken)
    {
        var token = await siteOptions.GetTokenAsync(cancellationToken);
        return new JudgeServerListDto(token, await servers.ListAsync(time.GetUtcNow().UtcDateTime, cancellationToken));
    }

    public async Task<ServiceResult> DeleteAsync(string? hostname, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(hostname))
        {
            await servers.DeleteByHostnameAsync(hostname, cancellationToken);
        }

        return ServiceResult.Ok();
    }

    public async Task<ServiceResult> ToggleAsync(JudgeServerToggleRequest request, CancellationToken cancellationToken)
    {
        await servers.SetDisabledAsync(request.Id, request.IsDisabled, cancellationToken);
        if (!request.IsDisabled)
        {
            await wakeups.WakeAllAsync(CancellationToken.None);
        }

        return ServiceResult.Ok();
    }
}

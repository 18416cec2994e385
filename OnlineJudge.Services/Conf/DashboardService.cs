using OnlineJudge.Data.Conf;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Conf;

/// <summary>Response of <c>GET /api/admin/dashboard_info</c> (conf.md §11).</summary>
public sealed record DashboardInfo(int UserCount, int RecentContestCount, int TodaySubmissionCount, int JudgeServerCount, DashboardEnv Env);

/// <summary><c>FORCE_HTTPS</c> is the environment variable's text, or <c>false</c> when unset (the reference's <c>get_env</c>).</summary>
public sealed record DashboardEnv(
    [property: System.Text.Json.Serialization.JsonPropertyName("FORCE_HTTPS")] object ForceHttps,
    [property: System.Text.Json.Serialization.JsonPropertyName("STATIC_CDN_HOST")] string StaticCdnHost);

public class DashboardService(DashboardRepository dashboard, TimeProvider time)
{
    /// <summary>A judge server is "normal" when its last heartbeat is at most this old (conf.md §6).</summary>
    public static readonly TimeSpan HeartbeatWindow = TimeSpan.FromSeconds(6);

    public async Task<ServiceResult<DashboardInfo>> GetInfoAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var counts = await dashboard.GetCountsAsync(now, now.Date, now - HeartbeatWindow, cancellationToken);
        var forceHttps = Environment.GetEnvironmentVariable("FORCE_HTTPS");
        return new DashboardInfo(counts.UserCount, counts.RecentContestCount, counts.TodaySubmissionCount, counts.JudgeServerCount,
            new DashboardEnv(forceHttps is null ? false : forceHttps, Environment.GetEnvironmentVariable("STATIC_CDN_HOST") ?? ""));
    }
}

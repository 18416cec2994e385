namespace OnlineJudge.Data.Conf;

public sealed record DashboardCountsDto(int UserCount, int RecentContestCount, int TodaySubmissionCount, int JudgeServerCount);

/// <summary>The counters of the admin home page (conf.md §11).</summary>
public class DashboardRepository(OnlineJudgeDbContext db)
{
    public async Task<DashboardCountsDto> GetCountsAsync(DateTime now, DateTime todayStart, DateTime heartbeatSince, CancellationToken cancellationToken)
    {
        var users = await db.Users.CountAsync(cancellationToken);
        var contests = await db.Contests.CountAsync(c => c.EndTime >= now, cancellationToken);
        var submissions = await db.Submissions.CountAsync(s => s.CreateTime >= todayStart, cancellationToken);
        var servers = await db.JudgeServers.CountAsync(s => s.LastHeartbeat >= heartbeatSince, cancellationToken);
        return new DashboardCountsDto(users, contests, submissions, servers);
    }
}

using System.Globalization;
using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Services.Contests;

/// <summary>The student contest endpoints (contest.md §1.1–§1.4).</summary>
public class ContestService(ContestRepository contests, SessionStore sessions, CacheService cache, TimeProvider time)
{
    public async Task<ServiceResult<Page<ContestDto>>> ListAsync(ContestListQuery query, CancellationToken cancellationToken) =>
        await cache.GetOrCreateVersionedAsync(CacheKeys.ContestFamily,
            CacheService.KeyOf("list", query.Keyword, query.Status, query.Tag, query.Page.Limit, query.Page.Offset), CacheKeys.ContestTtl,
            ct => contests.GetVisiblePageAsync(query.Keyword, query.Status, query.Tag, time.GetUtcNow().UtcDateTime, query.Page, ct),
            cancellationToken);

    public async Task<ServiceResult<ContestDetailDto>> GetAsync(int id, CancellationToken cancellationToken)
    {
        var contest = await cache.GetOrCreateVersionedAsync(CacheKeys.ContestFamily, CacheService.KeyOf("detail", id), CacheKeys.ContestTtl,
            ct => contests.FindVisibleDetailAsync(id, time.GetUtcNow().UtcDateTime, ct), cancellationToken);
        return contest is null ? ServiceError.Of("Contest does not exist") : contest;
    }

    /// <summary>POST /api/contest/password: checks the password and keeps it in the caller's session for this contest.</summary>
    public async Task<ServiceResult<bool>> VerifyPasswordAsync(int contestId, string password, string? sessionKey, SessionData? session,
        CancellationToken cancellationToken)
    {
        var contest = await contests.FindVisibleGateAsync(contestId, cancellationToken);
        if (contest?.Password is null)
        {
            return ServiceError.Of("Contest does not exist");
        }

        if (!ContestPasswords.Check(password, contest.Password, time.GetUtcNow()))
        {
            return ServiceError.Of("Wrong password or password expired");
        }

        // A caller authenticated by API key has no session: nothing to remember the password in.
        if (sessionKey is not null && session is not null)
        {
            session.ContestPassword[contest.Id.ToString(CultureInfo.InvariantCulture)] = password;
            await sessions.SaveAsync(sessionKey, session);
        }

        return true;
    }

    /// <summary>GET /api/contest/access: whether the password kept in the session still opens the contest.</summary>
    public async Task<ServiceResult<ContestAccess>> GetAccessAsync(int contestId, SessionData? session, CancellationToken cancellationToken)
    {
        var contest = await contests.FindVisibleGateAsync(contestId, cancellationToken);
        if (contest?.Password is null)
        {
            return ServiceError.Of("Contest does not exist");
        }

        var entered = session?.ContestPassword.GetValueOrDefault(contest.Id.ToString(CultureInfo.InvariantCulture));
        return new ContestAccess(ContestPasswords.Check(entered, contest.Password, time.GetUtcNow()));
    }

    /// <summary>Legacy GET /api/contest/announcement, after the contest gate.</summary>
    public async Task<ServiceResult<List<ContestAnnouncementDto>>> ListVisibleAnnouncementsAsync(int contestId, long? maxId,
        CancellationToken cancellationToken) =>
        await contests.GetVisibleAnnouncementsAsync(contestId, maxId is { } after ? (int)Math.Clamp(after, int.MinValue, int.MaxValue) : null,
            cancellationToken);
}

/// <summary><c>{"access": bool}</c>.</summary>
public sealed record ContestAccess(bool Access);

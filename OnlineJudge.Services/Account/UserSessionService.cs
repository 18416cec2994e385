using OnlineJudge.Services.Common;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Services.Account;

/// <summary>A user's own sessions (account.md C4/C5, legacy), from the per-user index of the session store.</summary>
public class UserSessionService(SessionStore sessions)
{
    public async Task<ServiceResult<List<SessionInfo>>> ListAsync(int userId, string? currentKey)
    {
        var live = await sessions.ListAsync(userId);
        return live
            .OrderByDescending(s => s.Data.LastActivity ?? s.Data.CreatedAt)
            .Select(s => new SessionInfo(s.Key == currentKey ? true : null, s.Data.Ip, s.Data.UserAgent,
                s.Data.LastActivity ?? s.Data.CreatedAt, s.Key))
            .ToList();
    }

    /// <summary>GET /api/logout: ends the caller's session, if any.</summary>
    public async Task<ServiceResult> LogoutAsync(string? sessionKey, int? userId)
    {
        if (sessionKey is not null)
        {
            await sessions.DeleteAsync(sessionKey, userId);
        }

        return ServiceResult.Ok();
    }

    /// <summary>Ends one of the caller's sessions. Unlike the reference, a key of someone else's session is never deleted.</summary>
    public async Task<ServiceResult<string>> DeleteAsync(int userId, string? sessionKey)
    {
        if (string.IsNullOrEmpty(sessionKey))
        {
            return ServiceError.Of("Parameter Error");
        }

        var live = await sessions.ListAsync(userId);
        if (!live.Any(s => s.Key == sessionKey))
        {
            return ServiceError.Of("Invalid session_key");
        }

        await sessions.DeleteAsync(sessionKey, userId);
        return "Succeeded";
    }
}

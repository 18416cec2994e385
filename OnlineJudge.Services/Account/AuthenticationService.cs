using OnlineJudge.Data.Account;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Services.Account;

/// <summary>Resolves the caller of a request from its session or its API key (platform.md §9).</summary>
public class AuthenticationService(UserRepository users)
{
    /// <summary>The session's user, or null when the user is gone or changed password since the session began.</summary>
    public async Task<CurrentUser?> FromSessionAsync(SessionData session, CancellationToken cancellationToken)
    {
        var user = await users.FindAuthUserAsync(session.UserId, cancellationToken);
        return user is not null && SessionStore.AuthHashOf(user.PasswordHash) == session.AuthHash ? CurrentUser.From(user) : null;
    }

    public async Task<CurrentUser?> FromAppKeyAsync(string appKey, CancellationToken cancellationToken)
    {
        var user = await users.FindAuthUserByAppKeyAsync(appKey, cancellationToken);
        return user is null ? null : CurrentUser.From(user);
    }
}

using OnlineJudge.Data.Account;
using OnlineJudge.Services.Sessions;
using StackExchange.Redis;

namespace OnlineJudge.Services.Account;

/// <summary>
/// Resolves the caller of a request from its session or its API key (platform.md §9): from the user's cached
/// <see cref="AuthSnapshot"/> when there is one (one Redis round trip), else from PostgreSQL, caching the result.
/// </summary>
public class AuthenticationService(UserRepository users, UserAuthCache cache)
{
    /// <summary>
    /// The session named by a cookie, or null when there is none. Its <see cref="SessionAuthentication.User"/> is null when
    /// the session is no longer valid: its user is gone or changed password since the session began. Throws
    /// <see cref="RedisException"/> when sessions cannot be read.
    /// </summary>
    public async Task<SessionAuthentication?> FromSessionKeyAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var read = await cache.ReadSessionAsync(sessionKey);
        if (read.Session is not { } session)
        {
            return null;
        }

        var snapshot = read.Snapshot is { } cached && cached.Id == session.UserId
            ? cached
            : await LoadAsync(session.UserId, read.Generation, cancellationToken);
        var valid = snapshot is not null && string.Equals(snapshot.AuthHash, session.AuthHash, StringComparison.Ordinal);
        return new SessionAuthentication(session, valid ? snapshot!.ToCurrentUser() : null);
    }

    /// <summary>The user an API key authenticates (open API on, not disabled), or null. Works without Redis.</summary>
    public async Task<CurrentUser?> FromAppKeyAsync(string appKey, CancellationToken cancellationToken)
    {
        var hash = UserAuthCache.AppKeyHash(appKey);
        AppKeyRead? read = null;
        var redisUp = !cache.IsUnreachable;
        if (redisUp)
        {
            try
            {
                read = await cache.ReadAppKeyAsync(hash);
            }
            catch (RedisException)
            {
                redisUp = false;
            }
        }

        if (!redisUp)
        {
            // The key is checked against PostgreSQL instead.
            var direct = await users.FindAuthUserByAppKeyAsync(appKey, cancellationToken);
            return direct is null ? null : CurrentUser.From(direct);
        }

        if (read?.Snapshot is { } snapshot && snapshot.Id == read.UserId && snapshot.AppKeyHash == hash)
        {
            return snapshot.IsDisabled ? null : snapshot.ToCurrentUser();
        }

        var user = await users.FindAuthUserByAppKeyAsync(appKey, cancellationToken);
        if (user is null)
        {
            if (read is not null)
            {
                await cache.MapAppKeyAsync(hash, null);
            }

            return null;
        }

        if (read is not null && read.UserId == user.Id)
        {
            await cache.StoreAsync(AuthSnapshot.From(user), read.Generation);
        }
        else
        {
            // The snapshot is cached by the next request, which reads the user's generation first.
            await cache.MapAppKeyAsync(hash, user.Id);
        }

        return CurrentUser.From(user);
    }

    private async Task<AuthSnapshot?> LoadAsync(int userId, string? generation, CancellationToken cancellationToken)
    {
        var user = await users.FindAuthUserAsync(userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var snapshot = AuthSnapshot.From(user);
        if (generation is not null)
        {
            await cache.StoreAsync(snapshot, generation);
        }

        return snapshot;
    }
}

/// <summary>A session and its user; <see cref="User"/> is null when the session is no longer valid.</summary>
public sealed record SessionAuthentication(SessionData Session, CurrentUser? User);

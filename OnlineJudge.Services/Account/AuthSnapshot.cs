using OnlineJudge.Data.Account;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Services.Account;

/// <summary>
/// What authentication reads of a user on every request, as cached in Redis (<see cref="UserAuthCache"/>): the role
/// fields of <see cref="CurrentUser"/>, the session fingerprint of the password hash (not the hash itself) and the
/// SHA-256 of the API key when open API is on.
/// </summary>
public sealed record AuthSnapshot(
    int Id,
    string Username,
    string? Email,
    string AdminType,
    string ProblemPermission,
    bool IsDisabled,
    string AuthHash,
    string? AppKeyHash)
{
    public static AuthSnapshot From(AuthUserDto user) =>
        new(user.Id, user.Username, user.Email, user.AdminType, user.ProblemPermission, user.IsDisabled, SessionStore.AuthHashOf(user.PasswordHash),
            user.OpenApiAppKey is null ? null : UserAuthCache.AppKeyHash(user.OpenApiAppKey));

    public CurrentUser ToCurrentUser() => new(Id, Username, Email, AdminType, ProblemPermission, IsDisabled);
}

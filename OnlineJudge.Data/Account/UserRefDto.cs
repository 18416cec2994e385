namespace OnlineJudge.Data.Account;

/// <summary>
/// The user reference object of platform.md §13.1 (<c>created_by</c>, <c>sender</c>, rank <c>user</c>, …).
/// <c>real_name</c> stays null unless a spec reveals it; project with <c>new UserRefDto(u.Id, u.Username)</c>.
/// </summary>
public sealed record UserRefDto(int Id, string Username, string? RealName = null);

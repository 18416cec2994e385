namespace OnlineJudge.Services.Sessions;

/// <summary>What a server-side session holds (platform.md §9.1, §10.3; data-model.md §1.10).</summary>
public sealed class SessionData
{
    public int UserId { get; set; }

    /// <summary>Fingerprint of the password hash at login; a changed password invalidates the session.</summary>
    public string AuthHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string? Ip { get; set; }

    public string? UserAgent { get; set; }

    public DateTime? LastActivity { get; set; }

    /// <summary>Time of the previous login, shown by the metrics endpoint.</summary>
    public DateTime? PrevLogin { get; set; }

    /// <summary>Contest id (as string) → password the user entered (POST /api/contest/password).</summary>
    public Dictionary<string, string> ContestPassword { get; set; } = [];
}

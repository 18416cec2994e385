namespace OnlineJudge.Services.Sessions;

public class UserSessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Idle lifetime: every authenticated request renews it (platform.md §9.1: two weeks).</summary>
    public int IdleTimeoutSeconds { get; set; } = 1_209_600;
}

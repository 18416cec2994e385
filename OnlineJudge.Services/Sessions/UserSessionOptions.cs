using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Sessions;

public class UserSessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Idle lifetime: every authenticated request renews it (platform.md §9.1: two weeks).</summary>
    [Range(60, int.MaxValue, ErrorMessage = "Sessions:IdleTimeoutSeconds must be at least 60")]
    public int IdleTimeoutSeconds { get; set; } = 1_209_600;
}

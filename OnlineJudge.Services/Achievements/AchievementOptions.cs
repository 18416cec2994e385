using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Achievements;

/// <summary>Settings of the achievement rescan worker (section <c>Achievements</c>); README documents each.</summary>
public sealed class AchievementOptions
{
    public const string Section = "Achievements";

    /// <summary>
    /// How long a rescan may go without renewal before another worker takes its job back; a running rescan renews it
    /// every third of this.
    /// </summary>
    [Range(3, 3600, ErrorMessage = "Achievements:RescanLeaseSeconds must be between 3 and 3600")]
    public int RescanLeaseSeconds { get; set; } = 120;

    public TimeSpan RescanLease => TimeSpan.FromSeconds(RescanLeaseSeconds);
}

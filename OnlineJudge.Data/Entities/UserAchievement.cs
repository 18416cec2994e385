namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>user_achievement</c> (achievement.md): one unlock.</summary>
public class UserAchievement
{
    public long Id { get; set; }
    public DateTime UnlockTime { get; set; }
    public bool Backfilled { get; set; }
    public bool Notified { get; set; }
    public long AchievementId { get; set; }
    public int UserId { get; set; }

    public Achievement? Achievement { get; set; }
    public User? User { get; set; }
}

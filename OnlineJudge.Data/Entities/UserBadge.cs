namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>user_badge</c> (problemset.md).</summary>
public class UserBadge
{
    public long Id { get; set; }
    public DateTime EarnedTime { get; set; }
    public long BadgeId { get; set; }
    public int UserId { get; set; }

    public ProblemSetBadge? Badge { get; set; }
    public User? User { get; set; }
}

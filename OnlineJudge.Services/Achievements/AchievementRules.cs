using OnlineJudge.Data.Achievements;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Services.Achievements;

/// <summary>The condition of an achievement (achievement.md §3.3): a metric compared with a threshold.</summary>
public static class AchievementRules
{
    /// <summary>
    /// Whether the metrics may satisfy the candidate: its metric holds an integer satisfying the operator, or a value of
    /// another kind this code does not read (left to the database's evaluation). An absent metric never satisfies.
    /// </summary>
    public static bool MaySatisfy(AchievementCandidateDto candidate, UserMetrics metrics) =>
        metrics.Values.TryGetValue(candidate.Metric, out var value)
            ? candidate.Operator switch
            {
                AchievementOperator.Gte => value >= candidate.Threshold,
                AchievementOperator.Lte => value <= candidate.Threshold,
                _ => false,
            }
            : metrics.Other.ContainsKey(candidate.Metric);
}

/// <summary>
/// What the user_stat update of a verdict learnt for the check that follows it (same judge job scope): whether any
/// achievement the user has not unlocked may be satisfied now. When none may, the check needs no query.
/// </summary>
public sealed class AchievementCheckHints
{
    private readonly Dictionary<string, bool> needed = [];

    public void Record(string submissionId, bool checkNeeded) => needed[submissionId] = checkNeeded;

    /// <summary>False only when the update saw that nothing can unlock; true when it knows nothing (check anyway).</summary>
    public bool IsCheckNeeded(string submissionId) => !needed.TryGetValue(submissionId, out var value) || value;
}

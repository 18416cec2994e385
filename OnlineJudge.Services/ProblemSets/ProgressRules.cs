using System.Globalization;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.ProblemSets;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>Progress recomputation (problemset.md §0.3) and badge eligibility (§0.4), without I/O.</summary>
public static class ProgressRules
{
    /// <summary>
    /// Recomputes a progress row from the set's current problems: keys of problems no longer in the set are dropped,
    /// the others take their current score; a row becomes complete when every problem is done (an empty set too), and
    /// keeps the first <c>complete_time</c> for ever.
    /// </summary>
    public static ProgressValues Recompute(IReadOnlyDictionary<string, ProgressDetailEntry> detail, DateTime? completeTime,
        IReadOnlyList<SetProblemScore> problems, DateTime now)
    {
        var kept = new Dictionary<string, ProgressDetailEntry>(StringComparer.Ordinal);
        var current = problems.Select(p => KeyOf(p.ProblemId)).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, entry) in detail)
        {
            if (current.Contains(key))
            {
                kept[key] = new ProgressDetailEntry { Score = entry.Score, SubmitTime = entry.SubmitTime };
            }
        }

        var completed = 0;
        var totalScore = 0;
        foreach (var problem in problems)
        {
            if (kept.TryGetValue(KeyOf(problem.ProblemId), out var entry))
            {
                completed++;
                totalScore += problem.Score;
                entry.Score = problem.Score;
            }
        }

        var total = problems.Count;
        var percentage = total > 0 ? (double)completed / total * 100 : 0;
        var isCompleted = completed == total;
        return new ProgressValues(kept, completed, total, totalScore, percentage, isCompleted,
            completeTime ?? (isCompleted ? now : null));
    }

    /// <summary>§0.4: whether a row with these counts earns a badge of this condition.</summary>
    public static bool IsEligible(string conditionType, int conditionValue, int completed, int total, int totalScore) => conditionType switch
    {
        BadgeConditionType.AllProblems => total > 0 && completed == total,
        BadgeConditionType.ProblemCount => completed >= conditionValue,
        BadgeConditionType.Score => totalScore >= conditionValue,
        _ => false,
    };

    public static bool IsEligible(BadgeDto badge, ProgressValues values) =>
        IsEligible(badge.ConditionType, badge.ConditionValue, values.CompletedProblemsCount, values.TotalProblemsCount, values.TotalScore);

    public static bool IsEligible(BadgeDto badge, LockedProgress row) =>
        IsEligible(badge.ConditionType, badge.ConditionValue, row.CompletedProblemsCount, row.TotalProblemsCount, row.TotalScore);

    /// <summary>A <c>progress_detail</c> key: the problem id as a string.</summary>
    public static string KeyOf(int problemId) => problemId.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>submit_time</c> as the reference writes it: ISO 8601, offset <c>+00:00</c>, microseconds.</summary>
    public static string SubmitTime(DateTime utc) =>
        utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>The problem ids among <c>progress_detail</c> keys (older rows may hold other text, which names no problem).</summary>
    public static IEnumerable<int> ProblemIdsOf(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                yield return id;
            }
        }
    }
}

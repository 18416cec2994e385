using System.Text.Json.Serialization;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Services.Problems;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>UserProgressSummary (problemset.md §0.6): the caller's progress in a set, zeros when not joined or anonymous.</summary>
public sealed record UserProgressSummaryDto(bool IsJoined, double ProgressPercentage, int CompletedCount, int TotalCount, bool IsCompleted)
{
    public static readonly UserProgressSummaryDto NotJoined = new(false, 0, 0, 0, false);

    public static UserProgressSummaryDto From(ProgressSummaryRow? row) => row is null
        ? NotJoined
        : new UserProgressSummaryDto(true, row.ProgressPercentage, row.CompletedProblemsCount, row.TotalProblemsCount, row.IsCompleted);
}

/// <summary>A Badge of a list item, with <c>is_earned</c>: the caller holds it.</summary>
public sealed record EarnableBadgeDto(
    long Id, [property: JsonPropertyName("problemset")] long ProblemSetId, string Name, string Description, string Icon, string ConditionType,
    int ConditionValue, bool IsEarned)
{
    public static EarnableBadgeDto From(BadgeDto badge, bool isEarned) =>
        new(badge.Id, badge.ProblemSetId, badge.Name, badge.Description, badge.Icon, badge.ConditionType, badge.ConditionValue, isEarned);
}

/// <summary>ProblemSetListItem (§0.6).</summary>
public sealed record ProblemSetListItemDto(
    long Id, string Title, string Description, UserRefDto CreatedBy, DateTime CreateTime, string Difficulty, string Status, DateTime? EndTime,
    int ProblemsCount, UserProgressSummaryDto UserProgress, List<EarnableBadgeDto> Badges, bool Visible)
{
    public static ProblemSetListItemDto From(ProblemSetListRow row, UserProgressSummaryDto progress, List<EarnableBadgeDto> badges) =>
        new(row.Id, row.Title, row.Description, row.CreatedBy, row.CreateTime, row.Difficulty, row.Status, row.EndTime, row.ProblemsCount, progress,
            badges, row.Visible);
}

/// <summary>The ProblemSet object (§0.6): every column, the creator, the problem count and the caller's progress.</summary>
public sealed record ProblemSetDto(
    long Id, string Title, string Description, DateTime CreateTime, DateTime LastUpdateTime, bool Visible, string Difficulty, string Status,
    DateTime? EndTime, UserRefDto CreatedBy, int ProblemsCount, int CompletedCount, UserProgressSummaryDto UserProgress)
{
    public static ProblemSetDto From(ProblemSetDetailRow row, ProgressSummaryRow? progress) =>
        new(row.Id, row.Title, row.Description, row.CreateTime, row.LastUpdateTime, row.Visible, row.Difficulty, row.Status, row.EndTime,
            row.CreatedBy, row.ProblemsCount, progress?.CompletedProblemsCount ?? 0, UserProgressSummaryDto.From(progress));
}

/// <summary>ProblemSetProblem (§0.6): the row with its problem as the problem list shows it, without <c>my_status</c>.</summary>
public sealed record ProblemSetProblemDto(
    long Id, [property: JsonPropertyName("problemset")] long ProblemSetId, ProblemListItemDto Problem, int Order, bool IsRequired, int Score,
    string? Hint, bool IsCompleted)
{
    public static ProblemSetProblemDto From(ProblemSetProblemRow row) =>
        new(row.Id, row.ProblemSetId, ProblemViews.ToListItem(row.Problem), row.Order, row.IsRequired, row.Score, row.Hint, false);
}

/// <summary>Progress (§0.6): a progress row with the problems its keys name.</summary>
public sealed record ProgressDto(
    long Id, [property: JsonPropertyName("problemset")] long ProblemSetId, UserRefDto User, DateTime JoinTime, DateTime? CompleteTime,
    bool IsCompleted, double ProgressPercentage, int CompletedProblemsCount, int TotalProblemsCount, int TotalScore,
    Dictionary<string, ProgressDetailEntry> ProgressDetail, List<ProblemRefDto> CompletedProblems)
{
    /// <summary>One <c>completed_problems</c> entry per key of <c>progress_detail</c> (stored order) that names a problem of <paramref name="problems"/>.</summary>
    public static ProgressDto From(ProgressRow row, IReadOnlyDictionary<int, ProblemRefDto> problems) =>
        new(row.Id, row.ProblemSetId, row.User, row.JoinTime, row.CompleteTime, row.IsCompleted, row.ProgressPercentage, row.CompletedProblemsCount,
            row.TotalProblemsCount, row.TotalScore, row.ProgressDetail,
            [.. ProgressRules.ProblemIdsOf(row.ProgressDetail.Keys).Where(problems.ContainsKey).Select(id => problems[id])]);
}

/// <summary>The statistics cards of <c>users_progress</c>.</summary>
public sealed record MemberStatisticsDto(int Total, int Completed, double AvgProgress);

/// <summary>The answer of <c>GET /api/problemset/{id}/users_progress</c> (§1.10).</summary>
public sealed record MemberProgressPageDto(IReadOnlyList<ProgressDto> Results, int Total, MemberStatisticsDto Statistics, List<ProblemRefDto> Problems);

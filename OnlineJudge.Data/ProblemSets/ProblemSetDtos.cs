using System.Text.Json.Serialization;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Problems;

namespace OnlineJudge.Data.ProblemSets;

/// <summary>The Badge object (problemset.md §0.6, table <c>problemset_badge</c>).</summary>
public sealed record BadgeDto(
    long Id, [property: JsonPropertyName("problemset")] long ProblemSetId, string Name, string Description, string Icon, string ConditionType,
    int ConditionValue);

/// <summary>A problem set list item before the caller's part (<c>user_progress</c>, <c>is_earned</c>).</summary>
public sealed record ProblemSetListRow(
    long Id, string Title, string Description, UserRefDto CreatedBy, DateTime CreateTime, string Difficulty, string Status, DateTime? EndTime,
    int ProblemsCount, List<BadgeDto> Badges, bool Visible);

/// <summary>Every column of a set with its creator and problem count: the ProblemSet object before the caller's part.</summary>
public sealed record ProblemSetDetailRow(
    long Id, string Title, string Description, DateTime CreateTime, DateTime LastUpdateTime, bool Visible, string Difficulty, string Status,
    DateTime? EndTime, UserRefDto CreatedBy, int ProblemsCount);

/// <summary>The caller's progress row in one set, as <c>user_progress</c> shows it.</summary>
public sealed record ProgressSummaryRow(long ProblemSetId, double ProgressPercentage, int CompletedProblemsCount, int TotalProblemsCount, bool IsCompleted);

/// <summary>The caller's progress rows and earned badges among a page of sets, read in one query.</summary>
public sealed record ProblemSetCallerState(List<ProgressSummaryRow> Progress, List<long> EarnedBadgeIds);

/// <summary>A <c>problemset_problem</c> row with its problem as the problem list shows it.</summary>
public sealed record ProblemSetProblemRow(long Id, long ProblemSetId, ProblemListRow Problem, int Order, bool IsRequired, int Score, string? Hint);

/// <summary>A <c>problemset_progress</c> row with its user, before <c>completed_problems</c>.</summary>
public sealed record ProgressRow(
    long Id, long ProblemSetId, UserRefDto User, DateTime JoinTime, DateTime? CompleteTime, bool IsCompleted, double ProgressPercentage,
    int CompletedProblemsCount, int TotalProblemsCount, int TotalScore, Dictionary<string, ProgressDetailEntry> ProgressDetail);

/// <summary><c>{"id", "_id", "title"}</c> of a problem (<c>completed_problems</c>, <c>users_progress.problems</c>).</summary>
public sealed record ProblemRefDto(int Id, [property: JsonPropertyName("_id")] string DisplayId, string Title);

/// <summary>The set a user badge comes from (docs/decisions.md, problem sets).</summary>
public sealed record ProblemSetRefDto(long Id, string Title);

/// <summary>The UserBadge object with the set it comes from.</summary>
public sealed record UserBadgeDto(long Id, int User, BadgeDto Badge, DateTime EarnedTime, ProblemSetRefDto Problemset);

/// <summary>What ownership checks need of a set.</summary>
public sealed record ProblemSetOwnerDto(long Id, int CreatedById);

/// <summary>Filters of the set lists.</summary>
public sealed record ProblemSetListFilter(string? Keyword, string? Difficulty, string? Status);

/// <summary>One problem of a set with its score there: what progress recomputation reads.</summary>
public sealed record SetProblemScore(int ProblemId, int Score);

/// <summary>A progress row read under a row lock, for recomputation and badge eligibility.</summary>
public sealed record LockedProgress(
    long Id, int UserId, Dictionary<string, ProgressDetailEntry> Detail, DateTime? CompleteTime, int CompletedProblemsCount,
    int TotalProblemsCount, int TotalScore);

/// <summary>The recomputed values of a progress row (problemset.md §0.3).</summary>
public sealed record ProgressValues(
    Dictionary<string, ProgressDetailEntry> Detail, int CompletedProblemsCount, int TotalProblemsCount, int TotalScore, double ProgressPercentage,
    bool IsCompleted, DateTime? CompleteTime);

/// <summary>The writable columns of a set; null fields of an edit stay as they are.</summary>
public sealed record ProblemSetWriteDto(
    string? Title, string? Description, string? Difficulty, string? Status, bool? Visible, bool SetEndTime, DateTime? EndTime);

/// <summary>The writable columns of a <c>problemset_problem</c> row; null fields of an edit stay as they are.</summary>
public sealed record SetProblemWriteDto(int? Order, bool? IsRequired, int? Score, string? Hint);

/// <summary>The writable columns of a badge; null fields of an edit stay as they are.</summary>
public sealed record BadgeWriteDto(string? Name, string? Description, string? Icon, string? ConditionType, int? ConditionValue);

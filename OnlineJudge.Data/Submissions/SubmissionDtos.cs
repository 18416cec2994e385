using System.Text.Json;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Data.Submissions;

/// <summary>What submit needs of the target problem (submission.md §1.1 step 6–7).</summary>
public sealed record SubmitProblemDto(int Id, List<string> Languages);

/// <summary>
/// One submission with what the detail and share endpoints decide on (submission.md §0.2, §1.2): the problem's display
/// id, creator and share flag, and the contest's times.
/// </summary>
public sealed record SubmissionDetailRow(
    string Id,
    int? ContestId,
    int ProblemId,
    string ProblemDisplayId,
    int ProblemCreatedById,
    bool ProblemShareSubmission,
    DateTime CreateTime,
    int UserId,
    string Username,
    string Code,
    int Result,
    JsonElement Info,
    string Language,
    bool Shared,
    SubmissionStatisticInfo StatisticInfo,
    string? Ip,
    DateTime? ContestStartTime,
    DateTime? ContestEndTime);

/// <summary>A row of the submission lists with what <c>show_link</c> needs (submission.md §0.1, §0.3).</summary>
public sealed record SubmissionListRow(
    string Id,
    int ProblemId,
    string ProblemDisplayId,
    string ProblemTitle,
    int ProblemCreatedById,
    bool ProblemShareSubmission,
    DateTime CreateTime,
    int UserId,
    string Username,
    int Result,
    string Language,
    bool Shared,
    SubmissionStatisticInfo StatisticInfo);

/// <summary>Filters of the submission lists (submission.md §1.4, §1.5), already resolved to ids.</summary>
public sealed record SubmissionListFilter(
    int? ContestId,
    int? ProblemId,
    int? UserId,
    string? Username,
    int? Result,
    string? Language,
    DateTime? CreatedSince);

/// <summary>The caller's progress in an active problem set, for the anti-cheat rule of submission.md §0.3.</summary>
public sealed record ProblemSetGuardRow(int ProblemId, DateTime JoinTime, List<string> CountedProblemIds);

/// <summary>State a <c>/ws/submission/</c> replay reports (submission.md §3).</summary>
public sealed record SubmissionStateRow(string Id, int UserId, int Result, SubmissionStatisticInfo StatisticInfo);

using System.Text.Json;
using System.Text.Json.Serialization;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Submissions;

namespace OnlineJudge.Services.Submissions;

/// <summary>SubmissionFull (submission.md §0.1): every column, the problem as its internal id; for admin-role callers.</summary>
public sealed record SubmissionFullDto(
    string Id,
    int? Contest,
    int Problem,
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
    bool CanUnshare) : ISubmissionDetail;

/// <summary>SubmissionSafe (submission.md §0.1): without <c>info</c>, <c>contest</c>, <c>ip</c>; the problem as its display id.</summary>
public sealed record SubmissionSafeDto(
    string Id,
    string Problem,
    DateTime CreateTime,
    int UserId,
    string Username,
    string Code,
    int Result,
    string Language,
    bool Shared,
    SubmissionStatisticInfo StatisticInfo,
    bool CanUnshare) : ISubmissionDetail;

/// <summary>Either shape of <c>GET /api/submission</c>.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(SubmissionFullDto))]
[JsonDerivedType(typeof(SubmissionSafeDto))]
public interface ISubmissionDetail;

/// <summary>SubmissionListItem (submission.md §0.1).</summary>
public sealed record SubmissionListItemDto(
    string Id,
    string Problem,
    string ProblemTitle,
    bool ShowLink,
    DateTime CreateTime,
    int UserId,
    string Username,
    int Result,
    string Language,
    bool Shared,
    SubmissionStatisticInfo StatisticInfo)
{
    public static SubmissionListItemDto From(SubmissionListRow row, bool showLink) =>
        new(row.Id, row.ProblemDisplayId, row.ProblemTitle, showLink, row.CreateTime, row.UserId, row.Username, row.Result, row.Language,
            row.Shared, row.StatisticInfo);
}

public static class SubmissionViews
{
    public static ISubmissionDetail Detail(SubmissionDetailRow row, bool full, bool canUnshare) => full
        ? new SubmissionFullDto(row.Id, row.ContestId, row.ProblemId, row.CreateTime, row.UserId, row.Username, row.Code, row.Result,
            row.Info, row.Language, row.Shared, row.StatisticInfo, row.Ip, canUnshare)
        : new SubmissionSafeDto(row.Id, row.ProblemDisplayId, row.CreateTime, row.UserId, row.Username, row.Code, row.Result, row.Language,
            row.Shared, row.StatisticInfo, canUnshare);
}

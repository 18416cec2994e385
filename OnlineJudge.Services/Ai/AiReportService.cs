using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Ai;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Ai;

/// <summary>A stored analysis in the admin list (ai.md §3.1).</summary>
public sealed record AiReportListItemDto(long Id, DateTime CreateTime, string Username, string AnalysisExcerpt, bool IsPinned);

public sealed record AiPinResultDto(bool IsPinned);

/// <summary>Stored learning analyses: the student's pinned one, the admin list and detail, the pin toggle (ai.md §1.5, §3).</summary>
public partial class AiReportService(AiAnalysisRepository reports, TransactionRunner transactions, ILogger<AiReportService> logger)
{
    public const int ExcerptLength = 120;

    /// <summary>The caller's pinned report, or null.</summary>
    public async Task<ServiceResult<AiReportDto?>> GetPinnedAsync(CurrentUser caller, CancellationToken cancellationToken)
    {
        var pinned = await reports.ListPinnedOfUserAsync(caller.Id, cancellationToken);
        if (pinned.Count > 1)
        {
            // Cannot happen through the pin toggle; a database edited by hand gets the newest, not an error.
            logger.LogWarning("User {UserId} has several pinned AI reports; the newest is shown", caller.Id);
        }

        return ServiceResult<AiReportDto?>.Ok(pinned.FirstOrDefault());
    }

    public async Task<ServiceResult<AiReportDto>> GetAsync(long id, CancellationToken cancellationToken) =>
        await reports.FindAsync(id, cancellationToken) is { } report ? report : ServiceError.Of("AIAnalysis not found");

    public async Task<ServiceResult<Either<List<AiReportListItemDto>, Page<AiReportListItemDto>>>> ListAsync(AiReportsQuery query,
        CancellationToken cancellationToken)
    {
        if (query.PinnedOnly)
        {
            var pinned = await reports.ListPinnedAsync(query.Username, cancellationToken);
            return Either<List<AiReportListItemDto>, Page<AiReportListItemDto>>.First([.. pinned.Select(Item)]);
        }

        var page = await reports.ListAsync(query.Username, query.Page, cancellationToken);
        return Either<List<AiReportListItemDto>, Page<AiReportListItemDto>>.Second(
            new Page<AiReportListItemDto>([.. page.Results.Select(Item)], page.Total));
    }

    /// <summary>Unpins a pinned report; else pins it and unpins the owner's others (at most one pinned report per user).</summary>
    public async Task<ServiceResult<AiPinResultDto>> TogglePinAsync(long id, CancellationToken cancellationToken) =>
        await transactions.ExecuteAsync<ServiceResult<AiPinResultDto>>(async ct =>
        {
            if (await reports.LockAsync(id, ct) is not { } report)
            {
                return ServiceError.Of("AIAnalysis not found");
            }

            if (!report.IsPinned)
            {
                await reports.UnpinOthersAsync(report.UserId, id, ct);
            }

            await reports.SetPinnedAsync(id, !report.IsPinned, ct);
            return new AiPinResultDto(!report.IsPinned);
        }, cancellationToken);

    /// <summary>White space collapsed; more than 120 characters: the first 120 and <c>…</c>.</summary>
    public static string Excerpt(string analysis)
    {
        var text = Whitespace().Replace(analysis, " ").Trim();
        var runes = text.EnumerateRunes().ToList();
        return runes.Count <= ExcerptLength ? text : string.Concat(runes.Take(ExcerptLength).Select(r => r.ToString())) + "…";
    }

    private static AiReportListItemDto Item(AiReportListRow row) => new(row.Id, row.CreateTime, row.Username, Excerpt(row.Analysis), row.IsPinned);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

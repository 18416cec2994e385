using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Ai;

/// <summary>Stored learning analyses (table <c>ai_analysis</c>): the student's pinned report and the admin reports (ai.md §1.5, §2.1, §3).</summary>
public class AiAnalysisRepository(OnlineJudgeDbContext db)
{
    public async Task<long> InsertAsync(int userId, JsonElement? details, JsonElement? duration, string systemPrompt, string analysis,
        string provider, string model, DateTime now, CancellationToken cancellationToken)
    {
        var row = new AiAnalysis
        {
            UserId = userId,
            Provider = provider,
            Model = model,
            Data = new AiAnalysisData { Details = details, Duration = duration },
            SystemPrompt = systemPrompt,
            UserPrompt = AiAnalysis.StoredUserPrompt,
            Analysis = analysis,
            IsPinned = false,
            CreateTime = now,
        };
        db.AiAnalyses.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return row.Id;
    }

    /// <summary>The user's pinned reports (at most one by the application rule; two are returned to detect a breach).</summary>
    public Task<List<AiReportDto>> ListPinnedOfUserAsync(int userId, CancellationToken cancellationToken) =>
        db.AiAnalyses.Where(a => a.UserId == userId && a.IsPinned)
            .OrderByDescending(a => a.CreateTime).Take(2)
            .Select(a => new AiReportDto(a.Id, a.CreateTime, a.User!.Username, a.User.ClassName, a.Analysis))
            .ToListAsync(cancellationToken);

    public Task<AiReportDto?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.AiAnalyses.Where(a => a.Id == id)
            .Select(a => new AiReportDto(a.Id, a.CreateTime, a.User!.Username, a.User.ClassName, a.Analysis))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<Page<AiReportListRow>> ListAsync(string? username, PageRequest page, CancellationToken cancellationToken) =>
        Filtered(username, pinnedOnly: false).ToPageAsync(page, cancellationToken);

    public Task<List<AiReportListRow>> ListPinnedAsync(string? username, CancellationToken cancellationToken) =>
        Filtered(username, pinnedOnly: true).ToListAsync(cancellationToken);

    /// <summary>The report's owner and pin, locked for the toggle; null when it does not exist. Must run inside a transaction.</summary>
    public async Task<(int UserId, bool IsPinned)?> LockAsync(long id, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<PinRow>(
            $"SELECT user_id AS \"UserId\", is_pinned AS \"IsPinned\" FROM ai_analysis WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : (rows[0].UserId, rows[0].IsPinned);
    }

    public Task<int> SetPinnedAsync(long id, bool pinned, CancellationToken cancellationToken) =>
        db.AiAnalyses.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.IsPinned, pinned), cancellationToken);

    public Task<int> UnpinOthersAsync(int userId, long keepId, CancellationToken cancellationToken) =>
        db.AiAnalyses.Where(a => a.UserId == userId && a.Id != keepId && a.IsPinned)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.IsPinned, false), cancellationToken);

    private IQueryable<AiReportListRow> Filtered(string? username, bool pinnedOnly)
    {
        var query = db.AiAnalyses.AsQueryable();
        if (pinnedOnly)
        {
            query = query.Where(a => a.IsPinned);
        }

        if (!string.IsNullOrEmpty(username))
        {
            var pattern = "%" + username.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(a => EF.Functions.ILike(a.User!.Username, pattern, "\\"));
        }

        return query.OrderByDescending(a => a.CreateTime).ThenByDescending(a => a.Id)
            .Select(a => new AiReportListRow(a.Id, a.CreateTime, a.User!.Username, a.Analysis, a.IsPinned));
    }

    private sealed record PinRow(int UserId, bool IsPinned);
}

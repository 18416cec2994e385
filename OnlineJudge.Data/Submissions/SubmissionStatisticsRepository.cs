using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Data.Submissions;

/// <summary>A user's practice submissions in a window: how many, how many accepted.</summary>
public sealed record UserWindowCountRow(string Username, int SubmissionCount, int AcceptedCount);

/// <summary>One submission of the window (the panel's submission_items).</summary>
public sealed record WindowItemRow(string Username, string Id, int Result);

public sealed record RosterRow(string Username, string? ClassName);

/// <summary>The teacher's class statistics panel (submission.md §2.2): aggregates computed in SQL.</summary>
public class SubmissionStatisticsRepository(OnlineJudgeDbContext db)
{
    /// <summary>Per-user counts of the practice submissions in [start, end], most submissions first.</summary>
    public async Task<List<UserWindowCountRow>> CountByUserAsync(DateTime? start, DateTime end, int? problemId, string? username,
        CancellationToken cancellationToken)
    {
        var rows = await Window(start, end, problemId, username)
            .GroupBy(s => s.Username)
            .Select(g => new
            {
                Username = g.Key,
                Submissions = g.Count(),
                Accepted = g.Count(s => s.Result == JudgeStatus.Accepted || s.Result == JudgeStatus.AstCheckFailed),
            })
            .OrderByDescending(r => r.Submissions).ThenBy(r => r.Username)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new UserWindowCountRow(r.Username, r.Submissions, r.Accepted))];
    }

    /// <summary>The window's submissions of these users, newest first.</summary>
    public Task<List<WindowItemRow>> ListItemsAsync(DateTime? start, DateTime end, int? problemId, IReadOnlyCollection<string> usernames,
        CancellationToken cancellationToken) =>
        Window(start, end, problemId, null)
            .Where(s => usernames.Contains(s.Username))
            .OrderByDescending(s => s.CreateTime)
            .Select(s => new WindowItemRow(s.Username, s.Id, s.Result))
            .ToListAsync(cancellationToken);

    /// <summary>Enabled regular users whose username contains <paramref name="username"/> (case-insensitive).</summary>
    public Task<List<RosterRow>> ListRosterAsync(string username, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Username.ToLower().Contains(username.ToLower()) && !u.IsDisabled && u.AdminType == AdminType.RegularUser)
            .OrderBy(u => u.Username)
            .Select(u => new RosterRow(u.Username, u.ClassName))
            .ToListAsync(cancellationToken);

    public Task<Dictionary<string, string?>> ClassNamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken) =>
        db.Users.Where(u => usernames.Contains(u.Username))
            .Select(u => new { u.Username, u.ClassName })
            .ToDictionaryAsync(u => u.Username, u => u.ClassName, cancellationToken);

    private IQueryable<Submission> Window(DateTime? start, DateTime end, int? problemId, string? username)
    {
        var query = db.Submissions.Where(s => s.ContestId == null && s.CreateTime <= end);
        if (start is { } from)
        {
            query = query.Where(s => s.CreateTime >= from);
        }

        if (problemId is { } id)
        {
            query = query.Where(s => s.ProblemId == id);
        }

        if (!string.IsNullOrEmpty(username))
        {
            query = query.Where(s => s.Username.ToLower().Contains(username.ToLower()));
        }

        return query;
    }
}

using System.Linq.Expressions;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Problems;

namespace OnlineJudge.Data.ProblemSets;

/// <summary>Reads of sets, their problems and badges (problemset.md §1, §2 reads), each one query.</summary>
public class ProblemSetRepository(OnlineJudgeDbContext db)
{
    /// <summary>Sort values of the student list (problemset.md §1.1, the recommended set).</summary>
    public static readonly IReadOnlySet<string> SortFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "-id", "title", "-title", "create_time", "-create_time", "difficulty", "-difficulty", "status", "-status",
    };

    private static readonly Expression<Func<ProblemSetBadge, BadgeDto>> BadgeProjection =
        b => new BadgeDto(b.Id, b.ProblemSetId, b.Name, b.Description, b.Icon, b.ConditionType, b.ConditionValue);

    private static readonly Expression<Func<UserBadge, UserBadgeDto>> UserBadgeProjection = u => new UserBadgeDto(u.Id, u.UserId,
        new BadgeDto(u.Badge!.Id, u.Badge.ProblemSetId, u.Badge.Name, u.Badge.Description, u.Badge.Icon, u.Badge.ConditionType, u.Badge.ConditionValue),
        u.EarnedTime, new ProblemSetRefDto(u.Badge.ProblemSet!.Id, u.Badge.ProblemSet.Title));

    /// <summary>Open sets (§0.1): visible and not a draft.</summary>
    public IQueryable<ProblemSet> OpenSets => db.ProblemSets.Where(s => s.Visible && s.Status != ProblemSetStatus.Draft);

    /// <summary>A page of the open sets with their badges and problem counts.</summary>
    public Task<Page<ProblemSetListRow>> GetOpenPageAsync(ProblemSetListFilter filter, string? sort, PageRequest page,
        CancellationToken cancellationToken) =>
        Order(Filter(OpenSets, filter), sort)
            .Select(s => new ProblemSetListRow(s.Id, s.Title, s.Description, new UserRefDto(s.CreatedBy!.Id, s.CreatedBy.Username, null),
                s.CreateTime, s.Difficulty, s.Status, s.EndTime, s.Problems.Count,
                s.Badges.OrderBy(b => b.Id).Select(b => new BadgeDto(b.Id, b.ProblemSetId, b.Name, b.Description, b.Icon, b.ConditionType,
                    b.ConditionValue)).ToList(), s.Visible))
            .ToPageAsync(page, cancellationToken);

    /// <summary>The admin list (§2.1): visible sets, of <paramref name="creatorId"/> unless null, newest first, without badges.</summary>
    public Task<Page<ProblemSetListRow>> GetAdminPageAsync(ProblemSetListFilter filter, int? creatorId, PageRequest page,
        CancellationToken cancellationToken) =>
        Filter(db.ProblemSets.Where(s => s.Visible && (creatorId == null || s.CreatedById == creatorId)), filter)
            .OrderByDescending(s => s.CreateTime).ThenByDescending(s => s.Id)
            .Select(s => new ProblemSetListRow(s.Id, s.Title, s.Description, new UserRefDto(s.CreatedBy!.Id, s.CreatedBy.Username, null),
                s.CreateTime, s.Difficulty, s.Status, s.EndTime, s.Problems.Count, new List<BadgeDto>(), s.Visible))
            .ToPageAsync(page, cancellationToken);

    /// <summary>One set with its creator and problem count; with <paramref name="openOnly"/> only an open one.</summary>
    public Task<ProblemSetDetailRow?> FindDetailAsync(long id, bool openOnly, CancellationToken cancellationToken) =>
        (openOnly ? OpenSets : db.ProblemSets).Where(s => s.Id == id)
            .Select(s => new ProblemSetDetailRow(s.Id, s.Title, s.Description, s.CreateTime, s.LastUpdateTime, s.Visible, s.Difficulty, s.Status,
                s.EndTime, new UserRefDto(s.CreatedBy!.Id, s.CreatedBy.Username, null), s.Problems.Count))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> IsOpenAsync(long id, CancellationToken cancellationToken) => OpenSets.AnyAsync(s => s.Id == id, cancellationToken);

    public Task<ProblemSetOwnerDto?> FindOwnerAsync(long id, CancellationToken cancellationToken) =>
        db.ProblemSets.Where(s => s.Id == id).Select(s => new ProblemSetOwnerDto(s.Id, s.CreatedById)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The caller's progress rows and earned badges among <paramref name="setIds"/>, in one query.</summary>
    public async Task<ProblemSetCallerState> GetCallerStateAsync(int userId, IReadOnlyCollection<long> setIds, CancellationToken cancellationToken)
    {
        var rows = await db.ProblemSets.Where(s => setIds.Contains(s.Id))
            .Select(s => new
            {
                Progress = s.Progresses.Where(p => p.UserId == userId)
                    .Select(p => new ProgressSummaryRow(p.ProblemSetId, p.ProgressPercentage, p.CompletedProblemsCount, p.TotalProblemsCount,
                        p.IsCompleted))
                    .FirstOrDefault(),
                Earned = db.UserBadges.Where(u => u.UserId == userId && u.Badge!.ProblemSetId == s.Id).Select(u => u.BadgeId).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new ProblemSetCallerState([.. rows.Where(r => r.Progress is not null).Select(r => r.Progress!)], [.. rows.SelectMany(r => r.Earned)]);
    }

    /// <summary>The caller's progress summary in one set; null when not joined.</summary>
    public Task<ProgressSummaryRow?> FindProgressSummaryAsync(long setId, int userId, CancellationToken cancellationToken) =>
        db.ProblemSetProgresses.Where(p => p.ProblemSetId == setId && p.UserId == userId)
            .Select(p => new ProgressSummaryRow(p.ProblemSetId, p.ProgressPercentage, p.CompletedProblemsCount, p.TotalProblemsCount, p.IsCompleted))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The problem ids (keys of <c>progress_detail</c>) the caller completed in a set; null when not joined.</summary>
    public async Task<List<string>?> FindCompletedKeysAsync(long setId, int userId, CancellationToken cancellationToken)
    {
        var rows = await db.ProblemSetProgresses.Where(p => p.ProblemSetId == setId && p.UserId == userId)
            .Select(p => p.ProgressDetail).Take(1).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : [.. rows[0].Keys];
    }

    /// <summary>The problems of a set by <c>order</c> (ties by row id), each with its problem as the problem list shows it.</summary>
    public Task<List<ProblemSetProblemRow>> ListProblemsAsync(long setId, CancellationToken cancellationToken) =>
        db.ProblemSetProblems.Where(p => p.ProblemSetId == setId).OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new ProblemSetProblemRow(p.Id, p.ProblemSetId,
                new ProblemListRow(p.Problem!.Id, p.Problem.DisplayId, p.Problem.Title, p.Problem.SubmissionNumber, p.Problem.AcceptedNumber,
                    p.Problem.Difficulty, new UserRefDto(p.Problem.CreatedBy!.Id, p.Problem.CreatedBy.Username, null),
                    p.Problem.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList(), p.Problem.ContestId, p.Problem.AllowFlowchart,
                    p.Problem.ShowFlowchart, p.Problem.AstRules),
                p.Order, p.IsRequired, p.Score, p.Hint))
            .ToListAsync(cancellationToken);

    /// <summary>The set's problems as <c>{id, _id, title}</c>, by order.</summary>
    public Task<List<ProblemRefDto>> ListProblemRefsAsync(long setId, CancellationToken cancellationToken) =>
        db.ProblemSetProblems.Where(p => p.ProblemSetId == setId).OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new ProblemRefDto(p.Problem!.Id, p.Problem.DisplayId, p.Problem.Title))
            .ToListAsync(cancellationToken);

    /// <summary>Problems by id as <c>{id, _id, title}</c>, for <c>completed_problems</c>.</summary>
    public Task<List<ProblemRefDto>> ListProblemRefsByIdAsync(IReadOnlyCollection<int> problemIds, CancellationToken cancellationToken) =>
        db.Problems.Where(p => problemIds.Contains(p.Id)).Select(p => new ProblemRefDto(p.Id, p.DisplayId, p.Title)).ToListAsync(cancellationToken);

    /// <summary>The badges of a set in row id order.</summary>
    public Task<List<BadgeDto>> ListBadgesAsync(long setId, CancellationToken cancellationToken) =>
        db.ProblemSetBadges.Where(b => b.ProblemSetId == setId).OrderBy(b => b.Id).Select(BadgeProjection).ToListAsync(cancellationToken);

    public Task<BadgeDto?> FindBadgeAsync(long setId, long badgeId, CancellationToken cancellationToken) =>
        db.ProblemSetBadges.Where(b => b.Id == badgeId && b.ProblemSetId == setId).Select(BadgeProjection).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A user's badges of every set, newest first (ties by row id), each with its set.</summary>
    public Task<List<UserBadgeDto>> ListUserBadgesAsync(int userId, CancellationToken cancellationToken) =>
        db.UserBadges.Where(u => u.UserId == userId).OrderByDescending(u => u.EarnedTime).ThenByDescending(u => u.Id).Select(UserBadgeProjection)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The badges of the enabled user with exactly this username, in one query and order as <see cref="ListUserBadgesAsync"/>;
    /// null when there is no such user.
    /// </summary>
    public async Task<List<UserBadgeDto>?> FindUserBadgesByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        var users = await db.Users.Where(u => u.Username == username && !u.IsDisabled).OrderBy(u => u.Id).Take(1)
            .Select(user => db.UserBadges.Where(u => u.UserId == user.Id).OrderByDescending(u => u.EarnedTime).ThenByDescending(u => u.Id)
                .Select(UserBadgeProjection).ToList())
            .ToListAsync(cancellationToken);
        return users.Count == 0 ? null : users[0];
    }

    private static IQueryable<ProblemSet> Filter(IQueryable<ProblemSet> query, ProblemSetListFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Keyword))
        {
            var lowered = filter.Keyword.ToLowerInvariant();
            query = query.Where(s => s.Title.ToLower().Contains(lowered) || s.Description.ToLower().Contains(lowered));
        }

        if (!string.IsNullOrEmpty(filter.Difficulty))
        {
            var difficulty = filter.Difficulty;
            query = query.Where(s => s.Difficulty == difficulty);
        }

        if (!string.IsNullOrEmpty(filter.Status))
        {
            var status = filter.Status;
            query = query.Where(s => s.Status == status);
        }

        return query;
    }

    private static IOrderedQueryable<ProblemSet> Order(IQueryable<ProblemSet> query, string? sort) => sort switch
    {
        "id" => query.OrderBy(s => s.Id),
        "-id" => query.OrderByDescending(s => s.Id),
        "title" => query.OrderBy(s => s.Title).ThenBy(s => s.Id),
        "-title" => query.OrderByDescending(s => s.Title).ThenByDescending(s => s.Id),
        "create_time" => query.OrderBy(s => s.CreateTime).ThenBy(s => s.Id),
        "difficulty" => query.OrderBy(s => s.Difficulty).ThenBy(s => s.Id),
        "-difficulty" => query.OrderByDescending(s => s.Difficulty).ThenByDescending(s => s.Id),
        "status" => query.OrderBy(s => s.Status).ThenBy(s => s.Id),
        "-status" => query.OrderByDescending(s => s.Status).ThenByDescending(s => s.Id),
        _ => query.OrderByDescending(s => s.CreateTime).ThenByDescending(s => s.Id),
    };
}

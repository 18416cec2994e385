using System.Linq.Expressions;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Problems;

namespace OnlineJudge.Data.Contests;

/// <summary>Contests (data-model.md §2.4): projected reads with <c>created_by</c>, status and type computed in SQL; admin writes.</summary>
public class ContestRepository(OnlineJudgeDbContext db)
{
    public Task<ContestGateDto?> FindVisibleGateAsync(int id, CancellationToken cancellationToken) =>
        db.Contests.Where(c => c.Id == id && c.Visible)
            .Select(c => new ContestGateDto(c.Id, c.CreatedById, c.Password, c.StartTime, c.EndTime, c.AllowedIpRanges))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Creator and window of a contest, hidden included (admin ownership checks).</summary>
    public Task<ContestGateDto?> FindGateAsync(int id, CancellationToken cancellationToken) =>
        db.Contests.Where(c => c.Id == id)
            .Select(c => new ContestGateDto(c.Id, c.CreatedById, c.Password, c.StartTime, c.EndTime, c.AllowedIpRanges))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>GET /api/contests: visible contests, <c>start_time</c> desc, filtered and paged in SQL.</summary>
    public Task<Page<ContestDto>> GetVisiblePageAsync(string? keyword, string? status, string? tag, DateTime now, PageRequest page,
        CancellationToken cancellationToken)
    {
        var query = db.Contests.Where(c => c.Visible);
        if (!string.IsNullOrEmpty(keyword))
        {
            var lowered = keyword.ToLowerInvariant();
            query = query.Where(c => c.Title.ToLower().Contains(lowered));
        }

        if (!string.IsNullOrEmpty(tag))
        {
            query = query.Where(c => c.Tag == tag);
        }

        if (!string.IsNullOrEmpty(status))
        {
            query = status switch
            {
                ContestValues.NotStarted => query.Where(c => c.StartTime > now),
                ContestValues.Ended => query.Where(c => c.EndTime < now),
                _ => query.Where(c => c.StartTime <= now && c.EndTime >= now),
            };
        }

        return query.OrderByDescending(c => c.StartTime).ThenByDescending(c => c.Id).Select(Projection<ContestDto>(now))
            .ToPageAsync(page, cancellationToken);
    }

    /// <summary>GET /api/contest: one visible contest with its creator, in one query.</summary>
    public async Task<ContestDetailDto?> FindVisibleDetailAsync(int id, DateTime now, CancellationToken cancellationToken) =>
        await db.Contests.Where(c => c.Id == id && c.Visible).Select(Projection<ContestDetailDto>(now)).FirstOrDefaultAsync(cancellationToken)
            is { } contest ? contest with { Now = now } : null;

    public Task<ContestAdminDto?> FindAdminAsync(int id, DateTime now, CancellationToken cancellationToken) =>
        AdminProjection(db.Contests.Where(c => c.Id == id), now).FirstOrDefaultAsync(cancellationToken);

    /// <summary>GET /api/admin/contest list: hidden included, <c>create_time</c> desc; <paramref name="createdById"/> limits to one creator.</summary>
    public Task<Page<ContestAdminDto>> GetAdminPageAsync(string? keyword, int? createdById, DateTime now, PageRequest page,
        CancellationToken cancellationToken)
    {
        var query = db.Contests.AsQueryable();
        if (createdById is { } creator)
        {
            query = query.Where(c => c.CreatedById == creator);
        }

        if (!string.IsNullOrEmpty(keyword))
        {
            query = query.Where(c => c.Title.Contains(keyword));
        }

        return AdminProjection(query.OrderByDescending(c => c.CreateTime).ThenByDescending(c => c.Id), now).ToPageAsync(page, cancellationToken);
    }

    public async Task<int> CreateAsync(ContestWriteDto values, int createdById, DateTime now, CancellationToken cancellationToken)
    {
        var contest = new Contest { CreatedById = createdById, CreateTime = now };
        Apply(contest, values, now);
        db.Contests.Add(contest);
        await db.SaveChangesAsync(cancellationToken);
        return contest.Id;
    }

    /// <summary>Overwrites every admin field; false when the contest is gone.</summary>
    public async Task<bool> UpdateAsync(int id, ContestWriteDto values, DateTime now, CancellationToken cancellationToken)
    {
        var contest = await db.Contests.AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contest is null)
        {
            return false;
        }

        Apply(contest, values, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// contest.md §2.4: a hidden copy starting in ten minutes, with copies of every problem (tags included, counters
    /// reset); run it in a transaction. Returns the new id, or null when the original does not exist.
    /// </summary>
    public async Task<int?> CloneAsync(int sourceId, int createdById, DateTime now, CancellationToken cancellationToken)
    {
        var source = await db.Contests.Where(c => c.Id == sourceId)
            .Select(c => new { c.Title, c.Description, c.Tag, c.Password, c.AllowedIpRanges, c.StartTime, c.EndTime })
            .FirstOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            return null;
        }

        // Whole microseconds (what timestamptz keeps), so that end − start stays the original duration exactly.
        var start = now.AddMinutes(10).AddTicks(-(now.Ticks % 10));
        var contest = new Contest
        {
            Title = source.Title,
            Description = source.Description,
            Tag = source.Tag,
            Password = source.Password,
            AllowedIpRanges = source.AllowedIpRanges,
            StartTime = start,
            EndTime = start + (source.EndTime - source.StartTime),
            Visible = false,
            CreatedById = createdById,
            CreateTime = now,
            LastUpdateTime = now,
        };
        db.Contests.Add(contest);
        await db.SaveChangesAsync(cancellationToken);

        var problems = await db.Problems.Where(p => p.ContestId == sourceId).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var tagIds = await db.ProblemTagLinks.Where(l => db.Problems.Any(p => p.Id == l.ProblemId && p.ContestId == sourceId))
            .Select(l => new { l.ProblemId, l.ProblemTagId })
            .ToListAsync(cancellationToken);
        var copies = problems.Select(p => (Original: p.Id, Copy: ProblemCopies.Copy(p, new ProblemCopyDto(contest.Id, p.IsPublic, p.Visible, p.DisplayId), createdById, now, p.LastUpdateTime))).ToList();
        db.Problems.AddRange(copies.Select(c => c.Copy));
        await db.SaveChangesAsync(cancellationToken);

        var newIds = copies.ToDictionary(c => c.Original, c => c.Copy.Id);
        db.ProblemTagLinks.AddRange(tagIds.Select(t => new ProblemTagLink { ProblemId = newIds[t.ProblemId], ProblemTagId = t.ProblemTagId }));
        await db.SaveChangesAsync(cancellationToken);
        return contest.Id;
    }

    /// <summary>
    /// Every ranked row of a contest (contest.md §1.5, §3) in rank order, with users and real names, in one query:
    /// <c>accepted_number</c> desc, <c>total_time</c> asc (the <c>acm_rank_order_idx</c> columns), row id as a stable tie-break.
    /// </summary>
    public Task<List<ContestRankRowDto>> GetRankRowsAsync(int contestId, CancellationToken cancellationToken) =>
        RankRows(contestId).ToListAsync(cancellationToken);

    /// <summary>One page of <see cref="GetRankRowsAsync"/> and the total (read when the rank snapshot is unreachable).</summary>
    public Task<Page<ContestRankRowDto>> GetRankPageAsync(int contestId, int offset, int limit, CancellationToken cancellationToken) =>
        RankRows(contestId).ToPageAsync(new PageRequest(limit, offset), cancellationToken);

    private IQueryable<ContestRankRowDto> RankRows(int contestId) =>
        db.AcmContestRanks
            .Where(r => r.ContestId == contestId && !r.User!.IsDisabled
                && (r.User.AdminType == AdminType.RegularUser || r.User.AdminType == AdminType.StudentAdmin))
            .OrderByDescending(r => r.AcceptedNumber).ThenBy(r => r.TotalTime).ThenBy(r => r.Id)
            .Select(r => new ContestRankRowDto(
                r.Id,
                new UserRefDto(r.User!.Id, r.User.Username, r.User.Profile!.RealName),
                r.SubmissionNumber,
                r.AcceptedNumber,
                r.TotalTime,
                r.SubmissionInfo,
                r.ContestId));

    /// <summary>The contests a user has a rank row in (to invalidate their cached ranks when the user changes).</summary>
    public Task<List<int>> GetRankedContestIdsAsync(int userId, CancellationToken cancellationToken) =>
        db.AcmContestRanks.Where(r => r.UserId == userId).Select(r => r.ContestId).ToListAsync(cancellationToken);

    /// <summary>Visible problems of a contest ordered by display id (rank download columns).</summary>
    public Task<List<ContestProblemRefDto>> GetVisibleProblemsAsync(int contestId, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.ContestId == contestId && p.Visible)
            .OrderBy(p => p.DisplayId)
            .Select(p => new ContestProblemRefDto(p.Id, p.DisplayId, p.Title))
            .ToListAsync(cancellationToken);

    /// <summary>Every problem of a contest, hidden included.</summary>
    public Task<List<ContestProblemRefDto>> GetProblemsAsync(int contestId, CancellationToken cancellationToken) =>
        db.Problems.Where(p => p.ContestId == contestId)
            .OrderBy(p => p.Id)
            .Select(p => new ContestProblemRefDto(p.Id, p.DisplayId, p.Title))
            .ToListAsync(cancellationToken);

    /// <summary>Rank rows with an accepted problem, users of every type (contest.md §2.5).</summary>
    public Task<List<AcmHelperRankDto>> GetAcceptedRanksAsync(int contestId, CancellationToken cancellationToken) =>
        db.AcmContestRanks.Where(r => r.ContestId == contestId && r.AcceptedNumber > 0)
            .OrderBy(r => r.Id)
            .Select(r => new AcmHelperRankDto(r.Id, r.User!.Username, r.User.Profile!.RealName, r.SubmissionInfo))
            .ToListAsync(cancellationToken);

    /// <summary>Whether a rank row exists in that contest.</summary>
    public Task<bool> RankExistsAsync(int rankId, int contestId, CancellationToken cancellationToken) =>
        db.AcmContestRanks.AnyAsync(r => r.Id == rankId && r.ContestId == contestId, cancellationToken);

    /// <summary>
    /// Sets <c>submission_info[problemId].checked</c> in place, atomically in SQL so a concurrent judge update of the row
    /// is not overwritten. False when the row has no entry for that problem.
    /// </summary>
    public async Task<bool> SetCheckedAsync(int rankId, string problemId, bool isChecked, CancellationToken cancellationToken)
    {
        var path = new[] { problemId, "checked" };
        var updated = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE acm_contest_rank
            SET submission_info = jsonb_set(submission_info, {path}, to_jsonb({isChecked}))
            WHERE id = {rankId} AND jsonb_typeof(submission_info -> {problemId}) = 'object'
            """,
            cancellationToken);
        return updated > 0;
    }

    // Legacy contest announcements (contest.md §5).

    public Task<List<ContestAnnouncementDto>> GetVisibleAnnouncementsAsync(int contestId, int? afterId, CancellationToken cancellationToken)
    {
        var query = db.ContestAnnouncements.Where(a => a.ContestId == contestId && a.Visible);
        if (afterId is { } id)
        {
            query = query.Where(a => a.Id > id);
        }

        return AnnouncementProjection(query).ToListAsync(cancellationToken);
    }

    public Task<List<ContestAnnouncementDto>> GetAnnouncementsAsync(int contestId, string? keyword, CancellationToken cancellationToken)
    {
        var query = db.ContestAnnouncements.Where(a => a.ContestId == contestId);
        if (!string.IsNullOrEmpty(keyword))
        {
            query = query.Where(a => a.Title.Contains(keyword));
        }

        return AnnouncementProjection(query).ToListAsync(cancellationToken);
    }

    public Task<ContestAnnouncementDto?> FindAnnouncementAsync(int id, CancellationToken cancellationToken) =>
        AnnouncementProjection(db.ContestAnnouncements.Where(a => a.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) => db.Contests.AnyAsync(c => c.Id == id, cancellationToken);

    public async Task<int> CreateAnnouncementAsync(int contestId, string title, string content, bool visible, int createdById, DateTime now,
        CancellationToken cancellationToken)
    {
        var announcement = new ContestAnnouncement
        {
            ContestId = contestId,
            Title = title,
            Content = content,
            Visible = visible,
            CreatedById = createdById,
            CreateTime = now,
        };
        db.ContestAnnouncements.Add(announcement);
        await db.SaveChangesAsync(cancellationToken);
        return announcement.Id;
    }

    /// <summary>Updates the given fields; false when the announcement does not exist.</summary>
    public async Task<bool> UpdateAnnouncementAsync(int id, string? title, string? content, bool? visible, CancellationToken cancellationToken)
    {
        var announcement = await db.ContestAnnouncements.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (announcement is null)
        {
            return false;
        }

        announcement.Title = title ?? announcement.Title;
        announcement.Content = content ?? announcement.Content;
        announcement.Visible = visible ?? announcement.Visible;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<int> DeleteAnnouncementAsync(int id, CancellationToken cancellationToken) =>
        db.ContestAnnouncements.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Accepted submissions of a contest by existing users, newest first (legacy download_submissions).</summary>
    public Task<List<AcceptedSubmissionCodeDto>> GetAcceptedSubmissionCodesAsync(int contestId, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.ContestId == contestId && (s.Result == JudgeStatus.Accepted || s.Result == JudgeStatus.AstCheckFailed))
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s, u })
            .OrderByDescending(x => x.s.CreateTime)
            .Select(x => new AcceptedSubmissionCodeDto(
                x.u.Id,
                x.u.Username,
                x.u.AdminType == AdminType.StudentAdmin || x.u.AdminType == AdminType.TeacherAdmin || x.u.AdminType == AdminType.SuperAdmin,
                x.s.ProblemId,
                x.s.Code))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The <c>Contest</c> fields of every contest shape, with <c>status</c> and <c>contest_type</c> computed in SQL;
    /// <typeparamref name="T"/> picks the shape, whose other fields the caller adds.
    /// </summary>
    private static Expression<Func<Contest, T>> Projection<T>(DateTime now)
        where T : ContestDto, new() =>
        c => new T
        {
            Id = c.Id, CreatedBy = new UserRefDto(c.CreatedBy!.Id, c.CreatedBy.Username, null),
            Status = c.StartTime > now ? ContestValues.NotStarted : c.EndTime < now ? ContestValues.Ended : ContestValues.Underway,
            ContestType = c.Password != null && c.Password != "" ? ContestValues.PasswordProtected : ContestValues.Public,
            Title = c.Title, Description = c.Description, Tag = c.Tag, StartTime = c.StartTime, EndTime = c.EndTime,
            CreateTime = c.CreateTime, LastUpdateTime = c.LastUpdateTime,
        };

    /// <summary>The admin shape: <see cref="Projection{T}"/> plus password, visibility and IP ranges, in the same query.</summary>
    private static IQueryable<ContestAdminDto> AdminProjection(IQueryable<Contest> query, DateTime now)
    {
        var contest = Projection<ContestAdminDto>(now);
        var source = contest.Parameters[0];
        var body = (MemberInitExpression)contest.Body;
        MemberBinding Bind(string name) => Expression.Bind(typeof(ContestAdminDto).GetProperty(name)!, Expression.Property(source, name));
        var admin = Expression.MemberInit(body.NewExpression,
            [.. body.Bindings, Bind(nameof(Contest.Password)), Bind(nameof(Contest.Visible)), Bind(nameof(Contest.AllowedIpRanges))]);
        return query.Select(Expression.Lambda<Func<Contest, ContestAdminDto>>(admin, source));
    }

    private static IQueryable<ContestAnnouncementDto> AnnouncementProjection(IQueryable<ContestAnnouncement> query) =>
        query.OrderByDescending(a => a.CreateTime).ThenByDescending(a => a.Id)
            .Select(a => new ContestAnnouncementDto(a.Id, a.ContestId, a.Title, a.Content,
                new UserRefDto(a.CreatedBy!.Id, a.CreatedBy.Username, null), a.Visible, a.CreateTime));

    private static void Apply(Contest contest, ContestWriteDto values, DateTime now)
    {
        contest.Title = values.Title;
        contest.Description = values.Description;
        contest.Tag = values.Tag;
        contest.StartTime = values.StartTime;
        contest.EndTime = values.EndTime;
        contest.Password = values.Password;
        contest.Visible = values.Visible;
        contest.AllowedIpRanges = values.AllowedIpRanges;
        contest.LastUpdateTime = now;
    }
}

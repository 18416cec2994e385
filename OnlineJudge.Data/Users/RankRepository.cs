using System.Linq.Expressions;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Users;

/// <summary>Rank lists (account.md A9–A11, Part B): counts, sums and order computed in SQL.</summary>
public class RankRepository(OnlineJudgeDbContext db)
{
    /// <summary>Users who appear in rank lists and class statistics: regular users and student admins, not disabled.</summary>
    private static readonly Expression<Func<User, bool>> IsRanked = u =>
        (u.AdminType == AdminType.RegularUser || u.AdminType == AdminType.StudentAdmin) && !u.IsDisabled;

    /// <summary>account.md A9; <paramref name="n"/> &gt; 0 cuts the ordered set before paging.</summary>
    public Task<Page<RankInfoDto>> GetUserRankPageAsync(string username, int n, PageRequest page, CancellationToken cancellationToken)
    {
        var users = db.Users.Where(IsRanked);
        if (username.Length > 0)
        {
            var pattern = LikePatterns.Contains(username);
            users = users.Where(u => EF.Functions.ILike(u.Username, pattern, LikePatterns.Escape));
        }

        var ranked = db.UserProfiles.Where(p => users.Any(u => u.Id == p.UserId))
            .OrderByDescending(p => p.AcceptedNumber).ThenBy(p => p.SubmissionNumber).ThenBy(p => p.Id)
            .Select(p => new RankInfoDto(new UserRefDto(p.User!.Id, p.User.Username, null), p.Id, p.AcceptedNumber, p.SubmissionNumber, p.Mood));
        if (n > 0)
        {
            ranked = ranked.Take(n);
        }

        return ranked.ToPageAsync(page, cancellationToken);
    }

    /// <summary>
    /// account.md A10: top ten usernames by distinct problems solved (Accepted or AST-check-failed, outside contests)
    /// since <paramref name="start"/>; super admins and disabled users are left out.
    /// </summary>
    public Task<List<ActivityRankDto>> GetActivityRankAsync(DateTime start, CancellationToken cancellationToken) =>
        db.Submissions
            .Where(s => s.ContestId == null && s.CreateTime >= start
                && (s.Result == JudgeStatus.Accepted || s.Result == JudgeStatus.AstCheckFailed))
            .Where(s => !db.Users.Any(u => u.Username == s.Username && (u.AdminType == AdminType.SuperAdmin || u.IsDisabled)))
            .GroupBy(s => s.Username)
            .Select(g => new { Username = g.Key, Count = g.Select(s => s.ProblemId).Distinct().Count() })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Username)
            .Take(10)
            .Select(r => new ActivityRankDto(r.Username, r.Count))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// account.md A11 in one statement. The problem is the public visible one whose display id matches
    /// case-insensitively (an exact match wins). When the caller has a class, accepted submissions are restricted to
    /// the enabled users of that class.
    /// </summary>
    public async Task<ProblemRankStatsDto> GetProblemRankStatsAsync(string displayId, int userId, CancellationToken cancellationToken)
    {
        var row = await db.Database.SqlQuery<ProblemRankRow>($"""
            WITH me AS (
                SELECT coalesce((SELECT class_name FROM "user" WHERE id = {userId}), '') AS class_name),
            p AS (
                SELECT id FROM problem
                WHERE contest_id IS NULL AND visible AND lower(_id) = lower({displayId})
                ORDER BY (_id = {displayId}) DESC, id
                LIMIT 1),
            ac AS (
                SELECT s.user_id, s.create_time FROM submission s JOIN p ON s.problem_id = p.id
                WHERE s.result IN (0, 10)),
            restricted AS (
                SELECT ac.user_id, ac.create_time FROM ac CROSS JOIN me
                WHERE me.class_name = '' OR ac.user_id IN (
                    SELECT u.id FROM "user" u WHERE u.class_name = me.class_name AND NOT u.is_disabled)),
            mine AS (
                SELECT min(create_time) AS first_ac FROM restricted WHERE user_id = {userId})
            SELECT
                (SELECT class_name FROM me) AS "ClassName",
                (SELECT count(*) FROM p) AS "Found",
                (SELECT count(DISTINCT user_id) FROM ac) AS "AllAc",
                (SELECT count(DISTINCT user_id) FROM restricted) AS "ClassAc",
                (SELECT CASE WHEN mine.first_ac IS NULL THEN -1
                             ELSE (SELECT count(*) FROM restricted r WHERE r.create_time <= mine.first_ac) END
                 FROM mine) AS "Rank"
            """).SingleAsync(cancellationToken);
        return new ProblemRankStatsDto(row.Found > 0, row.ClassName, (int)row.AllAc,
            row.ClassName.Length > 0 ? (int)row.ClassAc : 0, (int)row.Rank);
    }

    /// <summary>account.md B1: per class whose number starts with <paramref name="prefix"/>, its students' totals.</summary>
    public Task<List<ClassTotalsDto>> GetClassTotalsAsync(string prefix, CancellationToken cancellationToken) =>
        db.Users.Where(IsRanked)
            .Where(u => u.ClassName != null && u.ClassName.StartsWith(prefix))
            .Select(u => new
            {
                ClassName = u.ClassName!,
                Accepted = (long?)u.Profile!.AcceptedNumber ?? 0,
                Submissions = (long?)u.Profile!.SubmissionNumber ?? 0,
            })
            .GroupBy(x => x.ClassName)
            .Select(g => new ClassTotalsDto(g.Key, g.Count(), g.Sum(x => x.Accepted), g.Sum(x => x.Submissions)))
            .ToListAsync(cancellationToken);

    public Task<string?> GetClassNameAsync(int userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.ClassName).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The students of the classes, best first (accepted desc, submissions asc, then user id).</summary>
    public Task<List<ClassStudentDto>> GetClassStudentsAsync(IReadOnlyCollection<string> classNames, CancellationToken cancellationToken) =>
        db.Users.Where(IsRanked)
            .Where(u => u.ClassName != null && classNames.Contains(u.ClassName))
            .Select(u => new
            {
                u.Id,
                u.Username,
                ClassName = u.ClassName!,
                Accepted = (int?)u.Profile!.AcceptedNumber ?? 0,
                Submissions = (int?)u.Profile!.SubmissionNumber ?? 0,
            })
            .OrderByDescending(s => s.Accepted).ThenBy(s => s.Submissions).ThenBy(s => s.Id)
            .Select(s => new ClassStudentDto(s.Id, s.Username, s.ClassName, s.Accepted, s.Submissions))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Per student of the classes with a submission in [start, end]: distinct problems accepted (result 0 only) and
    /// submissions. Students without submissions in the range are absent.
    /// </summary>
    public Task<List<StudentRecentDto>> GetRecentActivityAsync(IReadOnlyCollection<string> classNames, DateTime start, DateTime end,
        CancellationToken cancellationToken)
    {
        var students = db.Users.Where(IsRanked).Where(u => u.ClassName != null && classNames.Contains(u.ClassName)).Select(u => u.Id);
        return db.Submissions
            .Where(s => students.Contains(s.UserId) && s.CreateTime >= start && s.CreateTime <= end)
            .GroupBy(s => s.UserId)
            .Select(g => new StudentRecentDto(g.Key,
                g.Where(s => s.Result == JudgeStatus.Accepted).Select(s => s.ProblemId).Distinct().Count(),
                g.Count()))
            .ToListAsync(cancellationToken);
    }

    private sealed class ProblemRankRow
    {
        public string ClassName { get; set; } = "";
        public long Found { get; set; }
        public long AllAc { get; set; }
        public long ClassAc { get; set; }
        public long Rank { get; set; }
    }
}

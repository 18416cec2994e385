using System.Globalization;
using System.Text.Json;
using OnlineJudge.Data.Json;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Users;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Users;

/// <summary>Class rank lists (account.md Part B) and the class username list of the login dialog (conf.md §3).</summary>
public class ClassRankService(RankRepository ranks, UserAdminRepository users)
{
    private const string ClassPkNeedsClasses = "至少需要选择2个班级进行比较";

    /// <summary>B1: classes of a grade (class numbers starting with it), best total first.</summary>
    public async Task<ServiceResult<List<ClassRankDto>>> GetClassRankAsync(long grade, CancellationToken cancellationToken)
    {
        var classes = await ranks.GetClassTotalsAsync(grade.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return classes
            .OrderByDescending(c => c.TotalAc).ThenBy(c => c.TotalSubmission).ThenBy(c => c.ClassName, StringComparer.Ordinal)
            .Select((c, index) => new ClassRankDto(c.ClassName, c.UserCount, c.TotalAc, c.TotalSubmission,
                ClassStatistics.Round(c.TotalAc / (double)c.UserCount, 2),
                c.TotalSubmission > 0 ? ClassStatistics.Round(c.TotalAc / (double)c.TotalSubmission * 100, 2) : 0,
                index + 1))
            .ToList();
    }

    /// <summary>B2: the caller's class, around the caller (window) or one page of it (<c>scope=all</c>).</summary>
    public async Task<ServiceResult<UserClassRankDto>> GetUserClassRankAsync(int userId, UserClassRankQuery query, CancellationToken cancellationToken)
    {
        var className = await ranks.GetClassNameAsync(userId, cancellationToken);
        if (string.IsNullOrEmpty(className))
        {
            return ServiceError.Of("用户没有班级信息");
        }

        var page = query.Page;
        var pageLimit = page.Limit == 0 ? PageRequest.DefaultLimit : page.Limit;
        var students = await ranks.GetClassStudentsAsync([className], cancellationToken);
        var rows = students.Select((s, index) => new ClassStudentRankDto(s.UserId, s.Username, s.AcceptedNumber, s.SubmissionNumber, index + 1))
            .ToList();
        var myRank = rows.FirstOrDefault(r => r.UserId == userId)?.Rank ?? -1;

        IReadOnlyList<ClassStudentRankDto> shown = rows;
        if (string.Equals(query.Scope, "all", StringComparison.OrdinalIgnoreCase))
        {
            shown = [.. rows.Skip(page.Offset).Take(pageLimit)];
        }
        else if (myRank > 0 && rows.Count > 10)
        {
            var start = Math.Max(0, myRank - 1 - 5);
            var end = Math.Min(start + 10, rows.Count);
            start = Math.Max(0, end - 10);
            shown = rows[start..end];
        }

        return new UserClassRankDto(className, myRank, rows.Count, shown);
    }

    /// <summary>B3: compares classes (request order kept for ties); <c>recent_*</c> figures when both times are given.</summary>
    public async Task<ServiceResult<ClassPkDto>> CompareAsync(RequestData data, CancellationToken cancellationToken)
    {
        if (data.Json is not { ValueKind: JsonValueKind.Object } body)
        {
            return ServiceError.Of("Invalid data, expected a JSON object with class_name");
        }

        if (!body.TryGetProperty("class_name", out var list) || list.ValueKind == JsonValueKind.Null
            || (list.ValueKind == JsonValueKind.Array && list.GetArrayLength() == 0))
        {
            return ServiceError.Of(ClassPkNeedsClasses);
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return ServiceError.Of("class_name must be a list of class numbers");
        }

        var classNames = new List<string>();
        foreach (var item in list.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    classNames.Add(item.GetString()!);
                    break;
                case JsonValueKind.Number:
                    classNames.Add(item.GetRawText());
                    break;
                default:
                    return ServiceError.Of("class_name must be a list of class numbers");
            }
        }

        var start = ReadTime(body, "start_time");
        var end = ReadTime(body, "end_time");
        var hasRange = start is not null && end is not null;

        var distinct = classNames.Distinct(StringComparer.Ordinal).ToList();
        var students = await ranks.GetClassStudentsAsync(distinct, cancellationToken);
        var recent = hasRange
            ? (await ranks.GetRecentActivityAsync(distinct, start!.Value, end!.Value, cancellationToken)).ToDictionary(r => r.UserId)
            : null;

        var all = students.Select(s => s.AcceptedNumber).ToList();
        var (globalQ1, globalQ3) = all.Count switch
        {
            0 => (0d, 0d),
            1 => (all[0], all[0]),
            _ => ClassStatistics.Quartiles(all),
        };

        var byClass = students.ToLookup(s => s.ClassName, StringComparer.Ordinal);
        var comparisons = classNames
            .Where(name => byClass[name].Any())
            .Select(name => Compare(name, [.. byClass[name]], recent, globalQ1, globalQ3))
            .ToList();

        var maxMedian = comparisons.Count == 0 ? 0 : comparisons.Max(c => c.MedianAc);
        var maxMiddle = comparisons.Count == 0 ? 0 : comparisons.Max(c => c.Middle80Avg);
        maxMedian = maxMedian == 0 ? 1 : maxMedian;
        maxMiddle = maxMiddle == 0 ? 1 : maxMiddle;
        var scored = comparisons
            .Select(c => c with
            {
                CompositeScore = ClassStatistics.Round(
                    0.40 * c.MedianAc / maxMedian * 100 + 0.15 * c.Middle80Avg / maxMiddle * 100
                    + 0.20 * c.ActiveRate + 0.15 * c.PassRate + 0.10 * c.ExcellentRate, 1),
            })
            .OrderByDescending(c => c.CompositeScore).ThenByDescending(c => c.MedianAc)
            .ToList();
        return new ClassPkDto(scored, hasRange);
    }

    /// <summary>conf.md §3: a class's usernames without their <c>ks&lt;class&gt;</c> prefix, newest first.</summary>
    public async Task<ServiceResult<List<string>>> GetClassUsernamesAsync(string? classroom, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(classroom))
        {
            return ServiceError.Of("需要班级号");
        }

        var usernames = await users.GetClassUsernamesAsync(classroom, cancellationToken);
        return usernames.Select(u => ClassNames.StripClassPrefix(u, classroom)).ToList();
    }

    private static ClassComparisonDto Compare(string className, List<ClassStudentDto> students,
        Dictionary<int, StudentRecentDto>? recent, double globalQ1, double globalQ3)
    {
        var count = students.Count;
        var accepted = students.Select(s => s.AcceptedNumber).OrderDescending().ToList();
        var totalAc = accepted.Sum(a => (long)a);
        var totalSubmission = students.Sum(s => (long)s.SubmissionNumber);
        var (q1, q3) = count >= 2 ? ClassStatistics.Quartiles(accepted) : (0d, 0d);
        var k = Math.Max(1, (int)Math.Ceiling(count * 0.10));
        var middle = 2 * k < count ? accepted.Skip(k).Take(count - 2 * k).ToList() : accepted;

        var comparison = new ClassComparisonDto
        {
            ClassName = className,
            UserCount = count,
            TotalAc = totalAc,
            TotalSubmission = totalSubmission,
            AvgAc = Round2(ClassStatistics.Mean(accepted)),
            MedianAc = Round2(ClassStatistics.Median(accepted)),
            Q1Ac = Round2(q1),
            Q3Ac = Round2(q3),
            Iqr = Round2(q3 - q1),
            StdDev = Round2(count >= 2 ? ClassStatistics.SampleStdDev(accepted) : 0),
            Top10Avg = Round2(ClassStatistics.Mean(accepted.Take(k).ToList())),
            Middle80Avg = Round2(ClassStatistics.Mean(middle)),
            Bottom10Avg = Round2(ClassStatistics.Mean(accepted.Skip(count - k).ToList())),
            ExcellentRate = Round2(Percent(accepted.Count(a => a >= globalQ3), count)),
            PassRate = Round2(Percent(accepted.Count(a => a >= globalQ1), count)),
            ActiveRate = Round2(Percent(students.Count(s => s.SubmissionNumber > 0), count)),
            AcRate = totalSubmission > 0 ? Round2(totalAc / (double)totalSubmission * 100) : 0,
        };
        if (recent is null)
        {
            return comparison;
        }

        var recentAccepted = students.Select(s => recent.TryGetValue(s.UserId, out var r) ? r.AcceptedProblems : 0)
            .OrderDescending().ToList();
        var top = Math.Max(1, (int)Math.Ceiling(count * 0.1));
        return comparison with
        {
            RecentTotalAc = recentAccepted.Sum(a => (long)a),
            RecentTotalSubmission = students.Sum(s => recent.TryGetValue(s.UserId, out var r) ? (long)r.Submissions : 0),
            RecentAvgAc = ClassStatistics.Mean(recentAccepted),
            RecentMedianAc = ClassStatistics.Median(recentAccepted),
            RecentTop10Avg = ClassStatistics.Mean(recentAccepted.Take(top).ToList()),
            RecentActiveCount = recentAccepted.Count(a => a > 0),
        };
    }

    private static double Percent(int part, int whole) => part / (double)whole * 100;

    private static double Round2(double value) => ClassStatistics.Round(value, 2);

    /// <summary>An ISO 8601 time of the body (no offset: Asia/Shanghai); absent, blank or unparsable → null.</summary>
    private static DateTime? ReadTime(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && TimeFormats.TryParse(value.GetString(), out var utc)
            ? utc
            : null;
}

using System.Globalization;
using OnlineJudge.Data.Submissions;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Submissions;

public sealed record SubmissionItemDto(string Id, int Result);

public sealed record StatisticsUserDto(string Username, string? ClassName, int SubmissionCount, int AcceptedCount, string CorrectRate,
    List<SubmissionItemDto> SubmissionItems);

public sealed record UnacceptedUserDto(string Username, string RealName);

/// <summary>The panel data of <c>GET /api/admin/submission/statistics</c> (submission.md §2.2).</summary>
public sealed record SubmissionStatisticsDto(
    int SubmissionCount,
    int AcceptedCount,
    string CorrectRate,
    int PersonCount,
    string PersonRate,
    List<StatisticsUserDto> Data,
    List<UnacceptedUserDto> DataUnaccepted);

/// <summary>"Who in this class solved this problem in the last N minutes" (submission.md §2.2).</summary>
public class SubmissionStatisticsService(SubmissionStatisticsRepository statistics, SubmissionRepository submissions)
{
    public async Task<ServiceResult<SubmissionStatisticsDto>> GetAsync(StatisticsQuery query, CancellationToken cancellationToken)
    {
        var window = StatisticsWindow.Parse(query.Start, query.End);
        if (window.Error is { } invalid)
        {
            return invalid;
        }

        var (start, end) = window.Data;

        int? problemId = null;
        if (!string.IsNullOrEmpty(query.ProblemId))
        {
            problemId = await submissions.FindVisibleProblemIdAsync(query.ProblemId, null, cancellationToken, exactCase: true);
            if (problemId is null)
            {
                return ServiceError.Of("Problem doesn't exist");
            }
        }

        var username = string.IsNullOrEmpty(query.Username) ? null : query.Username;
        var perUser = await statistics.CountByUserAsync(start, end, problemId, username, cancellationToken);
        var roster = username is null ? [] : await statistics.ListRosterAsync(username, cancellationToken);
        var solvers = perUser.Where(u => u.AcceptedCount > 0).ToList();
        var solverNames = solvers.Select(u => u.Username).ToList();
        var items = solverNames.Count == 0 ? [] : await statistics.ListItemsAsync(start, end, problemId, solverNames, cancellationToken);
        var classNames = solverNames.Count == 0 ? [] : await statistics.ClassNamesAsync(solverNames, cancellationToken);
        var itemsByUser = items.GroupBy(i => i.Username).ToDictionary(g => g.Key, g => g.Select(i => new SubmissionItemDto(i.Id, i.Result)).ToList());

        var submissionCount = perUser.Sum(u => u.SubmissionCount);
        var acceptedCount = perUser.Sum(u => u.AcceptedCount);
        var submitted = perUser.Select(u => u.Username).ToHashSet(StringComparer.Ordinal);
        var data = solvers.Select(u => new StatisticsUserDto(u.Username, classNames.GetValueOrDefault(u.Username), u.SubmissionCount, u.AcceptedCount,
            Percent(u.AcceptedCount, u.SubmissionCount), itemsByUser.GetValueOrDefault(u.Username) ?? [])).ToList();
        var unaccepted = roster.Where(r => !submitted.Contains(r.Username))
            .Select(r => new UnacceptedUserDto(r.Username, RealName(r.Username, r.ClassName))).ToList();

        var personRate = "0%";
        if (roster.Count > 0)
        {
            var rate = Math.Round(data.Count * 100.0 / roster.Count, 2, MidpointRounding.ToEven);
            personRate = rate >= 100 ? "100%" : PyFloat(rate) + "%";
        }

        return new SubmissionStatisticsDto(submissionCount, acceptedCount, submissionCount == 0 ? "0%" : Percent(acceptedCount, submissionCount),
            Math.Max(roster.Count, roster.Count == 0 ? 0 : data.Count), personRate, data, unaccepted);
    }

    /// <summary><c>f"{round(part / whole * 100, 2)}%"</c> as Python prints it.</summary>
    public static string Percent(int part, int whole) => PyFloat(Math.Round(part * 100.0 / whole, 2, MidpointRounding.ToEven)) + "%";

    /// <summary>Python's <c>str(float)</c> for the values here: whole numbers keep one decimal (<c>50.0</c>).</summary>
    public static string PyFloat(double value) =>
        value == Math.Floor(value) ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The username without its <c>ks&lt;class&gt;</c> prefix when the user has a class (submission.md §2.2).</summary>
    public static string RealName(string username, string? className) =>
        !string.IsNullOrEmpty(className) && username.StartsWith("ks", StringComparison.Ordinal) && username.Length >= 2 + className.Length
            ? username[(2 + className.Length)..]
            : username;
}

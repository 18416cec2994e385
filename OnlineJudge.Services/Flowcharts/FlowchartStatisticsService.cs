using System.Text.Json;
using OnlineJudge.Data.Flowcharts;
using OnlineJudge.Data.Submissions;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Submissions;

namespace OnlineJudge.Services.Flowcharts;

public sealed record CriterionAverageDto(double Avg, double Max);

public sealed record WordCountDto(string Word, int Count);

/// <summary>The teacher's flowchart panel (flowchart.md §2.1).</summary>
public sealed record FlowchartStatisticsDto(
    int TotalCount,
    double AvgScore,
    Dictionary<string, int> GradeDistribution,
    Dictionary<string, CriterionAverageDto> CriteriaAverages,
    int PersonCount,
    int CompletedCount,
    List<WordCountDto> WordFrequencies,
    List<UnacceptedUserDto> DataUnaccepted);

/// <summary>"How did this class's flowcharts do": grades, criteria, suggestion words, who has none (flowchart.md §2.1).</summary>
public class FlowchartStatisticsService(FlowchartSubmissionRepository submissions, SubmissionStatisticsRepository rosters, SuggestionWords words)
{
    public async Task<ServiceResult<FlowchartStatisticsDto>> GetAsync(StatisticsQuery query, CancellationToken cancellationToken)
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
            problemId = await submissions.FindPublicProblemIdAsync(query.ProblemId, cancellationToken);
            if (problemId is null)
            {
                return ServiceError.Of("Problem doesn't exist");
            }
        }

        var username = string.IsNullOrEmpty(query.Username) ? null : query.Username;
        var rows = await submissions.ListForStatisticsAsync(start, end, problemId, username, cancellationToken);
        var roster = username is null ? [] : await rosters.ListRosterAsync(username, cancellationToken);
        if (rows.Count == 0)
        {
            // As the reference (flowchart.md §2.1): an empty window lists nobody as missing, though the roster is counted.
            return new FlowchartStatisticsDto(0, 0, [], [], roster.Count, 0, [], []);
        }

        var submitted = rows.Select(r => r.Username).ToHashSet(StringComparer.Ordinal);
        var unaccepted = roster.Where(r => !submitted.Contains(r.Username))
            .Select(r => new UnacceptedUserDto(r.Username, SubmissionStatisticsService.RealName(r.Username, r.ClassName))).ToList();

        var scores = rows.Where(r => r.AiScore is not null).Select(r => r.AiScore!.Value).ToList();
        var grades = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = row.AiGrade ?? "null";
            grades[key] = grades.GetValueOrDefault(key) + 1;
        }

        var frequencies = await words.CountAsync(rows.Select(r => r.AiSuggestions ?? ""), cancellationToken);
        return new FlowchartStatisticsDto(
            rows.Count,
            scores.Count == 0 ? 0 : Math.Round(scores.Average(), 1, MidpointRounding.ToEven),
            grades,
            CriteriaAverages(rows),
            roster.Count,
            rows.Select(r => r.UserId).Distinct().Count(),
            [.. frequencies.Select(w => new WordCountDto(w.Word, w.Count))],
            unaccepted);
    }

    /// <summary>Per criterion with a numeric <c>score</c>: the mean score and the <c>max</c> of the first entry seen (default 100).</summary>
    private static Dictionary<string, CriterionAverageDto> CriteriaAverages(List<FlowchartStatisticsRow> rows)
    {
        var sums = new Dictionary<string, (double Sum, int Count, double Max)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var details in rows.Select(r => r.AiCriteriaDetails).Where(d => d.ValueKind == JsonValueKind.Object))
        {
            foreach (var criterion in details.EnumerateObject())
            {
                if (criterion.Value.ValueKind != JsonValueKind.Object || !criterion.Value.TryGetProperty("score", out var score)
                    || score.ValueKind != JsonValueKind.Number)
                {
                    continue;
                }

                if (!sums.TryGetValue(criterion.Name, out var entry))
                {
                    var max = criterion.Value.TryGetProperty("max", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDouble() : 100;
                    entry = (0, 0, max);
                    order.Add(criterion.Name);
                }

                sums[criterion.Name] = (entry.Sum + score.GetDouble(), entry.Count + 1, entry.Max);
            }
        }

        return order.ToDictionary(name => name, name =>
            new CriterionAverageDto(Math.Round(sums[name].Sum / sums[name].Count, 1, MidpointRounding.ToEven), sums[name].Max), StringComparer.Ordinal);
    }
}

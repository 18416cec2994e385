using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Problems;

/// <summary>Submission statistics for teachers (problem.md §2.18–§2.19).</summary>
public class ProblemStatisticsService(ProblemStatisticsRepository problems, TimeProvider time)
{
    public sealed record YearlyTrendDto(int Year, int Total, int Accepted, double AcRate);

    public sealed record TopAcTrendDto(string ProblemId, string ProblemTitle, List<YearlyTrendDto> Yearly);

    public async Task<ServiceResult<List<StuckProblemDto>>> StuckAsync(CancellationToken cancellationToken) =>
        await problems.ListStuckAsync(cancellationToken);

    public async Task<ServiceResult<List<TopAcTrendDto>>> TopAcTrendAsync(TopAcTrendQuery query, CancellationToken cancellationToken)
    {
        var current = time.GetUtcNow().UtcDateTime.Year;
        var since = query.SinceYear >= 2022 && query.SinceYear <= current ? (int)query.SinceYear : 2023;
        var until = query.UntilYear switch
        {
            null => current,
            { } u when u < since || u > current => current - 1,
            { } u => (int)u,
        };
        var min = query.MinPerYear is 50 or 100 or 200 ? (int)query.MinPerYear : 100;
        var rows = await problems.CountPracticeByProblemYearAsync(since, until, cancellationToken);
        var years = until - since + 1;
        return rows.GroupBy(r => r.ProblemId)
            .Where(g => years > 0 && g.Count() == years && g.All(r => r.Total > min))
            .OrderBy(g => g.Key)
            .Select(g => new TopAcTrendDto(g.First().DisplayId, g.First().Title, [.. g.OrderBy(r => r.Year)
                .Select(r => new YearlyTrendDto(r.Year, r.Total, r.Accepted, Math.Round(r.Accepted * 100.0 / r.Total, 1, MidpointRounding.ToEven)))]))
            .ToList();
    }
}

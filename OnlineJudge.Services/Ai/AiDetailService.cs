using System.Text.Json.Serialization;
using OnlineJudge.Data.Ai;
using OnlineJudge.Data.Json;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Ai;

public sealed record AiSolvedProblemDto(string DisplayId, string Title, int? ContestId, string ContestTitle);

public sealed record AiSolvedDto(AiSolvedProblemDto Problem, string AcTime, int? Rank, int AcCount, string Grade, int? PeriodRank, int PeriodAcCount,
    string Difficulty);

public sealed record AiFlowchartSummaryDto(
    [property: JsonPropertyName("problem__id")] string ProblemDisplayId,
    string ProblemTitle,
    int SubmissionCount,
    double BestScore,
    string BestGrade,
    string LatestSubmissionTime,
    double AvgScore);

/// <summary>The data of <c>GET /api/ai/detail</c> (ai.md §1.1).</summary>
public sealed record AiDetailDto(
    string User,
    string? ClassName,
    string Start,
    string End,
    List<AiSolvedDto> Solved,
    List<AiFlowchartSummaryDto> Flowcharts,
    string Grade,
    Dictionary<string, int> Tags,
    Dictionary<string, int> Difficulty,
    int ContestCount);

/// <summary>What a student solved in a window, how they ranked, and their flowcharts (ai.md §1.1).</summary>
public class AiDetailService(AiTargetService targets, AiStatisticsRepository statistics, CacheService cache)
{
    private static readonly string[] DifficultyOrder = ["简单", "中等", "困难"];

    public async Task<ServiceResult<AiDetailDto>> GetAsync(AiDetailQuery query, CurrentUser caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query.Start) || string.IsNullOrEmpty(query.End))
        {
            return ServiceError.Of("参数 start 和 end 不能为空");
        }

        if (!TimeFormats.TryParse(query.Start, out var start))
        {
            return ServiceError.Of("start 格式无效，请使用 ISO 8601 格式");
        }

        if (!TimeFormats.TryParse(query.End, out var end))
        {
            return ServiceError.Of("end 格式无效，请使用 ISO 8601 格式");
        }

        var target = await targets.ResolveAsync(query.Username, caller, cancellationToken);
        if (target.Error is { } error)
        {
            return error;
        }

        var user = target.Data!;
        var key = CacheKeys.AiStatistics("ai_detail", user.Id, user.ClassName ?? "", query.Start, query.End);
        return await cache.GetOrCreateAsync(key, CacheKeys.AiStatisticsTtl,
            ct => ComputeAsync(user, query.Start, query.End, start, end, ct), cancellationToken);
    }

    private async Task<AiDetailDto> ComputeAsync(AiUserDto user, string rawStart, string rawEnd, DateTime start, DateTime end,
        CancellationToken cancellationToken)
    {
        var firsts = await statistics.FirstAcceptedAsync(user.Id, start, end, cancellationToken);
        if (firsts.Count == 0)
        {
            return new AiDetailDto(user.Username, user.ClassName, rawStart, rawEnd, [], [], "", [], [], 0);
        }

        var scope = await targets.ScopeAsync(user, cancellationToken);
        var problemIds = firsts.Select(f => f.ProblemId).ToList();
        var allTime = (await statistics.RanksAsync(user.Id, problemIds, null, null, scope, cancellationToken)).ToDictionary(r => r.ProblemId);
        var period = (await statistics.RanksAsync(user.Id, problemIds, start, end, scope, cancellationToken)).ToDictionary(r => r.ProblemId);
        var problems = (await statistics.ProblemsAsync(problemIds, cancellationToken)).OrderBy(p => p.Id).ToList();
        var byId = problems.ToDictionary(p => p.Id);

        var solved = firsts.Where(f => byId.ContainsKey(f.ProblemId)).OrderBy(f => f.FirstAcTime).Select(f =>
        {
            var problem = byId[f.ProblemId];
            var overall = allTime.GetValueOrDefault(f.ProblemId);
            var window = period.GetValueOrDefault(f.ProblemId);
            var acCount = overall?.Count ?? 0;
            var periodCount = window?.Count ?? 0;
            return new AiSolvedDto(
                new AiSolvedProblemDto(problem.DisplayId, problem.Title, problem.ContestId, problem.ContestTitle ?? ""),
                TimeFormats.ToShanghaiIso(f.FirstAcTime), overall?.Rank, acCount,
                AiGrades.Grade(window?.Rank, periodCount, acCount), window?.Rank, periodCount, AiGrades.Difficulty(problem.Difficulty));
        }).ToList();

        var flowcharts = await FlowchartsAsync(user.Id, start, end, cancellationToken);
        return new AiDetailDto(user.Username, user.ClassName, rawStart, rawEnd, solved, flowcharts, AiGrades.Average(solved.Select(s => s.Grade)),
            TopTags(problems), Difficulties(problems), problems.Where(p => p.ContestId is not null).Select(p => p.ContestId).Distinct().Count());
    }

    /// <summary>The completed flowcharts of the window, one entry per problem, latest first (ai.md §1.1 step 7).</summary>
    private async Task<List<AiFlowchartSummaryDto>> FlowchartsAsync(int userId, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var rows = await statistics.CompletedFlowchartsAsync(userId, start, end, cancellationToken);
        return [.. rows.GroupBy(r => r.ProblemId).Select(group =>
        {
            var items = group.ToList();
            var scores = items.Where(i => i.AiScore is not null).Select(i => i.AiScore!.Value).ToList();
            var best = scores.Count == 0 ? 0 : scores.Max();
            var bestItem = items.FirstOrDefault(i => i.AiScore == best) ?? items[0];
            var latest = items.Max(i => i.CreateTime);
            return (Latest: latest, Item: new AiFlowchartSummaryDto(items[0].DisplayId, items[0].Title, items.Count, best, bestItem.AiGrade ?? "",
                TimeFormats.ToUtcIso(latest)[..^1] + "+00:00",
                scores.Count == 0 ? 0 : Math.Round(scores.Average(), 0, MidpointRounding.ToEven)));
        }).OrderByDescending(f => f.Latest).Select(f => f.Item)];
    }

    /// <summary>The five most frequent tag names over the solved problems; ties in the order first seen.</summary>
    private static Dictionary<string, int> TopTags(List<AiProblemRow> problems)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in problems.SelectMany(p => p.Tags).Where(t => !string.IsNullOrEmpty(t)))
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts.Select((pair, index) => (pair, index)).OrderByDescending(t => t.pair.Value).ThenBy(t => t.index).Take(5)
            .ToDictionary(t => t.pair.Key, t => t.pair.Value, StringComparer.Ordinal);
    }

    /// <summary>All three labels with their counts, most first (ties: 简单, 中等, 困难).</summary>
    private static Dictionary<string, int> Difficulties(List<AiProblemRow> problems)
    {
        var counts = DifficultyOrder.ToDictionary(d => d, _ => 0, StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            counts[AiGrades.Difficulty(problem.Difficulty)]++;
        }

        return DifficultyOrder.Select((label, index) => (label, index)).OrderByDescending(t => counts[t.label]).ThenBy(t => t.index)
            .ToDictionary(t => t.label, t => counts[t.label], StringComparer.Ordinal);
    }
}

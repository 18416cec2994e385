using OnlineJudge.Data.Achievements;
using OnlineJudge.Data.Entities;
using static OnlineJudge.Services.Achievements.MetricRegistry;

namespace OnlineJudge.Services.Achievements;

/// <summary>A counted practice submission of a user's history, as the recomputation reads it.</summary>
public sealed record HistoryEntry(int ProblemId, int Result, DateTime CreateTime, string Language, int CodeChars, int CodeLines, string? Difficulty)
{
    public bool IsAccepted => JudgeStatus.IsAccepted(Result);

    public string LocalDate => SubmissionFacts.LocalDateOf(CreateTime);

    public static HistoryEntry Of(HistoryRowDto row) =>
        new(row.ProblemId, row.Result, row.CreateTime, row.Language, CodeMeasure.CodePoints(row.Code), CodeMeasure.LineCount(row.Code),
            row.Difficulty);
}

/// <summary>
/// The full recomputation of achievement.md §3.2 ("full recomputation" column) from a user's counted practice
/// submissions in time order: every incremental metric with the helper keys later incremental updates continue from.
/// Written from the definitions, independently of <see cref="IncrementalMetrics"/>, so that each checks the other.
/// </summary>
public static class MetricRecomputation
{
    /// <summary>The incremental metrics and helper keys of a history (oldest first).</summary>
    public static UserMetrics Build(IReadOnlyList<HistoryEntry> history)
    {
        var metrics = new UserMetrics();
        var values = metrics.Values;
        var accepted = history.Where(h => h.IsAccepted).ToList();
        var byProblem = history.GroupBy(h => h.ProblemId).ToList();

        values[AcceptedCount] = accepted.Select(h => h.ProblemId).Distinct().Count();
        values[SubmissionCount] = history.Count;

        metrics.ActiveDates = [.. history.Select(h => h.LocalDate).Distinct().Order(StringComparer.Ordinal)];
        values[ActiveDays] = metrics.ActiveDates.Count;

        SetStreak(metrics, [.. accepted.Select(h => DateOnly.FromDateTime(h.CreateTime + Data.Json.TimeFormats.ShanghaiOffset)).Distinct().Order()]);

        metrics.Languages = [.. history.Select(h => h.Language).Distinct()];
        values[LanguagesUsed] = metrics.Languages.Count;

        values[FirstTryAcCount] = byProblem.Count(g => g.First().IsAccepted);
        values[MidnightSubmissions] = history.Count(h => (h.CreateTime + Data.Json.TimeFormats.ShanghaiOffset).Hour < 5);
        values[CompileErrorCount] = history.Count(h => h.Result == JudgeStatus.CompileError);

        var failuresBeforeAc = byProblem.Where(g => g.Any(h => h.IsAccepted)).Select(g => g.TakeWhile(h => !h.IsAccepted).Count()).ToList();
        if (failuresBeforeAc.Count > 0)
        {
            values[MaxWaBeforeAc] = failuresBeforeAc.Max();
        }

        var firstAcs = byProblem.Select(g => g.FirstOrDefault(h => h.IsAccepted)).OfType<HistoryEntry>().ToList();
        metrics.AcPerDay = firstAcs.GroupBy(h => h.LocalDate).ToDictionary(g => g.Key, g => g.Count());
        if (metrics.AcPerDay.Count > 0)
        {
            values[MaxAcInOneDay] = metrics.AcPerDay.Values.Max();
        }

        if (accepted.Count > 0)
        {
            values[MinAcCodeChars] = accepted.Min(h => h.CodeChars);
        }

        if (history.Count > 0)
        {
            values[MaxCodeLines] = history.Max(h => h.CodeLines);
        }

        values[MidAcCount] = firstAcs.Count(h => h.Difficulty == Difficulty.Mid);
        values[HardAcCount] = firstAcs.Count(h => h.Difficulty == Difficulty.High);
        return metrics;
    }

    /// <summary>Metrics 6–8, which only a full recomputation sets.</summary>
    public static void SetRecomputeOnly(UserMetrics metrics, RecomputeOnlyCountsDto counts)
    {
        metrics.Values[ContestJoined] = counts.ContestJoined;
        metrics.Values[BadgeCount] = counts.BadgeCount;
        metrics.Values[ProblemSetCompleted] = counts.ProblemSetCompleted;
    }

    /// <summary>
    /// The rebuilt incremental metrics and helpers, with every other key (metrics 6–8, the meta metric, keys this code
    /// does not know) taken from <paramref name="current"/>.
    /// </summary>
    public static UserMetrics MergeInto(UserMetrics current, UserMetrics rebuilt)
    {
        foreach (var metric in All.Where(m => m.Kind != MetricKind.Incremental))
        {
            if (current.Values.TryGetValue(metric.Key, out var value))
            {
                rebuilt.Values[metric.Key] = value;
            }
        }

        foreach (var (key, value) in current.Values.Where(pair => !IsRegistered(pair.Key)))
        {
            rebuilt.Values[key] = value;
        }

        foreach (var (key, value) in current.Other)
        {
            rebuilt.Other[key] = value;
        }

        return rebuilt;
    }

    /// <summary>Longest run of consecutive days, and the run that ends on the last day (the incremental state).</summary>
    private static void SetStreak(UserMetrics metrics, List<DateOnly> days)
    {
        if (days.Count == 0)
        {
            return;
        }

        int best = 1, current = 1;
        for (var i = 1; i < days.Count; i++)
        {
            current = days[i].DayNumber - days[i - 1].DayNumber == 1 ? current + 1 : 1;
            best = Math.Max(best, current);
        }

        metrics.Values[MaxAcStreakDays] = best;
        metrics.LastAcDate = days[^1].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        metrics.CurrentAcStreak = current;
    }
}

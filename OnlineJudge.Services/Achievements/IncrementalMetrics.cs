using System.Globalization;
using OnlineJudge.Data.Entities;
using static OnlineJudge.Services.Achievements.MetricRegistry;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// The incremental update of achievement.md §3.2 for one counted practice verdict, applied to the user's metrics in place.
/// It assumes the verdict is the newest of the user's counted practice submissions (UserStatUpdater rebuilds the metrics
/// otherwise). Counting metrics are written even when they do not grow, so that a user with counted submissions has
/// them (as the full recomputation does).
/// </summary>
public static class IncrementalMetrics
{
    public static void Apply(UserMetrics metrics, SubmissionFacts facts)
    {
        var values = metrics.Values;
        var date = facts.LocalDate;
        var firstAc = facts.IsFirstAcOfProblem;

        Add(values, AcceptedCount, firstAc);
        Add(values, SubmissionCount, true);

        metrics.ActiveDates ??= [];
        if (!metrics.ActiveDates.Contains(date))
        {
            metrics.ActiveDates.Add(date);
        }

        values[ActiveDays] = metrics.ActiveDates.Count;

        if (facts.IsAccepted && date != metrics.LastAcDate)
        {
            var streak = metrics.LastAcDate is { } last && IsNextDay(last, date) ? (metrics.CurrentAcStreak ?? 0) + 1 : 1;
            metrics.LastAcDate = date;
            metrics.CurrentAcStreak = streak;
            values[MaxAcStreakDays] = Math.Max(values.GetValueOrDefault(MaxAcStreakDays), streak);
        }

        metrics.Languages ??= [];
        if (!metrics.Languages.Contains(facts.Language))
        {
            metrics.Languages.Add(facts.Language);
        }

        values[LanguagesUsed] = metrics.Languages.Count;

        Add(values, FirstTryAcCount, facts.IsFirstTryAc);
        Add(values, MidnightSubmissions, facts.LocalHour < 5);
        Add(values, CompileErrorCount, facts.Result == JudgeStatus.CompileError);

        metrics.AcPerDay ??= [];
        if (firstAc)
        {
            values[MaxWaBeforeAc] = Math.Max(values.GetValueOrDefault(MaxWaBeforeAc), facts.PriorCount);
            metrics.AcPerDay[date] = metrics.AcPerDay.GetValueOrDefault(date) + 1;
            values[MaxAcInOneDay] = metrics.AcPerDay.Values.Max();
        }

        if (facts.IsAccepted)
        {
            values[MinAcCodeChars] = values.TryGetValue(MinAcCodeChars, out var shortest) ? Math.Min(shortest, facts.CodeChars) : facts.CodeChars;
        }

        values[MaxCodeLines] = Math.Max(values.GetValueOrDefault(MaxCodeLines), facts.CodeLines);

        Add(values, MidAcCount, firstAc && facts.Difficulty == Difficulty.Mid);
        Add(values, HardAcCount, firstAc && facts.Difficulty == Difficulty.High);
    }

    private static void Add(Dictionary<string, int> values, string key, bool condition) =>
        values[key] = values.GetValueOrDefault(key) + (condition ? 1 : 0);

    private static bool IsNextDay(string previous, string day) =>
        DateOnly.TryParseExact(previous, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var before)
        && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var after)
        && after.DayNumber - before.DayNumber == 1;
}

using System.Globalization;
using OnlineJudge.Data.Ai;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Ai;

/// <summary>One period of <c>GET /api/ai/duration</c> (ai.md §1.2).</summary>
public sealed record AiPeriodDto(string Unit, int Index, string Start, string End, int ProblemCount, int SubmissionCount, string Grade);

/// <summary>One day of <c>GET /api/ai/heatmap</c> (ai.md §1.3): 00:00 Asia/Shanghai in Unix milliseconds, and the count.</summary>
public sealed record AiHeatmapDayDto(long Timestamp, int Value);

/// <summary>Progress over time: periods of weeks or months, and the year's daily heat map (ai.md §1.2, §1.3).</summary>
public class AiTrendService(AiTargetService targets, AiStatisticsRepository statistics, CacheService cache, TimeProvider time)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public async Task<ServiceResult<List<AiPeriodDto>>> DurationAsync(AiDurationQuery query, CurrentUser caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query.End) || string.IsNullOrEmpty(query.Duration))
        {
            return ServiceError.Of("参数 end 和 duration 不能为空");
        }

        if (!IsoDateTime.TryParse(query.End.Trim(), out var local, out var offset))
        {
            return ServiceError.Of("end 格式无效，请使用 ISO 8601 格式");
        }

        var parts = query.Duration.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            return ServiceError.Of("duration 格式无效，请使用 <单位>:<整数>，例如 months:2");
        }

        var target = await targets.ResolveAsync(query.Username, caller, cancellationToken);
        if (target.Error is { } error)
        {
            return error;
        }

        var user = target.Data!;
        var key = CacheKeys.AiStatistics("ai_duration", user.Id, user.ClassName ?? "", query.End, query.Duration);
        var end = new Moment(local, offset);
        return await cache.GetOrCreateAsync(key, CacheKeys.AiStatisticsTtl, ct => PeriodsAsync(user, end, parts[0], amount, ct), cancellationToken);
    }

    public async Task<ServiceResult<List<AiHeatmapDayDto>>> HeatmapAsync(AiHeatmapQuery query, CurrentUser caller, CancellationToken cancellationToken)
    {
        var target = await targets.ResolveAsync(query.Username, caller, cancellationToken);
        if (target.Error is { } error)
        {
            return error;
        }

        var user = target.Data!;
        var now = time.GetUtcNow().UtcDateTime;
        var key = CacheKeys.AiStatistics("ai_heatmap", user.Id, user.ClassName ?? "", now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return await cache.GetOrCreateAsync(key, CacheKeys.AiStatisticsTtl, async ct =>
        {
            var from = now.AddDays(-365);
            var counts = (await statistics.CountByShanghaiDateAsync(user.Id, from, now, ct)).ToDictionary(r => r.Date, r => r.Count);
            var first = DateOnly.FromDateTime(from);
            return Enumerable.Range(0, 365).Select(i =>
            {
                var day = first.AddDays(i);
                var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Shanghai);
                return new AiHeatmapDayDto(midnight.ToUnixTimeMilliseconds(), counts.GetValueOrDefault(day));
            }).ToList();
        }, cancellationToken);
    }

    private async Task<List<AiPeriodDto>> PeriodsAsync(AiUserDto user, Moment end, string unit, int amount, CancellationToken cancellationToken)
    {
        // (periods, calendar months?) by duration; every other value: four weeks.
        var (count, months) = (unit, amount) switch
        {
            ("months", 2) => (8, false),
            ("months", 6) => (6, true),
            ("years", 1) => (12, true),
            _ => (4, false),
        };
        var scope = await targets.ScopeAsync(user, cancellationToken);
        var start = months ? end.AddMonths(-(count + 1)) : end.AddDays(-7 * (count + 1));
        var periods = new List<AiPeriodDto>(count);
        for (var i = 0; i < count; i++)
        {
            start = months ? start.AddMonths(1) : start.AddDays(7);
            var periodEnd = months ? start.AddMonths(1) : start.AddDays(7);
            var (from, to) = (start.Utc, periodEnd.Utc);
            var submissions = await statistics.CountSubmissionsAsync(user.Id, from, to, cancellationToken);
            var (problemCount, grade) = (0, "");
            if (submissions > 0)
            {
                var firsts = await statistics.FirstAcceptedAsync(user.Id, from, to, cancellationToken);
                if (firsts.Count > 0)
                {
                    var ranks = await statistics.RanksAsync(user.Id, [.. firsts.Select(f => f.ProblemId)], from, to, scope, cancellationToken);
                    problemCount = firsts.Count;
                    grade = AiGrades.Average(ranks.Select(r => AiGrades.Grade(r.Rank, r.Count)));
                }
            }

            periods.Add(new AiPeriodDto(months ? "months" : "weeks", count - 1 - i, start.Iso, periodEnd.Iso, problemCount, submissions, grade));
        }

        return periods;
    }

    /// <summary>A wall-clock time with the offset it was given in (none: Asia/Shanghai, written without offset), as Python's datetime.</summary>
    private readonly record struct Moment(DateTime Local, TimeSpan? Offset)
    {
        public DateTime Utc => DateTime.SpecifyKind(Local - (Offset ?? Shanghai), DateTimeKind.Utc);

        public string Iso
        {
            get
            {
                var micros = Local.Ticks % TimeSpan.TicksPerSecond / 10;
                var text = Local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                           + (micros == 0 ? "" : "." + micros.ToString("D6", CultureInfo.InvariantCulture));
                if (Offset is not { } offset)
                {
                    return text;
                }

                var sign = offset < TimeSpan.Zero ? "-" : "+";
                var abs = offset.Duration();
                return text + sign + abs.ToString(abs.Seconds == 0 ? @"hh\:mm" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
            }
        }

        public Moment AddDays(int days) => this with { Local = Local.AddDays(days) };

        public Moment AddMonths(int months) => this with { Local = Local.AddMonths(months) };
    }
}

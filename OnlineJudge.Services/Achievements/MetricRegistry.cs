namespace OnlineJudge.Services.Achievements;

/// <summary>How a metric is kept up to date (achievement.md §3.2).</summary>
public enum MetricKind
{
    /// <summary>Updated by every counted practice verdict, and rebuilt by a full recomputation.</summary>
    Incremental,

    /// <summary>Only a full recomputation sets it (contests, badges, problem sets).</summary>
    RecomputeOnly,

    /// <summary>Counts unlocks: refreshed between the two rounds of a check (§3.3).</summary>
    Meta,
}

/// <summary>A measurable quantity achievements can be configured on: its key in <c>user_stat.metrics</c> and its labels.</summary>
public sealed record MetricDefinition(string Key, string Name, string HelpText, MetricKind Kind);

/// <summary>
/// The metric registry, in registration order (the order of <c>GET /api/admin/achievement/metrics</c>): the 16 metrics of
/// achievement.md §3.2, then <c>mid_ac_count</c> and <c>hard_ac_count</c> (the spec's UNCERTAIN note; docs/decisions.md).
/// </summary>
public static class MetricRegistry
{
    public const string AcceptedCount = "accepted_count";
    public const string SubmissionCount = "submission_count";
    public const string ActiveDays = "active_days";
    public const string MaxAcStreakDays = "max_ac_streak_days";
    public const string LanguagesUsed = "languages_used";
    public const string ContestJoined = "contest_joined";
    public const string BadgeCount = "badge_count";
    public const string ProblemSetCompleted = "problemset_completed";
    public const string FirstTryAcCount = "first_try_ac_count";
    public const string MidnightSubmissions = "midnight_submissions";
    public const string CompileErrorCount = "compile_error_count";
    public const string MaxWaBeforeAc = "max_wa_before_ac";
    public const string MaxAcInOneDay = "max_ac_in_one_day";
    public const string MinAcCodeChars = "min_ac_code_chars";
    public const string MaxCodeLines = "max_code_lines";
    public const string AchievementUnlockedCount = "achievement_unlocked_count";
    public const string MidAcCount = "mid_ac_count";
    public const string HardAcCount = "hard_ac_count";

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(AcceptedCount, "AC 题目数", "去重后通过的题目数量（不含比赛）", MetricKind.Incremental),
        new(SubmissionCount, "提交总数", "提交次数（不含比赛）", MetricKind.Incremental),
        new(ActiveDays, "活跃天数", "有过提交的累计天数", MetricKind.Incremental),
        new(MaxAcStreakDays, "最长连续 AC 天数", "连续每天至少 AC 一题的最长天数", MetricKind.Incremental),
        new(LanguagesUsed, "使用语言数", "用过多少种编程语言", MetricKind.Incremental),
        new(ContestJoined, "参赛场次", "参加过的比赛数量（本指标是比赛维度，不受比赛提交不计入的限制）", MetricKind.RecomputeOnly),
        new(BadgeCount, "题单奖章数", "获得的题单奖章数量", MetricKind.RecomputeOnly),
        new(ProblemSetCompleted, "完成题单数", "完成的题单数量", MetricKind.RecomputeOnly),
        new(FirstTryAcCount, "一发入魂次数", "首次提交即通过的次数", MetricKind.Incremental),
        new(MidnightSubmissions, "凌晨提交次数", "0:00–5:00 之间的提交次数", MetricKind.Incremental),
        new(CompileErrorCount, "编译错误次数", "累计编译错误的次数", MetricKind.Incremental),
        new(MaxWaBeforeAc, "屡败屡战", "单题失败最多多少次后终于通过", MetricKind.Incremental),
        new(MaxAcInOneDay, "单日最多 AC", "一天之内最多通过多少题", MetricKind.Incremental),
        new(MinAcCodeChars, "最短 AC 代码", "通过的代码里最短的字符数（配小于等于使用）", MetricKind.Incremental),
        new(MaxCodeLines, "最长代码行数", "提交过的最长代码有多少行", MetricKind.Incremental),
        new(AchievementUnlockedCount, "已解锁成就数", "已解锁的成就数量（不含白金档）", MetricKind.Meta),
        new(MidAcCount, "中等题 AC 数", "通过的中等难度题目数量（不含比赛）", MetricKind.Incremental),
        new(HardAcCount, "困难题 AC 数", "通过的困难题目数量（不含比赛）", MetricKind.Incremental),
    ];

    private static readonly Dictionary<string, MetricDefinition> ByKey = All.ToDictionary(m => m.Key, StringComparer.Ordinal);

    /// <summary>Keys of the meta metrics (evaluated again in round 2).</summary>
    public static string[] MetaKeys { get; } = [.. All.Where(m => m.Kind == MetricKind.Meta).Select(m => m.Key)];

    public static bool IsRegistered(string key) => ByKey.ContainsKey(key);

    /// <summary>The display name of a key; the key itself when it is not registered.</summary>
    public static string NameOf(string key) => ByKey.TryGetValue(key, out var metric) ? metric.Name : key;
}

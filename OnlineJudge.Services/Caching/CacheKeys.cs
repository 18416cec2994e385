using System.Globalization;

namespace OnlineJudge.Services.Caching;

/// <summary>
/// Every cached value of the app: its Redis key (the reference's literal keys, platform.md §16, where it had one), its
/// lifetime, who reads it and what makes it stale. Services take keys and lifetimes from here only.
/// Not cache, and kept by their owners: sessions (<c>session:*</c>, <c>user_sessions:*</c>, SessionStore), captchas
/// (<c>captcha:*</c>, CaptchaService), WebSocket channels (<c>ws:*</c>, RealtimePublisher).
/// </summary>
public static class CacheKeys
{
    // ---- versioned families: CacheService.GetOrCreateVersionedAsync; every write of the family bumps it after commit ----

    /// <summary>
    /// Public problem list pages (<c>list:…</c>) and details (<c>detail:&lt;display id&gt;</c>), the same for every caller
    /// (<c>my_status</c> is added per caller); read by ProblemService. Bumped by <see cref="CacheInvalidation.InvalidateProblemsAsync"/>
    /// (problem and tag writes) and by the visibility toggle. The short lifetime bounds how stale the judge's counters look.
    /// </summary>
    public const string ProblemFamily = "problem";

    public static readonly TimeSpan ProblemTtl = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Public contest list pages and details (ContestService) and the contest gate's view (<c>gate:&lt;id&gt;</c>,
    /// ContestAccessService); bumped by every admin contest write (ContestAdminService).
    /// </summary>
    public const string ContestFamily = "contest";

    /// <summary>Short: a contest's status (not started / underway / ended) is computed from the clock.</summary>
    public static readonly TimeSpan ContestTtl = TimeSpan.FromSeconds(5);

    /// <summary>The gate's view changes only through admin writes, which bump the family.</summary>
    public static readonly TimeSpan ContestGateTtl = TimeSpan.FromMinutes(5);

    /// <summary>Visible announcements, list pages and details (AnnouncementService); bumped by every admin write there.</summary>
    public const string AnnouncementFamily = "announcement";

    public static readonly TimeSpan AnnouncementTtl = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Open problem sets (ProblemSetService): list pages with badges and problem counts, details and problem lists of a
    /// set (null when it is not open), the same for every caller (progress and earned badges are read per caller). Bumped by
    /// <see cref="CacheInvalidation.InvalidateProblemSetsAsync"/> after every admin write of sets, their problems and badges.
    /// The short lifetime bounds how stale the problems' counters and titles and the creators' usernames look.
    /// </summary>
    public const string ProblemSetFamily = "problemset";

    public static readonly TimeSpan ProblemSetTtl = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Users' pending achievement toasts (<c>GET /api/achievements/pending</c>, PendingAchievementService): a family per user
    /// (<see cref="AchievementPendingOf"/>, <c>{achievement_pending:&lt;user id&gt;}:version</c>) nested in this one
    /// (<c>{achievement_pending}:version</c>). A user's is bumped by AchievementNotifier after new unlock rows of the user
    /// and by marking toasts shown; this one by admin achievement writes
    /// (<see cref="CacheInvalidation.InvalidateAchievementsAsync"/>), which makes every user's stale at once. The version
    /// keys have no lifetime (one per user).
    /// </summary>
    public const string AchievementPendingFamily = "achievement_pending";

    /// <summary>The key of one user's family within <see cref="AchievementPendingFamily"/>.</summary>
    public static string AchievementPendingUser(int userId) => userId.ToString(CultureInfo.InvariantCulture);

    /// <summary>One user's family of pending toasts (the one to bump).</summary>
    public static string AchievementPendingOf(int userId) => CacheService.NestedFamily(AchievementPendingFamily, AchievementPendingUser(userId));

    public static readonly TimeSpan AchievementPendingTtl = TimeSpan.FromMinutes(10);

    // ---- plain keys --------------------------------------------------------------------------------------------------

    /// <summary><c>website_config</c>: the site options (SiteOptionsService); deleted when they are saved.</summary>
    public const string WebsiteConfig = "website_config";

    public static readonly TimeSpan WebsiteConfigTtl = TimeSpan.FromMinutes(10);

    /// <summary><c>problem_tags:&lt;keyword&gt;</c>: used tags (ProblemService); deleted by <see cref="CacheInvalidation.InvalidateProblemsAsync"/>.</summary>
    public const string ProblemTagsPrefix = "problem_tags:";

    public static readonly TimeSpan ProblemTagsTtl = TimeSpan.FromSeconds(3600);

    /// <summary>Problem authors with counts (ProblemService); expire only, and an empty list is never served from cache.</summary>
    public const string ProblemAuthorsAll = "problem_authors_all";

    public const string ProblemAuthorsVisible = "problem_authors_only_visible";

    public static readonly TimeSpan ProblemAuthorsTtl = TimeSpan.FromSeconds(7200);

    /// <summary><c>problem_yearly_ac:&lt;display id&gt;</c> (ProblemService); expires only.</summary>
    public const string ProblemYearlyAcPrefix = "problem_yearly_ac:";

    public static readonly TimeSpan ProblemYearlyAcTtl = TimeSpan.FromSeconds(3600);

    /// <summary><c>comment_stats:&lt;problem id&gt;</c> (CommentService); deleted when a comment of the problem is added.</summary>
    public const string CommentStatsPrefix = "comment_stats:";

    public static readonly TimeSpan CommentStatsTtl = TimeSpan.FromSeconds(3600);

    /// <summary><c>user_activity_rank:&lt;start as received&gt;</c> (RankService); expires only.</summary>
    public const string ActivityRankPrefix = "user_activity_rank:";

    public static readonly TimeSpan ActivityRankTtl = TimeSpan.FromSeconds(600);

    /// <summary><c>json_data_&lt;file name as written&gt;</c>: a file of the hitokoto bundle (HitokotoService); expires only.</summary>
    public const string HitokotoFilePrefix = "json_data_";

    public static readonly TimeSpan HitokotoFileTtl = TimeSpan.FromSeconds(7200);

    /// <summary>
    /// The contest rank snapshot (ContestRankService): <c>contest_rank:{&lt;id&gt;}:version</c> holds the current version,
    /// <c>contest_rank:{&lt;id&gt;}:v&lt;version&gt;:public</c> and <c>…:full</c> a header element and every ranked row
    /// as response-ready JSON (without and with real names; the rebuild lock is the public key + <c>:lock</c>); the
    /// version is bumped by ContestRankService.InvalidateRankAsync (judge verdicts, ACM helper checks, user edits and
    /// deletes). The braces keep the keys in one Redis Cluster slot.
    /// </summary>
    public static readonly TimeSpan ContestRankSnapshotTtl = TimeSpan.FromMinutes(30);

    public const string ContestRankPublicSuffix = ":public";

    public const string ContestRankFullSuffix = ":full";

    /// <summary>
    /// Auth snapshots (UserAuthCache): <c>auth_user:{&lt;id&gt;}</c> (a hash: generation token and snapshot of the fields
    /// authentication reads) and <c>auth_appkey:&lt;sha256 of the API key&gt;</c> (the user id); dropped by
    /// <c>UserAuthCache.ChangeAsync</c> around every write that changes them (docs/decisions.md, performance).
    /// </summary>
    public static string AuthUser(int userId) => $"auth_user:{{{userId.ToString(CultureInfo.InvariantCulture)}}}";

    public static string AuthAppKey(string appKeyHash) => "auth_appkey:" + appKeyHash;

    /// <summary>
    /// <c>achievement_active_user_count</c>: non-disabled users, the denominator of unlock rates (AchievementService);
    /// expires only (achievement.md §0).
    /// </summary>
    public const string AchievementActiveUserCount = "achievement_active_user_count";

    public static readonly TimeSpan AchievementActiveUserCountTtl = TimeSpan.FromSeconds(3600);

    /// <summary>The achievement rescan workers' wake-up channel (AchievementRescanQueue), pub/sub only.</summary>
    public const string AchievementRescanWakeChannel = "achievement:rescan:wake";

    /// <summary>The judge dispatchers' wake-up channel (JudgeWakeups), pub/sub only.</summary>
    public const string JudgeWakeChannel = "judge:wake";

    /// <summary>The flowchart graders' wake-up channel (FlowchartWakeups), pub/sub only.</summary>
    public const string FlowchartWakeChannel = "flowchart:wake";

    /// <summary>
    /// Pages of submission lists not filtered to the caller (SubmissionQueryService, <c>CacheService.GetOrRefreshAsync</c>):
    /// fresh for 2 s, then served while one request recomputes them; never bumped (a contest's stream of submissions
    /// would empty the cache exactly when it is hot). <c>show_link</c> is added per caller.
    /// </summary>
    public static string SubmissionListPage(string filterKey) => "{submission_list}:" + filterKey;

    public static readonly TimeSpan SubmissionListFresh = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Pages of one user's own submissions (<c>myself=1</c>, SubmissionQueryService): a versioned family per user, bumped
    /// by their submits, their verdicts and shares (SubmitService, VerdictRecorder, SubmissionQueryService.ShareAsync), so
    /// a new submission or verdict shows at once.
    /// </summary>
    public static string UserSubmissionsFamily(int userId) => "user_submissions:" + userId.ToString(CultureInfo.InvariantCulture);

    public static readonly TimeSpan UserSubmissionsTtl = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A user's progress in active problem sets, read by the submission lists' anti-cheat rule (submission.md §0.3) on
    /// every page with the user's own submissions; deleted when the user joins a set or their progress there changes
    /// (<see cref="CacheInvalidation.InvalidateProblemSetGuardsAsync"/>), expires otherwise (a set's start or end).
    /// </summary>
    public static string ProblemSetGuards(int userId) => "problemset_guards:" + userId.ToString(CultureInfo.InvariantCulture);

    public static readonly TimeSpan ProblemSetGuardsTtl = TimeSpan.FromSeconds(5);

    /// <summary>How long an unread submission list page is kept.</summary>
    public static readonly TimeSpan SubmissionListKeep = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The learning statistics of ai.md §0.5 (AiDetailService, AiTrendService, AiTargetService): prefixes <c>ai_detail</c>,
    /// <c>ai_duration</c>, <c>ai_heatmap</c>, <c>class_users</c>; the key is the lower-case hex MD5 of
    /// <c>"&lt;prefix&gt;:" + "_".join(args)</c> (Python's text of each argument). Expire only.
    /// </summary>
    public static readonly TimeSpan AiStatisticsTtl = TimeSpan.FromSeconds(300);

    public static string AiStatistics(string prefix, params object?[] args)
    {
        var text = prefix + ":" + string.Join('_', args.Select(a => a switch
        {
            null => "None",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => a.ToString(),
        }));
        // A key name the spec fixes, not a security use.
#pragma warning disable CA5351
        return Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
    }

    public static string ProblemTags(string? keyword) => ProblemTagsPrefix + (keyword ?? "");

    public static string ProblemYearlyAc(string displayId) => ProblemYearlyAcPrefix + displayId;

    public static string CommentStats(int problemId) => CommentStatsPrefix + problemId.ToString(CultureInfo.InvariantCulture);

    public static string ActivityRank(string start) => ActivityRankPrefix + start;

    public static string HitokotoFile(string fileName) => HitokotoFilePrefix + fileName;

    public static string ContestRankVersion(int contestId) => $"contest_rank:{{{contestId}}}:version";

    /// <summary>The prefix of a version's snapshot lists: <c>contest_rank:{&lt;id&gt;}:v</c>.</summary>
    public static string ContestRankSnapshotPrefix(int contestId) => $"contest_rank:{{{contestId}}}:v";

    /// <summary>The public rows of a version.</summary>
    public static string ContestRankSnapshot(int contestId, long version) =>
        ContestRankSnapshotPrefix(contestId) + version.ToString(CultureInfo.InvariantCulture) + ContestRankPublicSuffix;
}

/// <summary>What each kind of write makes stale, so that every writer of a family says the same.</summary>
public static class CacheInvalidation
{
    /// <summary>After a problem or tag write committed: the tag lists and the public problem pages and details.</summary>
    public static async Task InvalidateProblemsAsync(this CacheService cache)
    {
        await cache.DeleteByPrefixAsync(CacheKeys.ProblemTagsPrefix);
        await cache.BumpVersionAsync(CacheKeys.ProblemFamily);
    }

    /// <summary>After an admin contest write committed: contest lists, details and the gate.</summary>
    public static Task InvalidateContestsAsync(this CacheService cache) => cache.BumpVersionAsync(CacheKeys.ContestFamily);

    /// <summary>After a user joined a problem set or its progress there changed: the submission list's guard of that user.</summary>
    public static Task InvalidateProblemSetGuardsAsync(this CacheService cache, int userId) =>
        cache.DeleteAsync(CacheKeys.ProblemSetGuards(userId));

    /// <summary>After an announcement write committed.</summary>
    public static Task InvalidateAnnouncementsAsync(this CacheService cache) => cache.BumpVersionAsync(CacheKeys.AnnouncementFamily);

    /// <summary>After an admin write of a problem set, its problems or its badges committed.</summary>
    public static Task InvalidateProblemSetsAsync(this CacheService cache) => cache.BumpVersionAsync(CacheKeys.ProblemSetFamily);

    /// <summary>After an admin achievement write committed: every user's pending toasts (names, icons, visibility).</summary>
    public static Task InvalidateAchievementsAsync(this CacheService cache, CancellationToken cancellationToken) =>
        cache.BumpVersionAsync(CacheKeys.AchievementPendingFamily, cancellationToken);
}

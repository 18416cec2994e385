using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Json;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Resilience;
using StackExchange.Redis;

namespace OnlineJudge.Services.Contests;

/// <summary>
/// The contest rank (contest.md §1.5), the hottest read of a live contest, served from a versioned snapshot in Redis:
/// <list type="bullet">
/// <item><c>contest_rank:{&lt;id&gt;}:version</c> — the current version; <see cref="InvalidateRankAsync"/> bumps it.</item>
/// <item><c>contest_rank:{&lt;id&gt;}:v&lt;version&gt;:public</c> — a list: a header element, then every ranked row in rank
/// order as the response's JSON with <c>real_name</c> null; <c>…:full</c> — the same rows with real names, for
/// contest admins.</item>
/// </list>
/// A page is one Lua call (version, length and the page's rows in one round trip), and its rows are written to the
/// response as they are stored, without parsing; a miss rebuilds the snapshot with one SQL query in rank order. A
/// rebuild racing an invalidation writes under the old version, which nobody reads any more. The braces are a hash
/// tag: the keys live in one Redis Cluster slot, as the script needs. Without Redis, the page is read from PostgreSQL.
/// </summary>
public class ContestRankService(ContestRepository contests, RedisGuard redis, TimeProvider time, ILogger<ContestRankService> logger)
{
    private static readonly TimeSpan RebuildLockTtl = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RebuildWaitStep = TimeSpan.FromMilliseconds(50);
    private const int RebuildWaitSteps = 40;
    private static readonly TimeSpan BulkWriteTimeout = TimeSpan.FromSeconds(2);
    private const string SnapshotHeader = "rank-snapshot-v2";

    /// <summary>The response's JSON conventions (the web layer's ApiJson): rows are stored ready to be written out.</summary>
    private static readonly JsonSerializerOptions RowJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    // KEYS[1] version key; ARGV[1] snapshot key prefix, ARGV[2] initial version, ARGV[3]/ARGV[4] LRANGE start/stop,
    // ARGV[5] list suffix (public or full).
    // Returns {version, row count or -1 when the snapshot is missing, rows...}.
    private const string ReadScript = """
        local v = redis.call('GET', KEYS[1])
        if not v then
          v = ARGV[2]
          redis.call('SET', KEYS[1], v)
        end
        local key = ARGV[1] .. v .. ARGV[5]
        local n = redis.call('LLEN', key)
        if n == 0 then
          return {v, -1}
        end
        local result = {v, n - 1}
        local rows = redis.call('LRANGE', key, ARGV[3], ARGV[4])
        for i = 1, #rows do
          result[i + 2] = rows[i]
        end
        return result
        """;

    // KEYS[1] version key; ARGV[1] initial version. A fresh counter starts from the clock, so that a counter lost
    // (evicted) never meets the snapshots of its former values again.
    private const string BumpScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          return redis.call('INCR', KEYS[1])
        end
        redis.call('SET', KEYS[1], ARGV[1])
        return tonumber(ARGV[1])
        """;

    /// <summary>
    /// Called by the judge after it committed a change to a rank row of this contest (judge.md §6.5), and by every
    /// write here that changes what the rank shows. Cheap: one Redis command.
    /// </summary>
    public async Task InvalidateRankAsync(int contestId, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.RunAsync(db => db.ScriptEvaluateAsync(BumpScript, [CacheKeys.ContestRankVersion(contestId)], [InitialVersion()]), cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The snapshot may then be served stale until it expires (CacheKeys.ContestRankSnapshotTtl).
            logger.LogWarning(exception, "Could not invalidate the rank of contest {ContestId}", contestId);
        }
    }

    /// <summary>For account writes that change what a user's rank rows show (disabled, admin type, real name, username).</summary>
    public async Task InvalidateUserRanksAsync(int userId, CancellationToken cancellationToken = default)
    {
        foreach (var contestId in await contests.GetRankedContestIdsAsync(userId, cancellationToken))
        {
            await InvalidateRankAsync(contestId, cancellationToken);
        }
    }

    /// <summary>Contests whose rank lists these users (read before deleting them; invalidate after the commit).</summary>
    public async Task<HashSet<int>> GetRankedContestIdsAsync(IEnumerable<int> userIds, CancellationToken cancellationToken)
    {
        var ids = new HashSet<int>();
        foreach (var userId in userIds)
        {
            ids.UnionWith(await contests.GetRankedContestIdsAsync(userId, cancellationToken));
        }

        return ids;
    }

    /// <summary>
    /// A page of the rank, each row the JSON of a <see cref="ContestRankRowDto"/>; <paramref name="user"/> decides whether
    /// real names are shown.
    /// </summary>
    public async Task<ServiceResult<Page<RawJson>>> GetPageAsync(ContestGateDto contest, CurrentUser? user, PageRequest page,
        CancellationToken cancellationToken)
    {
        var (rows, total) = await ReadAsync(contest.Id, IsContestAdmin(contest, user), page.Offset, page.Limit, cancellationToken);
        return new Page<RawJson>(rows, total);
    }

    /// <summary>The spreadsheet of the whole rank (<c>download_csv</c>), layout of contest.md §1.5.</summary>
    public async Task<ServiceResult<ContestFile>> DownloadAsync(ContestGateDto contest, CurrentUser? user, CancellationToken cancellationToken)
    {
        var (stored, _) = await ReadAsync(contest.Id, true, 0, int.MaxValue, cancellationToken);
        var rows = stored.Select(row => JsonSerializer.Deserialize<ContestRankRowDto>(row.Utf8, RowJson)!).ToList();
        var problems = await contests.GetVisibleProblemsAsync(contest.Id, cancellationToken);
        var isContestAdmin = IsContestAdmin(contest, user);

        var columns = new List<string>();
        var header = new Dictionary<string, object?>();
        void Header(string title)
        {
            var column = ColumnName(columns.Count + 1);
            columns.Add(column);
            header[column] = title;
        }

        foreach (var title in new[] { "User ID", "Username", "Real Name", "AC", "Total Submission", "Total Time" })
        {
            Header(title);
        }

        var problemColumns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            problemColumns[problem.Id.ToString(CultureInfo.InvariantCulture)] = ColumnName(columns.Count + 1);
            Header(problem.Title);
        }

        var sheet = new List<Dictionary<string, object?>>(rows.Count + 1) { header };
        foreach (var row in rows)
        {
            var cells = columns.ToDictionary(c => c, _ => (object?)null);
            cells["A"] = row.User.Id.ToString(CultureInfo.InvariantCulture);
            cells["B"] = row.User.Username;
            cells["C"] = isContestAdmin ? row.User.RealName ?? "" : "";
            cells["D"] = row.AcceptedNumber.ToString(CultureInfo.InvariantCulture);
            cells["E"] = row.SubmissionNumber.ToString(CultureInfo.InvariantCulture);
            cells["F"] = row.TotalTime.ToString(CultureInfo.InvariantCulture);
            foreach (var (problemId, info) in row.SubmissionInfo)
            {
                // A problem hidden since has no column (the reference crashed here, contest.md §1.5 UNCERTAIN).
                if (problemColumns.TryGetValue(problemId, out var column))
                {
                    cells[column] = info.IsAc ? "True" : "False";
                }
            }

            sheet.Add(cells);
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, printHeader: false, cancellationToken: cancellationToken);
        return new ContestFile(stream.ToArray(), "application/xlsx", $"content-{contest.Id}-rank.xlsx");
    }

    public static bool IsContestAdmin(ContestGateDto contest, CurrentUser? user) =>
        user is not null && (user.IsSuperAdmin || contest.CreatedById == user.Id);

    private static ContestRankRowDto Visible(ContestRankRowDto row, bool isContestAdmin) =>
        isContestAdmin || row.User.RealName is null ? row : row with { User = row.User with { RealName = null } };

    /// <summary>Rows [offset, offset + limit) of the rank and the total, from the snapshot (rebuilt when missing).</summary>
    private async Task<(IReadOnlyList<RawJson> Rows, int Total)> ReadAsync(int contestId, bool full, int offset, int limit,
        CancellationToken cancellationToken)
    {
        if (redis.IsRefusing)
        {
            return await ReadDatabasePageAsync(contestId, full, offset, limit, cancellationToken);
        }

        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var (version, total, rows) = await ReadSnapshotAsync(contestId, full, offset, limit, cancellationToken);
                if (total >= 0)
                {
                    return (rows, total);
                }

                // Missing: one caller rebuilds, the others wait for it briefly, then build for themselves.
                var snapshotKey = CacheKeys.ContestRankSnapshot(contestId, version);
                if (attempt >= RebuildWaitSteps
                    || await redis.RunAsync(db => db.StringSetAsync(snapshotKey + ":lock", "1", RebuildLockTtl, When.NotExists), cancellationToken))
                {
                    var all = await contests.GetRankRowsAsync(contestId, cancellationToken);
                    var (publicRows, fullRows) = (ToJson(all, false), ToJson(all, true));
                    await StoreSnapshotAsync(contestId, version, publicRows, fullRows);
                    return (Slice(full ? fullRows : publicRows, offset, limit), all.Count);
                }

                await Task.Delay(RebuildWaitStep, time, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogDebug(exception, "Rank cache unavailable for contest {ContestId}; reading the database", contestId);
            return await ReadDatabasePageAsync(contestId, full, offset, limit, cancellationToken);
        }
    }

    private async Task<(IReadOnlyList<RawJson> Rows, int Total)> ReadDatabasePageAsync(int contestId, bool full, int offset, int limit,
        CancellationToken cancellationToken)
    {
        var page = await contests.GetRankPageAsync(contestId, offset, limit, cancellationToken);
        return (ToJson(page.Results, full), page.Total);
    }

    private async Task<(long Version, int Total, List<RawJson> Rows)> ReadSnapshotAsync(int contestId, bool full, int offset, int limit,
        CancellationToken cancellationToken)
    {
        var start = (long)offset + 1;
        var stop = limit == int.MaxValue ? -1 : (long)offset + limit;
        var result = (RedisResult[])(await redis.RunAsync(db => db.ScriptEvaluateAsync(ReadScript, [CacheKeys.ContestRankVersion(contestId)],
            [CacheKeys.ContestRankSnapshotPrefix(contestId), InitialVersion(), start, stop, full ? CacheKeys.ContestRankFullSuffix : CacheKeys.ContestRankPublicSuffix]), cancellationToken))!;
        var version = long.Parse(result[0].ToString(), CultureInfo.InvariantCulture);
        var total = (int)result[1];
        var rows = new List<RawJson>(Math.Max(result.Length - 2, 0));
        for (var i = 2; i < result.Length; i++)
        {
            rows.Add(new RawJson((byte[])result[i]!));
        }

        return (version, total, rows);
    }

    private static List<RawJson> ToJson(IReadOnlyList<ContestRankRowDto> rows, bool full) =>
        [.. rows.Select(row => new RawJson(JsonSerializer.SerializeToUtf8Bytes(Visible(row, full), RowJson)))];

    private async Task StoreSnapshotAsync(int contestId, long version, List<RawJson> publicRows, List<RawJson> fullRows)
    {
        static RedisValue[] Values(List<RawJson> rows) => [SnapshotHeader, .. rows.Select(row => (RedisValue)row.Utf8)];
        RedisKey publicKey = CacheKeys.ContestRankSnapshot(contestId, version);
        RedisKey fullKey = CacheKeys.ContestRankSnapshotPrefix(contestId) + version.ToString(CultureInfo.InvariantCulture) + CacheKeys.ContestRankFullSuffix;

        // One transaction: readers never see a half-written list, and concurrent rebuilds cannot interleave.
        try
        {
            await redis.RunWithinAsync(db =>
            {
                var transaction = db.CreateTransaction();
                _ = transaction.KeyDeleteAsync([publicKey, fullKey]);
                _ = transaction.ListRightPushAsync(publicKey, Values(publicRows));
                _ = transaction.ListRightPushAsync(fullKey, Values(fullRows));
                _ = transaction.KeyExpireAsync(publicKey, CacheKeys.ContestRankSnapshotTtl);
                _ = transaction.KeyExpireAsync(fullKey, CacheKeys.ContestRankSnapshotTtl);
                _ = transaction.KeyDeleteAsync(publicKey.Append(":lock"));
                return transaction.ExecuteAsync();
            }, BulkWriteTimeout);
        }
        catch (RedisException exception)
        {
            // The rows were read: serve them; the next reader rebuilds (the lock expires by itself).
            logger.LogWarning(exception, "Could not store the rank snapshot {Key}", publicKey);
        }
    }

    private string InitialVersion() => time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static List<RawJson> Slice(List<RawJson> rows, int offset, int limit) =>
        offset >= rows.Count ? [] : rows.GetRange(offset, (int)Math.Min((long)limit, rows.Count - offset));

    /// <summary>Spreadsheet column letters: 1 → A, 27 → AA.</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var remainder = (number - 1) % 26;
            name = (char)('A' + remainder) + name;
            number = (number - 1) / 26;
        }

        return name;
    }
}

/// <summary>A file answer (rank spreadsheet, submissions zip): bytes, content type and download name.</summary>
public sealed record ContestFile(byte[] Content, string ContentType, string FileName);

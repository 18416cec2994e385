using System.Globalization;
using System.IO.Compression;
using OnlineJudge.Data.Contests;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Data.Transactions;

namespace OnlineJudge.Services.Contests;

/// <summary>The admin contest endpoints (contest.md §2) and the legacy contest announcements and submissions download (§5).</summary>
public class ContestAdminService(ContestRepository contests, TransactionRunner transactions, ContestRankService ranks, CacheService cache,
    TimeProvider time)
{
    private static readonly ServiceError ContestDoesNotExist = ServiceError.Of("Contest does not exist");

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<ServiceResult<ContestAdminDto>> GetAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var contest = await contests.FindAdminAsync(id, Now, cancellationToken);
        return contest is null || !user.OwnsContest(contest.CreatedBy.Id) ? ContestDoesNotExist : contest;
    }

    public async Task<ServiceResult<Page<ContestAdminDto>>> ListAsync(ContestAdminQuery query, CurrentUser user, CancellationToken cancellationToken) =>
        await contests.GetAdminPageAsync(query.Keyword, user.OwnedContestsCreator, Now, query.Page, cancellationToken);

    public async Task<ServiceResult<ContestAdminDto>> CreateAsync(ContestWriteDto values, CurrentUser user, CancellationToken cancellationToken)
    {
        if (CheckWrite(values) is { } error)
        {
            return error;
        }

        // The reference stores an empty password as "" on create (a public contest); edits store NULL.
        var id = await contests.CreateAsync(values with { Password = values.Password ?? "" }, user.Id, Now, cancellationToken);
        await cache.InvalidateContestsAsync();
        return (await contests.FindAdminAsync(id, Now, cancellationToken))!;
    }

    public async Task<ServiceResult<ContestAdminDto>> UpdateAsync(int id, ContestWriteDto values, CurrentUser user, CancellationToken cancellationToken)
    {
        var contest = await contests.FindGateAsync(id, cancellationToken);
        if (contest is null || !user.OwnsContest(contest.CreatedById))
        {
            return ContestDoesNotExist;
        }

        if (CheckWrite(values) is { } error)
        {
            return error;
        }

        if (!await contests.UpdateAsync(id, values with { Password = string.IsNullOrEmpty(values.Password) ? null : values.Password }, Now,
                cancellationToken))
        {
            return ContestDoesNotExist;
        }

        await cache.InvalidateContestsAsync();
        return (await contests.FindAdminAsync(id, Now, cancellationToken))!;
    }

    public async Task<ServiceResult<ContestAdminDto>> CloneAsync(int contestId, CurrentUser user, CancellationToken cancellationToken)
    {
        var id = await transactions.ExecuteAsync(ct => contests.CloneAsync(contestId, user.Id, Now, ct), cancellationToken);
        await cache.InvalidateContestsAsync();
        return id is null ? ContestDoesNotExist : (await contests.FindAdminAsync(id.Value, Now, cancellationToken))!;
    }

    /// <summary>GET /api/admin/contest/acm_helper: every accepted (user, problem) pair, latest accepted first.</summary>
    public async Task<ServiceResult<List<AcmHelperItem>>> GetAcmHelperAsync(int contestId, CurrentUser user, CancellationToken cancellationToken)
    {
        var contest = await contests.FindVisibleGateAsync(contestId, cancellationToken);
        if (contest is null || !user.OwnsContest(contest.CreatedById))
        {
            return ContestDoesNotExist;
        }

        var displayIds = (await contests.GetProblemsAsync(contestId, cancellationToken))
            .ToDictionary(p => p.Id.ToString(CultureInfo.InvariantCulture), p => p.DisplayId, StringComparer.Ordinal);
        var items = new List<AcmHelperItem>();
        foreach (var rank in await contests.GetAcceptedRanksAsync(contestId, cancellationToken))
        {
            foreach (var (problemId, info) in rank.SubmissionInfo)
            {
                if (info.IsAc)
                {
                    items.Add(new AcmHelperItem(rank.Id, rank.Username, rank.RealName, problemId,
                        displayIds.GetValueOrDefault(problemId, problemId), info, info.Checked ?? false));
                }
            }
        }

        return items.OrderByDescending(i => i.AcInfo.AcTime).ToList();
    }

    public async Task<ServiceResult> SetAcmHelperCheckedAsync(int contestId, int rankId, string problemId, bool isChecked, CurrentUser user,
        CancellationToken cancellationToken)
    {
        if (!await contests.RankExistsAsync(rankId, contestId, cancellationToken))
        {
            return ServiceError.Of("Rank id does not exist");
        }

        var contest = await contests.FindGateAsync(contestId, cancellationToken);
        if (contest is null || !user.OwnsContest(contest.CreatedById))
        {
            return ContestDoesNotExist;
        }

        if (!await contests.SetCheckedAsync(rankId, problemId, isChecked, cancellationToken))
        {
            return ServiceError.Of("Problem id does not exist");
        }

        // submission_info (with "checked") is part of what the rank shows.
        await ranks.InvalidateRankAsync(contestId, CancellationToken.None);
        return ServiceResult.Ok();
    }

    /// <summary>Legacy GET /api/admin/download_submissions: the latest accepted code of each user and problem, zipped.</summary>
    public async Task<ServiceResult<ContestFile>> DownloadSubmissionsAsync(int contestId, bool excludeAdmin, CancellationToken cancellationToken)
    {
        if (!await contests.ExistsAsync(contestId, cancellationToken))
        {
            return ContestDoesNotExist;
        }

        var displayIds = (await contests.GetProblemsAsync(contestId, cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayId);
        var submissions = await contests.GetAcceptedSubmissionCodesAsync(contestId, cancellationToken);
        using var stream = new MemoryStream();
        await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var written = new HashSet<(int, int)>();
            foreach (var submission in submissions)
            {
                if ((excludeAdmin && submission.UserIsAdminRole) || !written.Add((submission.UserId, submission.ProblemId))
                    || !displayIds.TryGetValue(submission.ProblemId, out var displayId))
                {
                    continue;
                }

                var entry = zip.CreateEntry($"{submission.Username}_{displayId}.txt", CompressionLevel.Optimal);
                await using var writer = new StreamWriter(await entry.OpenAsync(cancellationToken));
                await writer.WriteAsync(submission.Code.AsMemory(), cancellationToken);
            }
        }

        return new ContestFile(stream.ToArray(), "application/zip", RandomStrings.LowerHex(32) + ".zip");
    }

    // Legacy contest announcements (contest.md §5.2).

    public async Task<ServiceResult<ContestAnnouncementDto>> CreateAnnouncementAsync(int contestId, string title, string content, bool visible,
        CurrentUser user, CancellationToken cancellationToken)
    {
        if (!await contests.ExistsAsync(contestId, cancellationToken))
        {
            return ContestDoesNotExist;
        }

        // Stored sanitised; this response shows the content as sent, later reads the stored text (platform.md §14).
        var id = await contests.CreateAnnouncementAsync(contestId, title, RichTextSanitizer.Sanitize(content), visible, user.Id, Now, cancellationToken);
        return (await contests.FindAnnouncementAsync(id, cancellationToken))! with { Content = content };
    }

    public async Task<ServiceResult> UpdateAnnouncementAsync(int id, string? title, string? content, bool? visible,
        CancellationToken cancellationToken) =>
        await contests.UpdateAnnouncementAsync(id, title, content is null ? null : RichTextSanitizer.Sanitize(content), visible, cancellationToken)
            ? ServiceResult.Ok()
            : ServiceError.Of("Contest announcement does not exist");

    public async Task<ServiceResult> DeleteAnnouncementAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } announcementId)
        {
            await contests.DeleteAnnouncementAsync(announcementId, cancellationToken);
        }

        return ServiceResult.Ok();
    }

    public async Task<ServiceResult<ContestAnnouncementDto>> GetAnnouncementAsync(int id, CancellationToken cancellationToken) =>
        await contests.FindAnnouncementAsync(id, cancellationToken) is { } announcement
            ? announcement
            : ServiceError.Of("Contest announcement does not exist");

    /// <summary>A non-numeric <c>contest_id</c> crashed the reference; it names no contest (spec README, decision 5).</summary>
    public async Task<ServiceResult<List<ContestAnnouncementDto>>> ListAnnouncementsAsync(ContestAnnouncementAdminQuery query,
        CancellationToken cancellationToken) =>
        query.ContestId is { } contestId
            ? await contests.GetAnnouncementsAsync(contestId, query.Keyword, cancellationToken)
            : ServiceError.Of("Parameter error");

    private static ServiceError? CheckWrite(ContestWriteDto values)
    {
        if (values.EndTime <= values.StartTime)
        {
            return ServiceError.Of("Start time must occur earlier than end time");
        }

        foreach (var range in values.AllowedIpRanges)
        {
            if (!ContestIpRange.TryParse(range, out _))
            {
                return ServiceError.Of($"{range} is not a valid cidr network");
            }
        }

        return null;
    }

}

/// <summary>One accepted (user, problem) pair of the ACM helper (contest.md §2.5).</summary>
public sealed record AcmHelperItem(
    int Id,
    string Username,
    string? RealName,
    string ProblemId,
    string ProblemDisplayId,
    Data.Entities.AcmSubmissionInfoEntry AcInfo,
    bool Checked);

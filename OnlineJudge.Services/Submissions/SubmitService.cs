using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Submissions;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Contests;
using OnlineJudge.Services.Judge;
using OnlineJudge.Services.Languages;

namespace OnlineJudge.Services.Submissions;

/// <summary>The caller of a submit, as the web layer knows it.</summary>
/// <param name="Ip">The session's IP (platform.md §10.3), or the request's for API-key callers.</param>
/// <param name="ViaApiKey">API-key requests skip the rate limit.</param>
/// <param name="CaptchaId">The captcha cookie, if any.</param>
/// <param name="ContestPasswords">Contest passwords entered in this session.</param>
public sealed record SubmitCaller(CurrentUser User, string? Ip, bool ViaApiKey, string? CaptchaId, IReadOnlyDictionary<string, string>? ContestPasswords);

public sealed record SubmitResultDto(string SubmissionId);

/// <summary>
/// <c>POST /api/submission</c> (submission.md §1.1): every check in the spec's order, then the submission and its judge
/// task in one transaction, then a wake-up of the dispatchers. The answer does not wait for judging.
/// </summary>
public class SubmitService(
    LanguageService languages,
    ContestAccessService contestAccess,
    CaptchaService captcha,
    SubmissionThrottle throttle,
    JudgeSiteOptions siteOptions,
    SubmissionRepository submissions,
    JudgeWakeups wakeups,
    CacheService cache,
    TimeProvider time,
    ILogger<SubmitService> logger)
{
    public const string SqlLanguage = "SQL";

    public async Task<ServiceResult<SubmitResultDto>> SubmitAsync(SubmitRequest request, SubmitCaller caller, CancellationToken cancellationToken)
    {
        if (!(await languages.GetLanguageNamesAsync(cancellationToken)).Contains(request.Language))
        {
            return new ServiceError("invalid-language", $"language: {request.Language} is not a valid language");
        }

        var user = caller.User;
        var contestId = request.ContestId is null or 0 ? (int?)null : request.ContestId;
        if (contestId is { } id)
        {
            var gate = await contestAccess.CheckAsync(id, ContestCheckType.Problems, user, caller.ContestPasswords, cancellationToken);
            if (gate.Data is not { } contest)
            {
                return gate.Error!;
            }

            if (contest.EndTime < time.GetUtcNow().UtcDateTime)
            {
                return ServiceError.Of("The contest have ended");
            }

            if (!user.OwnsContest(contest.CreatedById) && !ContestIpRange.IsAllowed(contest.AllowedIpRanges ?? [], caller.Ip))
            {
                return ServiceError.Of("Your IP is not allowed in this contest");
            }
        }

        if (!string.IsNullOrEmpty(request.Captcha) && !await captcha.CheckAsync(caller.CaptchaId, request.Captcha))
        {
            return ServiceError.Of("Invalid captcha");
        }

        if (!caller.ViaApiKey)
        {
            var bucket = await siteOptions.GetUserBucketAsync(cancellationToken);
            if (await throttle.ConsumeAsync(user.Id, bucket, cancellationToken) is { } wait)
            {
                return ServiceError.Of(wait);
            }
        }

        var problem = await submissions.FindSubmitProblemAsync(request.ProblemId, contestId, cancellationToken);
        if (problem is null)
        {
            return ServiceError.Of("Problem not exist");
        }

        if (!problem.Languages.Contains(request.Language))
        {
            return ServiceError.Of($"{request.Language} is not allowed in the problem");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var submission = new Submission
        {
            Id = RandomStrings.LowerHex(32),
            ContestId = contestId,
            ProblemId = problem.Id,
            CreateTime = now,
            UserId = user.Id,
            Username = user.Username,
            Code = request.Code,
            Result = JudgeStatus.Pending,
            Language = request.Language,
            Ip = caller.Ip,
        };
        var task = new JudgeTask
        {
            SubmissionId = submission.Id,
            Priority = contestId is null ? JudgePriority.Practice : JudgePriority.Contest,
            EnqueuedAt = now,
            NotBefore = now,
            InProcess = request.Language == SqlLanguage,
        };
        await submissions.CreateAsync(submission, task, cancellationToken);
        await cache.BumpVersionAsync(CacheKeys.UserSubmissionsFamily(user.Id), CancellationToken.None);
        logger.LogInformation("Submission {SubmissionId} by user {UserId} for problem {ProblemId} queued", submission.Id, user.Id, problem.Id);
        await wakeups.WakeAllAsync(CancellationToken.None);
        // Contestants get the id too (the reference hides it from them while a contest runs): the client reads
        // data.submission_id unconditionally, and the same user sees the id in the contest's submission list anyway.
        return new SubmitResultDto(submission.Id);
    }
}

using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Ai;
using OnlineJudge.Data.Json;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Ai;

public sealed record AiLoginSummaryCountsDto(
    [property: JsonConverter(typeof(UtcDateTimeConverter))] DateTime Start,
    [property: JsonConverter(typeof(UtcDateTimeConverter))] DateTime End,
    int NewProblemCount,
    int SubmissionCount,
    int AcceptedCount,
    int SolvedCount,
    int FlowchartSubmissionCount);

/// <summary>The data of <c>GET /api/ai/login_summary</c>; <c>analysis_error</c> only when there is one.</summary>
public sealed record AiLoginSummaryDto(
    AiLoginSummaryCountsDto Summary,
    string Analysis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AnalysisError);

/// <summary>"Since you were last here" (ai.md §1.4): counters of the window, and a one-line LLM comment once there is enough to say.</summary>
public class AiLoginSummaryService(AiStatisticsRepository statistics, IAiChatClient ai, IOptions<AiOptions> options, TimeProvider time)
{
    /// <summary>Below this many submissions in the window the provider is not asked.</summary>
    public const int MinimumSubmissions = 3;

    public const string SystemPrompt = "你是 OnlineJudge 的学习助手。请根据下面的统计数据给出简短的分析（1 到 2 句话），最后单独一行写出结论，以“结论：”开头。";

    public async Task<ServiceResult<AiLoginSummaryDto>> GetAsync(CurrentUser caller, DateTime? previousLogin, string? start,
        CancellationToken cancellationToken)
    {
        var user = await statistics.FindUserAsync(caller.Id, cancellationToken);
        if (user is null)
        {
            return ServiceError.Of("User not found");
        }

        var end = time.GetUtcNow().UtcDateTime;
        var from = WindowStart(user, previousLogin, start, end);
        var counts = await statistics.LoginSummaryAsync(user.Id, from, end, cancellationToken);
        var summary = new AiLoginSummaryCountsDto(from, end, counts.NewProblemCount, counts.SubmissionCount, counts.AcceptedCount,
            counts.SolvedCount, counts.FlowchartSubmissionCount);
        if (counts.SubmissionCount < MinimumSubmissions)
        {
            return new AiLoginSummaryDto(summary, "", null);
        }

        // One short attempt: the dialog after login waits for this answer (Ai:SummaryTimeoutSeconds).
        var answer = await ai.CompleteOnceAsync(SystemPrompt, UserPrompt(summary), options.Value.SummaryTimeout, cancellationToken);
        return answer.Error is { } error
            ? new AiLoginSummaryDto(summary, "", error.Message?.ToString())
            : new AiLoginSummaryDto(summary, answer.Data!.Trim(), null);
    }

    /// <summary>The previous login, else the query's start, else the last login or sign-up, else a week ago; always before the end.</summary>
    private static DateTime WindowStart(AiUserDto user, DateTime? previousLogin, string? start, DateTime end)
    {
        DateTime? from = previousLogin is { } previous ? DateTime.SpecifyKind(previous, DateTimeKind.Utc)
            : TimeFormats.TryParse(start, out var parsed) ? parsed
            : null;
        from ??= user.LastLogin is { } last && last < end ? last : user.CreateTime ?? end.AddDays(-7);
        return from.Value >= end ? end.AddDays(-1) : from.Value;
    }

    private static string UserPrompt(AiLoginSummaryCountsDto summary) => string.Create(CultureInfo.InvariantCulture, $"""
        时间范围：{TimeFormats.ToUtcIso(summary.Start)} 到 {TimeFormats.ToUtcIso(summary.End)}
        新题目数：{summary.NewProblemCount}
        提交次数：{summary.SubmissionCount}
        AC 次数：{summary.AcceptedCount}
        AC 题目数：{summary.SolvedCount}
        流程图提交数：{summary.FlowchartSubmissionCount}

        """);
}

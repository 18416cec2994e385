using System.Text.Json;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Ai;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Ai;

/// <summary>
/// A streamed answer ready to run: its prompts, and what to do with the whole text when the provider finished normally
/// (ai.md §2.1 stores it; the other answers keep nothing).
/// </summary>
public sealed record AiStreamPlan(string SystemPrompt, string UserPrompt, Func<string, CancellationToken, Task>? OnFinished = null);

/// <summary>
/// The checks of the four streamed answers (ai.md §2.1–§2.4), made before anything is streamed so that a failure is a
/// plain envelope: a missing provider key, the endpoint's own errors, class data the prompt cannot be built from.
/// </summary>
public class AiStreamService(IAiChatClient ai, AiHintRepository hints, AiAnalysisRepository analyses, IOptions<AiOptions> options, TimeProvider time)
{
    public const string DefaultTimeRange = "全部时间";

    public ServiceResult<AiStreamPlan> PrepareAnalysis(AiAnalysisRequest request, CurrentUser caller)
    {
        if (!ai.IsConfigured)
        {
            return ServiceError.Of(AiChatClient.MissingKey);
        }

        // Stored as received, always under the caller (a super admin analysing a student's page keeps the report).
        var details = Clone(request.Details);
        var duration = Clone(request.Duration);
        return new AiStreamPlan(AiPrompts.AnalysisSystem, AiPrompts.Analysis(details, duration), async (text, ct) =>
        {
            var settings = options.Value;
            await analyses.InsertAsync(caller.Id, details, duration, AiPrompts.AnalysisSystem, text, settings.Provider, settings.Model,
                time.GetUtcNow().UtcDateTime, ct);
        });
    }

    public async Task<ServiceResult<AiStreamPlan>> PrepareHintAsync(string? submissionId, CurrentUser caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(submissionId))
        {
            return ServiceError.Of("submission_id is required");
        }

        var source = await hints.FindOwnAsync(submissionId, caller.Id, cancellationToken);
        if (source is null)
        {
            return ServiceError.Of("Submission not found");
        }

        return ai.IsConfigured ? new AiStreamPlan(AiPrompts.HintSystem, AiPrompts.Hint(source)) : ServiceError.Of(AiChatClient.MissingKey);
    }

    public ServiceResult<AiStreamPlan> PrepareClassPk(AiClassPkRequest request)
    {
        if (request.Comparisons is not { ValueKind: JsonValueKind.Array } comparisons || comparisons.GetArrayLength() < 2)
        {
            return ServiceError.Of("至少需要2个班级的数据");
        }

        var label = request.TimeRangeLabel is { ValueKind: JsonValueKind.String } text && text.GetString() is { Length: > 0 } value
            ? value
            : DefaultTimeRange;
        return Build(AiPrompts.ClassPkSystem, () => AiPrompts.ClassPk([.. comparisons.EnumerateArray()], label));
    }

    public ServiceResult<AiStreamPlan> PrepareClassSingle(AiClassSingleRequest request)
    {
        if (request.Comparison is not { } comparison || comparison.ValueKind is JsonValueKind.Null
            || (comparison.ValueKind == JsonValueKind.Object && !comparison.EnumerateObject().Any()))
        {
            return ServiceError.Of("缺少班级数据");
        }

        return Build(AiPrompts.ClassSingleSystem, () => AiPrompts.ClassSingle(comparison));
    }

    private ServiceResult<AiStreamPlan> Build(string system, Func<string> user)
    {
        string prompt;
        try
        {
            prompt = user();
        }
        catch (ClassDataException exception)
        {
            return ServiceError.Of(exception.Message);
        }

        return ai.IsConfigured ? new AiStreamPlan(system, prompt) : ServiceError.Of(AiChatClient.MissingKey);
    }

    private static JsonElement? Clone(JsonElement? value) => value?.Clone();
}

using OnlineJudge.Data.Comments;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Comments;

/// <summary>ReactionState (comment.md Part A): counts only once the caller gave a verdict.</summary>
public sealed record ReactionStateDto(string? Mine, IReadOnlyDictionary<string, int>? Counts);

/// <summary>Body of <c>POST /api/reaction</c> (comment.md A2): <c>type</c>, or the legacy one-element <c>types</c>.</summary>
public sealed class SetReactionRequest : IValidatableRequest
{
    [IntegerField]
    public int ProblemId { get; set; }

    [ChoiceField(["too_easy", "too_hard", "confusing", "buggy", "learned", "interesting", "want_explain"], Required = false)]
    public string? Type { get; set; }

    [ListField(Required = false, AllowEmpty = false), ChoiceField(["too_easy", "too_hard", "confusing", "buggy", "learned", "interesting", "want_explain"])]
    public List<string>? Types { get; set; }

    /// <summary>The verdict to store, after <see cref="Validate"/> passed.</summary>
    public string EffectiveType => Type ?? Types![0];

    public ValidationFailure? Validate()
    {
        var types = Types?.Distinct(StringComparer.Ordinal).ToList();
        if (types is { Count: > 1 })
        {
            return new ValidationFailure("types", "只能选择一个评价");
        }

        if (Type is null && types is null)
        {
            return new ValidationFailure("type", "This field is required.");
        }

        if (Type is not null && types is not null && types[0] != Type)
        {
            return new ValidationFailure("types", "新旧评价字段不一致");
        }

        Types = types;
        return null;
    }
}

/// <summary>Problem reactions (comment.md Part A), read from the database at request time.</summary>
public class ReactionService(ReactionRepository reactions, TimeProvider time)
{
    public async Task<ServiceResult<ReactionStateDto>> GetAsync(int problemId, CurrentUser caller, CancellationToken cancellationToken)
    {
        var mine = await reactions.FindTypeAsync(problemId, caller.Id, cancellationToken);
        return mine is null ? new ReactionStateDto(null, null) : new ReactionStateDto(mine, await CountsAsync(problemId, cancellationToken));
    }

    public async Task<ServiceResult<ReactionStateDto>> SetAsync(SetReactionRequest request, CurrentUser caller, CancellationToken cancellationToken)
    {
        if (!await reactions.VisibleProblemExistsAsync(request.ProblemId, cancellationToken))
        {
            return ServiceError.Of("problem is not exists");
        }

        if (!await reactions.HasAcceptedSubmissionAsync(request.ProblemId, caller.Id, cancellationToken))
        {
            return ServiceError.Of("submission is not exists or not accepted");
        }

        var stored = await reactions.InsertIfAbsentAsync(request.ProblemId, caller.Id, request.EffectiveType, time.GetUtcNow().UtcDateTime,
            cancellationToken);
        return new ReactionStateDto(stored, await CountsAsync(request.ProblemId, cancellationToken));
    }

    /// <summary>comment.md A3: reactions grouped by problem; <c>problem</c> filters by display id (case-insensitive).</summary>
    public async Task<ServiceResult<Page<ReactionStatsDto>>> ListStatsAsync(ProblemFilterQuery query, CancellationToken cancellationToken) =>
        await reactions.ListStatsAsync(query.Problem, query.Page, cancellationToken);

    private async Task<IReadOnlyDictionary<string, int>> CountsAsync(int problemId, CancellationToken cancellationToken)
    {
        var counts = await reactions.CountByTypeAsync(problemId, cancellationToken);
        var ordered = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in ReactionType.All)
        {
            ordered[type] = counts.GetValueOrDefault(type);
        }

        return ordered;
    }
}

using System.Text.Json;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Tutorials;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Tutorials;

/// <summary>The tutorials of each language (admin list).</summary>
public sealed record TutorialGroupsDto(List<TutorialListItemDto> Python, List<TutorialListItemDto> C);

/// <summary>Super admins' tutorial management (tutorial.md §2.1–§2.5).</summary>
public class TutorialAdminService(TutorialRepository tutorials, TimeProvider time)
{
    public const string InvalidParameter = "Invalid parameter";

    /// <summary>§2.1: any tutorial by id.</summary>
    public async Task<ServiceResult<TutorialDto>> GetAsync(int id, CancellationToken cancellationToken) =>
        await tutorials.FindAsync(id, publicOnly: false, cancellationToken) is { } tutorial ? tutorial : ServiceError.Of(TutorialService.NotFound);

    /// <summary>§2.1: every tutorial, grouped by language; other types appear in neither list.</summary>
    public async Task<ServiceResult<TutorialGroupsDto>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await tutorials.ListAllAsync([TutorialType.Python, TutorialType.C], cancellationToken);
        return new TutorialGroupsDto([.. all.Where(t => t.Type == TutorialType.Python)], [.. all.Where(t => t.Type == TutorialType.C)]);
    }

    /// <summary>§2.2: a new tutorial by the caller.</summary>
    public async Task<ServiceResult<TutorialDto>> CreateAsync(CreateTutorialRequest request, CurrentUser caller, CancellationToken cancellationToken)
    {
        var id = await tutorials.CreateAsync(ToWrite(request), caller.Id, time.GetUtcNow().UtcDateTime, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>§2.3: the sent fields change; <c>updated_at</c> moves on.</summary>
    public async Task<ServiceResult<TutorialDto>> UpdateAsync(EditTutorialRequest request, CancellationToken cancellationToken) =>
        await tutorials.UpdateAsync(request.Id, ToWrite(request), time.GetUtcNow().UtcDateTime, cancellationToken)
            ? await GetAsync(request.Id, cancellationToken)
            : ServiceError.Of(TutorialService.NotFound);

    /// <summary>§2.4: deletes the tutorial with its exercises when the id is given; an unknown id changes nothing.</summary>
    public async Task<ServiceResult> DeleteAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } tutorialId)
        {
            await tutorials.DeleteAsync(tutorialId, cancellationToken);
        }

        return ServiceResult.Ok();
    }

    /// <summary>
    /// §2.5 (no validator): <c>id</c> and <c>is_public</c> must both be given and not null. <c>is_public</c> takes what the
    /// reference's boolean column takes (true/false, 1/0, "t", "True", "1", "f", "False", "0"); other values, and ids that
    /// are not integers, answer a clear error instead of the reference's crash (spec README, decision 5).
    /// </summary>
    public async Task<ServiceResult<TutorialDto>> SetVisibilityAsync(RequestData data, CancellationToken cancellationToken)
    {
        if (Member(data, "id") is not { } idValue || Member(data, "is_public") is not { } publicValue)
        {
            return ServiceError.Of(InvalidParameter);
        }

        if (!JsonValues.TryGetInteger(idValue, out var id))
        {
            return new ServiceError("invalid-id", "id: A valid integer is required.");
        }

        if (!JsonValues.TryGetDjangoBoolean(publicValue, out var isPublic))
        {
            return new ServiceError("invalid-is_public", "is_public: Must be a valid boolean.");
        }

        return await tutorials.SetVisibilityAsync(id, isPublic, time.GetUtcNow().UtcDateTime, cancellationToken)
            ? await GetAsync(id, cancellationToken)
            : ServiceError.Of(TutorialService.NotFound);
    }

    private static JsonElement? Member(RequestData data, string name)
    {
        if (data.Json is { ValueKind: JsonValueKind.Object } body)
        {
            return body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
        }

        return data.GetString(name) is { } text ? JsonSerializer.SerializeToElement(text) : null;
    }

    private static TutorialWriteDto ToWrite(CreateTutorialRequest request) =>
        new(request.Title, request.Content, request.IsPublic, request.Order, request.Type, request.Code != CreateTutorialRequest.NotSent,
            request.Code == CreateTutorialRequest.NotSent ? null : request.Code);
}

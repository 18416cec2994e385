using System.Text.Json;

namespace OnlineJudge.Services.Validation;

/// <summary>
/// Validates request data against a DTO declared with <see cref="FieldAttribute"/>s, reproducing DRF serializer
/// semantics and the first-error rule of platform.md §5.
/// </summary>
public static class RequestValidator
{
    public static ValidationResult<T> Validate<T>(RequestData data)
        where T : new()
    {
        var result = Validate(typeof(T), data);
        return result.IsValid ? ValidationResult<T>.Success((T)result.Value) : ValidationResult<T>.Fail(result.Failure);
    }

    public static ValidationResult Validate(Type type, RequestData data)
    {
        var meta = DtoMeta.For(type);
        return Populate(meta, meta.Create(), data);
    }

    /// <summary>Validates into an instance the caller prepared, e.g. with context that <c>Check</c> methods need.</summary>
    public static ValidationResult<T> ValidateInto<T>(RequestData data, T target)
        where T : class
    {
        var result = Populate(DtoMeta.For(target.GetType()), target, data);
        return result.IsValid ? ValidationResult<T>.Success(target) : ValidationResult<T>.Fail(result.Failure);
    }

    private static ValidationResult Populate(DtoMeta meta, object instance, RequestData data)
    {
        Outcome outcome;
        if (data.Form is { } form)
        {
            outcome = meta.Populate(instance, Input.FromForm(form));
        }
        else
        {
            var json = data.Json ?? default;
            outcome = json.ValueKind switch
            {
                JsonValueKind.Undefined => meta.Populate(instance, Input.EmptyObject),
                JsonValueKind.Null => Outcome.Error("No data provided", ValidationFailure.NonFieldErrors),
                JsonValueKind.Object => meta.Populate(instance, Input.FromJson(json)),
                _ => Outcome.Error($"Invalid data. Expected a dictionary, but got {Py.TypeName(Input.FromJson(json))}.", ValidationFailure.NonFieldErrors),
            };
        }

        return outcome.Failed
            ? ValidationResult.Fail(new ValidationFailure(outcome.Key ?? ValidationFailure.NonFieldErrors, outcome.Message!))
            : ValidationResult.Success(outcome.Value!);
    }
}

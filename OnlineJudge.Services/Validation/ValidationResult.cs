using System.Diagnostics.CodeAnalysis;

namespace OnlineJudge.Services.Validation;

/// <summary>
/// The first validation error, as platform.md §5 reports it; or, with <see cref="Code"/>, an error the endpoint answers
/// with its own code and message (a query parameter's <c>"Problem does not exist"</c>).
/// </summary>
public sealed record ValidationFailure(string Key, string Message)
{
    public const string NonFieldErrors = "non_field_errors";

    public string? Code { get; init; }

    public string ErrorCode => Code ?? $"invalid-{Key}";

    public string ErrorMessage => Code is not null || Key == NonFieldErrors ? Message : $"{Key}: {Message}";

    public static ValidationFailure NonField(string message) => new(NonFieldErrors, message);

    /// <summary><c>{"error": "error", "data": message}</c>, the reference's <c>self.error(message)</c>.</summary>
    public static ValidationFailure Error(string message) => new(NonFieldErrors, message) { Code = "error" };
}

/// <summary>Cross-field checks run after every declared field passed (DRF's <c>Serializer.validate</c>).</summary>
public interface IValidatableRequest
{
    ValidationFailure? Validate();
}

public sealed class ValidationResult<T>
{
    private ValidationResult(T? value, ValidationFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public ValidationFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Failure is null;

    public static ValidationResult<T> Success(T value) => new(value, null);

    public static ValidationResult<T> Fail(ValidationFailure failure) => new(default, failure);
}

public sealed class ValidationResult
{
    private ValidationResult(object? value, ValidationFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public object? Value { get; }

    public ValidationFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Failure is null;

    public static ValidationResult Success(object value) => new(value, null);

    public static ValidationResult Fail(ValidationFailure failure) => new(null, failure);
}

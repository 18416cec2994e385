using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnlineJudge.Services.Common;

/// <summary>
/// Data of one of two shapes, written as the value it holds (in OpenAPI a <c>oneOf</c>). A "GET with an optional id"
/// answers <c>Either&lt;TOne, TList&gt;</c>: the object when the id was given, else the list (<see cref="Either.OneOrList{TOne, TList}(int?, Func{int, Task{ServiceResult{TOne}}}, Func{Task{ServiceResult{TList}}})"/>).
/// </summary>
[JsonConverter(typeof(EitherJsonConverterFactory))]
public sealed class Either<TFirst, TSecond> : IEither
{
    private Either(object? value)
    {
        Value = value;
    }

    public object? Value { get; }

    public static Either<TFirst, TSecond> First(TFirst value) => new(value);

    public static Either<TFirst, TSecond> Second(TSecond value) => new(value);
}

/// <summary>What the JSON converter and the OpenAPI schema need of any <see cref="Either{TFirst, TSecond}"/>.</summary>
public interface IEither
{
    object? Value { get; }
}

public static class Either
{
    /// <summary>"GET with an optional id": <paramref name="one"/> when <paramref name="id"/> was given, else <paramref name="list"/>.</summary>
    public static async Task<ServiceResult<Either<TOne, TList>>> OneOrList<TOne, TList>(int? id, Func<int, Task<ServiceResult<TOne>>> one,
        Func<Task<ServiceResult<TList>>> list) =>
        id is { } value ? First<TOne, TList>(await one(value)) : Second<TOne, TList>(await list());

    /// <summary>The same with a <c>bigint</c> id.</summary>
    public static async Task<ServiceResult<Either<TOne, TList>>> OneOrList<TOne, TList>(long? id, Func<long, Task<ServiceResult<TOne>>> one,
        Func<Task<ServiceResult<TList>>> list) =>
        id is { } value ? First<TOne, TList>(await one(value)) : Second<TOne, TList>(await list());

    /// <summary>The same with a text key (a display id): given when not empty.</summary>
    public static async Task<ServiceResult<Either<TOne, TList>>> OneOrList<TOne, TList>(string? key, Func<string, Task<ServiceResult<TOne>>> one,
        Func<Task<ServiceResult<TList>>> list) =>
        !string.IsNullOrEmpty(key) ? First<TOne, TList>(await one(key)) : Second<TOne, TList>(await list());

    public static ServiceResult<Either<TFirst, TSecond>> First<TFirst, TSecond>(ServiceResult<TFirst> result) =>
        result.Error is { } error ? error : Either<TFirst, TSecond>.First(result.Data!);

    public static ServiceResult<Either<TFirst, TSecond>> Second<TFirst, TSecond>(ServiceResult<TSecond> result) =>
        result.Error is { } error ? error : Either<TFirst, TSecond>.Second(result.Data!);
}

/// <summary>Writes an <see cref="Either{TFirst, TSecond}"/> as the value it holds; responses are never read back.</summary>
public sealed class EitherJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(IEither).IsAssignableFrom(typeToConvert);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert));

    private sealed class Converter<T> : JsonConverter<T>
        where T : IEither
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Either values are written only.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, value.Value?.GetType() ?? typeof(object), options);
    }
}

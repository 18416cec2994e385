using System.Collections.Concurrent;
using System.Reflection;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Services.Validation;

/// <summary>
/// Binds a query record (a class with <see cref="QueryParameterAttribute"/> properties) from the request data. The first
/// parameter that fails, in declaration order, is the answer.
/// </summary>
public static class QueryBinder
{
    private sealed record Parameter(string Name, PropertyInfo Property, QueryParameterAttribute Attribute);

    private static readonly ConcurrentDictionary<Type, Parameter[]> Parameters = new();

    /// <summary>True when <paramref name="type"/> declares query parameters.</summary>
    public static bool IsQueryRecord(Type type) => type.IsClass && ParametersOf(type).Length > 0;

    /// <summary>The query key of a property of a query record (for the OpenAPI document); null when it is not a parameter.</summary>
    public static string? KeyOf(Type type, string propertyName) =>
        ParametersOf(type).FirstOrDefault(p => p.Property.Name == propertyName) is { } parameter
            ? parameter.Attribute is QueryPageAttribute ? "limit" : parameter.Name
            : null;

    public static ValidationResult<T> Bind<T>(RequestData data)
        where T : class, new()
    {
        var result = Bind(typeof(T), data);
        return result.IsValid ? ValidationResult<T>.Success((T)result.Value) : ValidationResult<T>.Fail(result.Failure);
    }

    public static ValidationResult Bind(Type type, RequestData data)
    {
        var instance = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"{type} needs a public parameterless constructor to be bound.");
        foreach (var parameter in ParametersOf(type))
        {
            if (Read(parameter, data.GetString(parameter.Name), data, out var value) is { } failure)
            {
                return ValidationResult.Fail(failure);
            }

            if (value is not Unchanged)
            {
                parameter.Property.SetValue(instance, value);
            }
        }

        return ValidationResult.Success(instance);
    }

    /// <summary>Marks "keep the property's initial value".</summary>
    private sealed class Unchanged
    {
        public static readonly Unchanged Value = new();
    }

    private static ValidationFailure? Read(Parameter parameter, string? text, RequestData data, out object? value)
    {
        value = Unchanged.Value;
        switch (parameter.Attribute)
        {
            case QueryTextAttribute:
                value = text;
                return null;
            case QueryFlagAttribute flag:
                value = flag.TrueValue is { } expected ? text == expected : !string.IsNullOrEmpty(text);
                return null;
            case QueryPageAttribute page:
                var limit = data.GetString("limit");
                value = page.LimitRequired && string.IsNullOrEmpty(limit) ? null : PageRequest.Parse(limit, data.GetString("offset"));
                return null;
            case QueryIdListAttribute list:
                return ReadIdList(list, text, out value);
            case QueryIntegerAttribute integer:
                return ReadInteger(parameter, integer, text, ref value);
            default:
                throw new InvalidOperationException($"Unknown query parameter kind {parameter.Attribute.GetType().Name}");
        }
    }

    private static ValidationFailure? ReadInteger(Parameter parameter, QueryIntegerAttribute integer, string? text, ref object? value)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (integer.Missing is { } missing)
            {
                return ValidationFailure.Error(missing);
            }

            if (!integer.Required)
            {
                return null;
            }
        }

        var isInt = (Nullable.GetUnderlyingType(parameter.Property.PropertyType) ?? parameter.Property.PropertyType) == typeof(int);
        if (PageRequest.TryParsePythonInt(text, out var number) && (!isInt || number is >= int.MinValue and <= int.MaxValue)
            && (!integer.Positive || number > 0))
        {
            value = isInt ? (object)(int)number : number;
            return null;
        }

        if (integer.Invalid is { } invalid)
        {
            return ValidationFailure.Error(invalid);
        }

        if (!integer.Lenient)
        {
            return new ValidationFailure(parameter.Name, "A valid integer is required.");
        }

        if (integer.InvalidValue != QueryIntegerAttribute.NotSet)
        {
            value = isInt ? (object)(int)integer.InvalidValue : integer.InvalidValue;
        }

        return null;
    }

    private static ValidationFailure? ReadIdList(QueryIdListAttribute list, string? text, out object? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return ValidationFailure.Error(list.Missing);
        }

        var ids = new List<int>();
        foreach (var item in text.Split(','))
        {
            if (!PageRequest.TryParseId(item, out var id))
            {
                return ValidationFailure.Error(list.Invalid);
            }

            ids.Add(id);
        }

        value = ids;
        return null;
    }

    private static Parameter[] ParametersOf(Type type) => Parameters.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<QueryParameterAttribute>(inherit: true)))
            .Where(p => p.Attribute is not null)
            .OrderBy(p => p.Property.MetadataToken)
            .Select(p => new Parameter(p.Attribute!.Name ?? DtoMeta.SnakeCase(p.Property.Name), p.Property, p.Attribute))]);
}

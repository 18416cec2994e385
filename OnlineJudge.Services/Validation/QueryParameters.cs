namespace OnlineJudge.Services.Validation;

/// <summary>
/// A parameter of a query record: a class whose properties are read from the request data as the reference's
/// <c>request.GET.get(name)</c> / <c>request.data.get(name)</c> reads them (the last value of a query key, or a JSON
/// member), converted to what the service takes. Declared as an action parameter, the record is bound by the request
/// binder; a parameter that cannot be converted answers at the place of validation failures (after the permission
/// attributes). See <see cref="QueryBinder"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public abstract class QueryParameterAttribute : Attribute
{
    /// <summary>Query key; defaults to the snake_case property name.</summary>
    public string? Name { get; set; }
}

/// <summary>The text as sent, null when absent (a <c>string?</c> property): keywords, display ids, usernames.</summary>
public sealed class QueryTextAttribute : QueryParameterAttribute;

/// <summary>
/// A <c>bool</c> property: true when the value equals <see cref="TrueValue"/>, or, without one, when it is present and
/// not empty (<c>if request.GET.get("download_csv")</c>).
/// </summary>
public sealed class QueryFlagAttribute : QueryParameterAttribute
{
    public string? TrueValue { get; set; }
}

/// <summary>
/// An integer (an <c>int</c>, <c>int?</c>, <c>long</c> or <c>long?</c> property) read as Python's <c>int()</c>:
/// surrounding white space and one sign allowed, within the range of the property's type.
/// <list type="bullet">
/// <item>Absent or empty: the answer <c>{"error": "error", "data": Missing}</c> when <see cref="Missing"/> is set,
/// the answer for a non-integer with <see cref="Required"/>, else the property keeps its initial value (null for an
/// optional id).</item>
/// <item>Not an integer (or not positive with <see cref="Positive"/>): <c>{"error": "error", "data": Invalid}</c> when
/// <see cref="Invalid"/> is set; else, with <see cref="Lenient"/>, no error (the property gets
/// <see cref="InvalidValue"/> when set, else keeps its initial value); else DRF's
/// <c>{"error": "invalid-&lt;name&gt;", "data": "&lt;name&gt;: A valid integer is required."}</c> (spec README, decision 5).</item>
/// </list>
/// </summary>
public sealed class QueryIntegerAttribute : QueryParameterAttribute
{
    /// <summary>Marks <see cref="InvalidValue"/> as not set.</summary>
    public const long NotSet = long.MinValue;

    public string? Missing { get; set; }

    public bool Required { get; set; }

    public string? Invalid { get; set; }

    public bool Lenient { get; set; }

    public long InvalidValue { get; set; } = NotSet;

    /// <summary>Only ids above zero count as integers.</summary>
    public bool Positive { get; set; }
}

/// <summary>
/// A comma-separated list of ids (a <c>List&lt;int&gt;</c> property), e.g. <c>?id=1,2,3</c>; <see cref="Missing"/> and
/// <see cref="Invalid"/> as for <see cref="QueryIntegerAttribute"/> (both answered as <c>error</c>).
/// </summary>
public sealed class QueryIdListAttribute(string missing, string invalid) : QueryParameterAttribute
{
    public string Missing { get; } = missing;

    public string Invalid { get; } = invalid;
}

/// <summary>
/// <c>limit</c> and <c>offset</c> into a <see cref="Data.Paging.PageRequest"/> property (platform.md §7 fallbacks). With
/// <see cref="LimitRequired"/> the property is a <c>PageRequest?</c>, null when <c>limit</c> is absent or empty.
/// </summary>
public sealed class QueryPageAttribute : QueryParameterAttribute
{
    public bool LimitRequired { get; set; }
}

using System.Runtime.CompilerServices;

namespace OnlineJudge.Services.Validation;

/// <summary>
/// Declares a request field on a DTO property (a DRF serializer field). Fields are validated in source order
/// (base class fields first); <see cref="Order"/> is filled in by the compiler.
/// On a <c>List&lt;T&gt;</c> or <c>Dictionary&lt;string, T&gt;</c> property a second, non-container attribute
/// declares the innermost element kind, e.g. <c>[ListField, StringField(MaxLength = 64)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public abstract class FieldAttribute(int order) : Attribute
{
    public int Order { get; } = order;

    /// <summary>JSON key; defaults to the snake_case property name.</summary>
    public string? Name { get; set; }

    public bool Required { get; set; } = true;

    public bool AllowNull { get; set; }

    /// <summary>
    /// Validated before the fields inherited from the base class, as a DRF serializer that declares this field first and
    /// then the same fields as another (the <c>id</c> of an edit request).
    /// </summary>
    public bool BeforeInherited { get; set; }

    /// <summary>
    /// Name of a parameterless instance method of the DTO returning <c>string?</c>, called right after this field
    /// is set (DRF's <c>validate_&lt;field&gt;</c> or a custom field); a non-null result fails this field with that message.
    /// </summary>
    public string? Check { get; set; }
}

/// <summary>DRF CharField. <see cref="MaxLength"/>/<see cref="MinLength"/> of 0 mean no limit.</summary>
public class StringFieldAttribute([CallerLineNumber] int order = 0) : FieldAttribute(order)
{
    public int MaxLength { get; set; }

    public int MinLength { get; set; }

    public bool AllowBlank { get; set; }

    public bool Trim { get; set; } = true;
}

public sealed class EmailFieldAttribute([CallerLineNumber] int order = 0) : StringFieldAttribute(order);

public sealed class UrlFieldAttribute([CallerLineNumber] int order = 0) : StringFieldAttribute(order);

/// <summary>DRF IntegerField for int/long properties; <c>long.MinValue</c>/<c>long.MaxValue</c> mean no bound.</summary>
public sealed class IntegerFieldAttribute([CallerLineNumber] int order = 0) : FieldAttribute(order)
{
    public long Min { get; set; } = long.MinValue;

    public long Max { get; set; } = long.MaxValue;
}

/// <summary>DRF FloatField for double properties; infinities mean no bound.</summary>
public sealed class FloatFieldAttribute([CallerLineNumber] int order = 0) : FieldAttribute(order)
{
    public double Min { get; set; } = double.NegativeInfinity;

    public double Max { get; set; } = double.PositiveInfinity;
}

public sealed class BooleanFieldAttribute([CallerLineNumber] int order = 0) : FieldAttribute(order);

/// <summary>DRF ChoiceField with string choices, e.g. <c>[ChoiceField(["ACM", "OI"])]</c>.</summary>
public sealed class ChoiceFieldAttribute(string[] choices, [CallerLineNumber] int order = 0) : FieldAttribute(order)
{
    public string[] Choices { get; } = choices;

    public bool AllowBlank { get; set; }
}

/// <summary>DRF ListField on a <c>List&lt;T&gt;</c> property; nested <c>List&lt;List&lt;T&gt;&gt;</c> inner lists use defaults.</summary>
public sealed class ListFieldAttribute([CallerLineNumber] int order = 0) : FieldAttribute(order)
{
    public bool AllowEmpty { get; set; } = true;
}

/// <summary>DRF DictField on a <c>Dictionary&lt;string, T&gt;</c> or <c>JsonElement</c> property.</summary>
public sealed class DictFieldAttribute([CallerLineNumber] int order = 0) : FieldAttribute(order)
{
    public bool AllowEmpty { get; set; } = true;
}

/// <summary>A nested serializer: the property's class is validated recursively.</summary>
public sealed class NestedFieldAttribute([CallerLineNumber] int order = 0) : FieldAttribute(order);

/// <summary>DRF JSONField: any JSON value into a <c>JsonElement</c> property.</summary>
public sealed class JsonFieldAttribute([CallerLineNumber] int order = 0) : FieldAttribute(order);

/// <summary>DRF DateTimeField: ISO 8601 into a UTC <c>DateTime</c> (or <c>DateTimeOffset</c>); no offset means UTC+08:00.</summary>
public sealed class DateTimeFieldAttribute([CallerLineNumber] int order = 0) : FieldAttribute(order);

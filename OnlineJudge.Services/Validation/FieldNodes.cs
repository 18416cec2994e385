using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OnlineJudge.Services.Validation;

/// <summary>Success (Message null) or the first error; Key null means "the position being validated".</summary>
internal readonly record struct Outcome(object? Value, string? Key, string? Message)
{
    public bool Failed => Message is not null;

    public static Outcome Ok(object? value) => new(value, null, null);

    public static Outcome Error(string message, string? key = null) => new(null, key, message);

    public Outcome At(string key) => Key is null ? this with { Key = key } : this;
}

/// <summary>Validates one value the way a DRF field's run_validation does.</summary>
internal abstract class Node
{
    public const string RequiredMessage = "This field is required.";

    public bool AllowNull { get; init; }

    /// <summary>DRF's allow_blank, which also changes how an empty form value is read.</summary>
    public virtual bool AllowBlank => false;

    protected virtual object? NullValue => null;

    public Outcome Run(Input input)
    {
        if (input.Kind != InputKind.Null)
        {
            return Convert(input);
        }

        return AllowNull ? Outcome.Ok(NullValue) : Outcome.Error("This field may not be null.");
    }

    /// <summary>Converts a present, non-null value.</summary>
    protected abstract Outcome Convert(Input input);
}

internal enum TextKind
{
    Plain,
    Email,
    Url,
}

internal sealed class StringNode : Node
{
    public int MaxLength { get; init; }

    public int MinLength { get; init; }

    public bool Blank { get; init; }

    public bool Trim { get; init; } = true;

    public TextKind Kind { get; init; }

    public override bool AllowBlank => Blank;

    protected override Outcome Convert(Input input)
    {
        if (input.Kind is not (InputKind.String or InputKind.Integer or InputKind.Float))
        {
            return Outcome.Error("Not a valid string.");
        }

        var raw = Py.Str(input);
        var stripped = Py.Strip(raw);
        if (raw.Length == 0 || (Trim && stripped.Length == 0))
        {
            return Blank ? Outcome.Ok(string.Empty) : Outcome.Error("This field may not be blank.");
        }

        var value = Trim ? stripped : raw;
        var message = Check(value);
        return message is null ? Outcome.Ok(value) : Outcome.Error(message);
    }

    private string? Check(string value)
    {
        var length = MaxLength > 0 || MinLength > 0 ? Py.Length(value) : 0;
        if (MaxLength > 0 && length > MaxLength)
        {
            return $"Ensure this field has no more than {MaxLength} characters.";
        }

        if (MinLength > 0 && length < MinLength)
        {
            return $"Ensure this field has at least {MinLength} characters.";
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "Null characters are not allowed.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"Surrogate characters are not allowed: U+{(int)value[i]:X}.");
            }
        }

        return Kind switch
        {
            TextKind.Email when !DjangoValidators.IsEmail(value) => "Enter a valid email address.",
            TextKind.Url when !DjangoValidators.IsUrl(value) => "Enter a valid URL.",
            _ => null,
        };
    }
}

internal sealed partial class IntegerNode(Type target, long min, long max) : Node
{
    private const string Invalid = "A valid integer is required.";

    protected override Outcome Convert(Input input)
    {
        if (input.Kind == InputKind.String && Py.Length(input.Text) > 1000)
        {
            return Outcome.Error("String value too large.");
        }

        BigInteger value;
        if (input.Kind == InputKind.Integer)
        {
            value = BigInteger.Parse(input.NumberText, CultureInfo.InvariantCulture);
        }
        else if (input.Kind is InputKind.Array or InputKind.Object
            || !Py.TryParseInt(TrailingZeroDecimals().Replace(Py.Str(input), string.Empty), out value))
        {
            return Outcome.Error(Invalid);
        }

        if (max != long.MaxValue && value > max)
        {
            return Outcome.Error(string.Create(CultureInfo.InvariantCulture, $"Ensure this value is less than or equal to {max}."));
        }

        if (min != long.MinValue && value < min)
        {
            return Outcome.Error(string.Create(CultureInfo.InvariantCulture, $"Ensure this value is greater than or equal to {min}."));
        }

        if (target == typeof(int))
        {
            return value >= int.MinValue && value <= int.MaxValue ? Outcome.Ok((int)value) : Outcome.Error(Invalid);
        }

        return value >= long.MinValue && value <= long.MaxValue ? Outcome.Ok((long)value) : Outcome.Error(Invalid);
    }

    // IntegerField.re_decimal: "1.0" and "1." count as integers, "1.2" does not.
    [GeneratedRegex(@"\.0*[\s\x1c-\x1f]*$")]
    private static partial Regex TrailingZeroDecimals();
}

internal sealed class FloatNode(double min, double max) : Node
{
    protected override Outcome Convert(Input input)
    {
        double value;
        switch (input.Kind)
        {
            case InputKind.String when Py.Length(input.Text) > 1000:
                return Outcome.Error("String value too large.");
            case InputKind.String when Py.TryParseFloat(input.Text, out value):
                break;
            case InputKind.Integer:
                var integer = BigInteger.Parse(input.NumberText, CultureInfo.InvariantCulture);
                value = (double)integer;
                if (double.IsInfinity(value))
                {
                    return Outcome.Error("Integer value too large to convert to float");
                }

                break;
            case InputKind.Float:
                value = Py.ParseJsonFloat(input.NumberText);
                break;
            case InputKind.True or InputKind.False:
                value = input.Kind == InputKind.True ? 1 : 0;
                break;
            default:
                return Outcome.Error("A valid number is required.");
        }

        if (value > max)
        {
            return Outcome.Error($"Ensure this value is less than or equal to {Py.FormatLimit(max)}.");
        }

        if (value < min)
        {
            return Outcome.Error($"Ensure this value is greater than or equal to {Py.FormatLimit(min)}.");
        }

        return Outcome.Ok(value);
    }
}

internal sealed class BoolNode : Node
{
    private static readonly HashSet<string> TrueValues = ["t", "y", "yes", "true", "on", "1"];
    private static readonly HashSet<string> FalseValues = ["f", "n", "no", "false", "off", "0"];

    protected override Outcome Convert(Input input)
    {
        switch (input.Kind)
        {
            case InputKind.True:
                return Outcome.Ok(true);
            case InputKind.False:
                return Outcome.Ok(false);
            case InputKind.String:
                var text = input.Text.ToLowerInvariant();
                if (TrueValues.Contains(text))
                {
                    return Outcome.Ok(true);
                }

                if (FalseValues.Contains(text))
                {
                    return Outcome.Ok(false);
                }

                if (AllowNull && text is "null" or "")
                {
                    return Outcome.Ok(null);
                }

                break;
            case InputKind.Integer or InputKind.Float:
                // 1 == 1.0 == True in Python, so numbers land in the sets by value.
                var number = Py.ParseJsonFloat(input.NumberText);
                if (number == 1 || number == 0)
                {
                    return Outcome.Ok(number == 1);
                }

                break;
        }

        return Outcome.Error("Must be a valid boolean.");
    }
}

internal sealed class ChoiceNode(IReadOnlyList<string> choices, bool allowBlank) : Node
{
    public override bool AllowBlank => allowBlank;

    protected override Outcome Convert(Input input)
    {
        if (allowBlank && input.Kind == InputKind.String && input.Text.Length == 0)
        {
            return Outcome.Ok(string.Empty);
        }

        var text = Py.Str(input);
        return choices.Contains(text, StringComparer.Ordinal) ? Outcome.Ok(text) : Outcome.Error($"\"{text}\" is not a valid choice.");
    }
}

internal sealed class DateTimeNode(Type target) : Node
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    protected override Outcome Convert(Input input)
    {
        if (input.Kind != InputKind.String || !IsoDateTime.TryParse(input.Text, out var local, out var offset))
        {
            return Outcome.Error("Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
        }

        var ticks = local.Ticks - (offset ?? Shanghai).Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks + Shanghai.Ticks > DateTime.MaxValue.Ticks)
        {
            return Outcome.Error("Datetime value out of range.");
        }

        var utc = new DateTime(ticks, DateTimeKind.Utc);
        return Outcome.Ok(target == typeof(DateTimeOffset) ? new DateTimeOffset(utc) : (object)utc);
    }
}

/// <summary>DRF JSONField, and the unvalidated child of a ListField/DictField declared without one.</summary>
internal sealed class JsonNode(bool nullable) : Node
{
    private static readonly JsonElement JsonNull = JsonSerializer.SerializeToElement<object?>(null);

    protected override object? NullValue => nullable ? null : JsonNull;

    protected override Outcome Convert(Input input) => Outcome.Ok(input.ToElement());
}

internal sealed class ListNode(Type listType, Node child) : Node
{
    public bool AllowEmpty { get; init; } = true;

    protected override Outcome Convert(Input input)
    {
        if (input.Kind != InputKind.Array)
        {
            return Outcome.Error($"Expected a list of items but got type \"{Py.TypeName(input)}\".");
        }

        var items = input.Items();
        if (!AllowEmpty && input.Count == 0)
        {
            return Outcome.Error("This list may not be empty.");
        }

        var list = (IList)Activator.CreateInstance(listType)!;
        var index = 0;
        foreach (var item in items)
        {
            var outcome = child.Run(item);
            if (outcome.Failed)
            {
                return outcome.At(index.ToString(CultureInfo.InvariantCulture));
            }

            list.Add(outcome.Value);
            index++;
        }

        return Outcome.Ok(list);
    }
}

/// <summary>DRF DictField into a Dictionary&lt;string, T&gt;, or into a JsonElement when <paramref name="dictionaryType"/> is null.</summary>
internal sealed class DictNode(Type? dictionaryType, Node child) : Node
{
    public bool AllowEmpty { get; init; } = true;

    protected override Outcome Convert(Input input)
    {
        if (input.Kind != InputKind.Object)
        {
            return Outcome.Error($"Expected a dictionary of items but got type \"{Py.TypeName(input)}\".");
        }

        var members = input.Members().ToList();
        if (!AllowEmpty && members.Count == 0)
        {
            return Outcome.Error("This dictionary may not be empty.");
        }

        var dictionary = dictionaryType is null ? null : (IDictionary)Activator.CreateInstance(dictionaryType)!;
        foreach (var (key, value) in members)
        {
            var outcome = child.Run(value);
            if (outcome.Failed)
            {
                return outcome.At(key);
            }

            if (dictionary is not null)
            {
                dictionary[key] = outcome.Value;
            }
        }

        return Outcome.Ok((object?)dictionary ?? input.ToElement());
    }
}

internal sealed class NestedNode(Type type) : Node
{
    public Type Type => type;

    protected override Outcome Convert(Input input)
    {
        if (input.Kind != InputKind.Object)
        {
            return Outcome.Error($"Invalid data. Expected a dictionary, but got {Py.TypeName(input)}.", ValidationFailure.NonFieldErrors);
        }

        var meta = DtoMeta.For(type);
        var instance = meta.Create();
        return meta.Populate(instance, input);
    }
}

using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OnlineJudge.Services.Validation;

internal sealed record FieldMeta(string Name, PropertyInfo Property, Node Node, bool Required, MethodInfo? Check, bool BeforeInherited = false);

/// <summary>The declared fields of one DTO type, built once per type.</summary>
internal sealed partial class DtoMeta
{
    private static readonly ConcurrentDictionary<Type, DtoMeta> Cache = new();

    private readonly Type type;
    private readonly FieldMeta[] fields;

    private DtoMeta(Type type)
    {
        if (type.IsAbstract || (!type.IsValueType && type.GetConstructor(Type.EmptyTypes) is null))
        {
            throw new InvalidOperationException($"{type} needs a public parameterless constructor to be validated.");
        }

        this.type = type;
        fields = BuildFields(type);
    }

    public static DtoMeta For(Type type) => Cache.GetOrAdd(type, static t => new DtoMeta(t));

    public object Create() => Activator.CreateInstance(type)!;

    public Outcome Populate(object instance, Input source)
    {
        foreach (var field in fields)
        {
            Input input;
            string? error = null;
            var present = source.Form is { } form ? TryReadForm(form, field, out input, out error) : source.TryGetMember(field.Name, out input);
            if (error is not null)
            {
                return Outcome.Error(error, field.Name);
            }

            if (!present)
            {
                if (field.Required)
                {
                    return Outcome.Error(Node.RequiredMessage, field.Name);
                }

                continue;
            }

            var outcome = field.Node.Run(input);
            if (outcome.Failed)
            {
                return outcome.At(field.Name);
            }

            field.Property.SetValue(instance, outcome.Value);
            if (field.Check?.Invoke(instance, null) is string message)
            {
                return Outcome.Error(message, field.Name);
            }
        }

        if (instance is IValidatableRequest validatable && validatable.Validate() is { } failure)
        {
            return Outcome.Error(failure.Message, failure.Key);
        }

        return Outcome.Ok(instance);
    }

    /// <summary>DRF's get_value for HTML input (a QueryDict): the rules differ per field kind.</summary>
    private static bool TryReadForm(IReadOnlyDictionary<string, string[]> form, FieldMeta field, out Input input, out string? error)
    {
        error = null;
        input = default;
        var present = form.TryGetValue(field.Name, out var values);
        switch (field.Node)
        {
            case ListNode:
                if (present && values!.Length > 0)
                {
                    input = Input.FromTexts(values);
                    return true;
                }

                var indexed = IndexedValues(form, field.Name);
                input = Input.FromTexts(indexed);
                return indexed.Count > 0;
            case DictNode:
                // DRF 3.15 parses the HTML dict twice, so a form always yields an empty dict.
                input = Input.EmptyForm;
                return true;
            case NestedNode:
                var prefix = field.Name + ".";
                var nested = form.Where(pair => pair.Key.Length > prefix.Length && pair.Key.StartsWith(prefix, StringComparison.Ordinal))
                    .ToDictionary(pair => pair.Key[prefix.Length..], pair => pair.Value, StringComparer.Ordinal);
                input = Input.FromForm(nested);
                return nested.Count > 0;
            case JsonNode when present:
                try
                {
                    using var document = JsonDocument.Parse(values!.Length > 0 ? values[^1] : string.Empty);
                    input = Input.FromJson(document.RootElement.Clone());
                }
                catch (JsonException)
                {
                    error = "Value must be valid JSON.";
                }

                return true;
            case BoolNode when !present:
                input = field.Node.AllowNull ? Input.Null : Input.False;
                return field.Node.AllowNull || field.Required;
        }

        if (!present)
        {
            return false;
        }

        if (values!.Length == 0)
        {
            input = Input.FromTexts(values);
            return true;
        }

        var last = values[^1];
        if (last.Length == 0 && (field.Node.AllowNull || !field.Required))
        {
            input = field.Node.AllowBlank ? Input.FromText(string.Empty) : Input.Null;
            return field.Node.AllowBlank || field.Node.AllowNull;
        }

        input = Input.FromText(last);
        return true;
    }

    /// <summary>html.parse_html_list: keys "name[0]", "name[1]", … in index order.</summary>
    private static List<string> IndexedValues(IReadOnlyDictionary<string, string[]> form, string name)
    {
        var items = new SortedDictionary<long, string>();
        foreach (var (key, values) in form)
        {
            if (key.Length > name.Length + 2 && key.StartsWith(name + "[", StringComparison.Ordinal) && key[^1] == ']'
                && long.TryParse(key.AsSpan(name.Length + 1, key.Length - name.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && values.Length > 0)
            {
                items[index] = values[^1];
            }
        }

        return [.. items.Values];
    }

    private static FieldMeta[] BuildFields(Type type)
    {
        var hierarchy = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            hierarchy.Push(t);
        }

        var ordered = new List<FieldMeta>();
        while (hierarchy.Count > 0)
        {
            var declared = hierarchy.Pop().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(property => (property, attributes: property.GetCustomAttributes<FieldAttribute>(inherit: true).ToList()))
                .Where(entry => entry.attributes.Count > 0)
                .Select(entry => BuildField(type, entry.property, entry.attributes))
                .OrderBy(entry => entry.Order);
            foreach (var (field, _) in declared)
            {
                // A redeclared field keeps the base class position (as DRF's declared-fields merge does).
                var existing = ordered.FindIndex(f => f.Name == field.Name);
                if (existing >= 0)
                {
                    ordered[existing] = field;
                }
                else
                {
                    ordered.Add(field);
                }
            }
        }

        return [.. ordered.Where(f => f.BeforeInherited), .. ordered.Where(f => !f.BeforeInherited)];
    }

    private static (FieldMeta Field, int Order) BuildField(Type owner, PropertyInfo property, List<FieldAttribute> attributes)
    {
        var containers = attributes.Where(a => a is ListFieldAttribute or DictFieldAttribute).ToList();
        var items = attributes.Where(a => a is not (ListFieldAttribute or DictFieldAttribute)).ToList();
        if (containers.Count > 1 || items.Count > 1 || (containers.Count == 0 && items.Count != 1) || property.SetMethod is null)
        {
            throw Misdeclared(property, "needs a setter and one field attribute, plus at most one element attribute on a list or dict");
        }

        var field = containers.Count == 1 ? containers[0] : items[0];
        var node = NodeFactory.Build(property, field, containers.Count == 1 ? items.FirstOrDefault() : null);
        MethodInfo? check = null;
        if (field.Check is { } checkName)
        {
            check = owner.GetMethod(checkName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes);
            if (check is null || check.ReturnType != typeof(string))
            {
                throw Misdeclared(property, $"refers to a missing check method {checkName}; it must be 'string? {checkName}()'");
            }
        }

        return (new FieldMeta(field.Name ?? SnakeCase(property.Name), property, node, field.Required, check, field.BeforeInherited), field.Order);
    }

    internal static InvalidOperationException Misdeclared(PropertyInfo property, string problem) =>
        new($"Request field {property.DeclaringType?.Name}.{property.Name} {problem}.");

    internal static string SnakeCase(string name) => WordBoundary().Replace(name, "_").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();
}

/// <summary>Turns a property and its attributes into the node tree that validates it.</summary>
internal static class NodeFactory
{
    public static Node Build(PropertyInfo property, FieldAttribute field, FieldAttribute? item)
    {
        var type = property.PropertyType;
        return field switch
        {
            ListFieldAttribute list when ElementOf(type, typeof(List<>)) is { } element =>
                new ListNode(type, Child(property, element, item)) { AllowEmpty = list.AllowEmpty, AllowNull = list.AllowNull },
            DictFieldAttribute dict when ElementOf(type, typeof(Dictionary<,>)) is { } value =>
                new DictNode(type, Child(property, value, item)) { AllowEmpty = dict.AllowEmpty, AllowNull = dict.AllowNull },
            DictFieldAttribute dict when IsJsonElement(type) && item is null =>
                new DictNode(null, new JsonNode(nullable: true) { AllowNull = true }) { AllowEmpty = dict.AllowEmpty, AllowNull = dict.AllowNull },
            ListFieldAttribute or DictFieldAttribute => throw DtoMeta.Misdeclared(property, $"has type {type.Name}, which does not fit {field.GetType().Name}"),
            _ => Scalar(property, type, field),
        };
    }

    /// <summary>An element; inner lists and dicts get DRF defaults and the element attribute applies to the innermost value.</summary>
    private static Node Child(PropertyInfo property, Type type, FieldAttribute? item)
    {
        if (ElementOf(type, typeof(List<>)) is { } element)
        {
            return new ListNode(type, Child(property, element, item));
        }

        if (ElementOf(type, typeof(Dictionary<,>)) is { } value)
        {
            return new DictNode(type, Child(property, value, item));
        }

        if (item is not null)
        {
            return Scalar(property, type, item);
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        FieldAttribute inferred = underlying switch
        {
            _ when underlying == typeof(string) => new StringFieldAttribute(),
            _ when underlying == typeof(int) || underlying == typeof(long) => new IntegerFieldAttribute(),
            _ when underlying == typeof(double) => new FloatFieldAttribute(),
            _ when underlying == typeof(bool) => new BooleanFieldAttribute(),
            _ when underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) => new DateTimeFieldAttribute(),
            _ when underlying == typeof(JsonElement) => new JsonFieldAttribute { AllowNull = true },
            _ => new NestedFieldAttribute(),
        };
        return Scalar(property, type, inferred);
    }

    private static Node Scalar(PropertyInfo property, Type type, FieldAttribute field)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var target = underlying ?? type;
        if (field.AllowNull && type.IsValueType && underlying is null && target != typeof(JsonElement))
        {
            throw DtoMeta.Misdeclared(property, $"allows null but {type.Name} cannot hold it");
        }

        Node? node = field switch
        {
            StringFieldAttribute s when target == typeof(string) => new StringNode
            {
                MaxLength = s.MaxLength,
                MinLength = s.MinLength,
                Blank = s.AllowBlank,
                Trim = s.Trim,
                Kind = s switch { EmailFieldAttribute => TextKind.Email, UrlFieldAttribute => TextKind.Url, _ => TextKind.Plain },
                AllowNull = s.AllowNull,
            },
            IntegerFieldAttribute i when target == typeof(int) || target == typeof(long) => new IntegerNode(target, i.Min, i.Max) { AllowNull = i.AllowNull },
            FloatFieldAttribute f when target == typeof(double) => new FloatNode(f.Min, f.Max) { AllowNull = f.AllowNull },
            BooleanFieldAttribute b when target == typeof(bool) => new BoolNode { AllowNull = b.AllowNull },
            ChoiceFieldAttribute c when target == typeof(string) => new ChoiceNode(c.Choices, c.AllowBlank) { AllowNull = c.AllowNull },
            DateTimeFieldAttribute d when target == typeof(DateTime) || target == typeof(DateTimeOffset) => new DateTimeNode(target) { AllowNull = d.AllowNull },
            JsonFieldAttribute j when target == typeof(JsonElement) => new JsonNode(underlying is not null) { AllowNull = j.AllowNull },
            NestedFieldAttribute n when type.IsClass && type != typeof(string) && type.GetConstructor(Type.EmptyTypes) is not null => new NestedNode(type) { AllowNull = n.AllowNull },
            _ => null,
        };
        return node ?? throw DtoMeta.Misdeclared(property, $"has type {type.Name}, which does not fit {field.GetType().Name}");
    }

    private static Type? ElementOf(Type type, Type generic)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != generic)
        {
            return null;
        }

        var arguments = type.GetGenericArguments();
        return arguments.Length == 1 ? arguments[0] : arguments[0] == typeof(string) ? arguments[1] : null;
    }

    private static bool IsJsonElement(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(JsonElement);
}

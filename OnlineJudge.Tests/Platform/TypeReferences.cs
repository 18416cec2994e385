using System.Reflection;
using System.Reflection.Emit;

namespace OnlineJudge.Tests.Platform;

/// <summary>
/// The types a type refers to: in its signatures and in the IL of its methods (calls, fields, type tokens), so that
/// architecture rules see what the code really uses.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static
        | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Types used by the signatures of <paramref name="type"/>'s members (fields, properties, parameters, returns, base).</summary>
    public static IEnumerable<Type> InSignatures(Type type) =>
        type.GetFields(Declared).Select(f => f.FieldType)
            .Concat(type.GetProperties(Declared).Select(p => p.PropertyType))
            .Concat(type.GetMethods(Declared).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(Declared).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
            .Concat(type.BaseType is { } baseType ? [baseType] : [])
            .SelectMany(Flatten);

    /// <summary>Types named by the IL of <paramref name="type"/>'s methods and constructors.</summary>
    public static IEnumerable<Type> InBodies(Type type)
    {
        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        foreach (var method in methods)
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                continue;
            }

            foreach (var token in Tokens(il))
            {
                Type? found = null;
                try
                {
                    found = method.Module.ResolveMember(token, SafeArguments(type), SafeArguments(method)) switch
                    {
                        Type t => t,
                        MemberInfo member => member.DeclaringType,
                        _ => null,
                    };
                }
                catch (ArgumentException)
                {
                    // A string token, or one that needs generic context we do not have: not a type reference.
                }

                if (found is not null)
                {
                    foreach (var inner in Flatten(found))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    public static IEnumerable<Type> All(Type type) => InSignatures(type).Concat(InBodies(type));

    public static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return inner;
            }
        }
    }

    private static Type[]? SafeArguments(Type type) => type.IsGenericType ? type.GetGenericArguments() : null;

    private static Type[]? SafeArguments(MethodBase method) => method.IsGenericMethod ? method.GetGenericArguments() : null;

    /// <summary>Metadata tokens of the instructions that name a member or a type.</summary>
    private static IEnumerable<int> Tokens(byte[] il)
    {
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            if (!OpCodesByValue.TryGetValue(value, out var opCode))
            {
                yield break;
            }

            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    yield return BitConverter.ToInt32(il, position);
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }
}

using System.Globalization;
using System.Text.Json;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Services.Judge;

/// <summary>A parsed program: every node's type and parent (document order), and its calls.</summary>
public sealed record SyntaxTree(IReadOnlyList<string> NodeTypes, IReadOnlyList<int> Parents, IReadOnlyList<SyntaxCall> Calls)
{
    public static SyntaxTree FromToolAnswer(JsonElement answer)
    {
        var types = answer.GetProperty("types").EnumerateArray().Select(t => t.GetString() ?? "").ToArray();
        var flat = answer.GetProperty("nodes").EnumerateArray().Select(n => n.GetInt32()).ToArray();
        var nodeTypes = new string[flat.Length / 2];
        var parents = new int[flat.Length / 2];
        for (var i = 0; i < nodeTypes.Length; i++)
        {
            nodeTypes[i] = types[flat[2 * i]];
            parents[i] = flat[2 * i + 1];
        }

        var calls = answer.GetProperty("calls").EnumerateArray()
            .Select(c => new SyntaxCall(c[0].GetInt32(), c[1].GetString() == "method", c[2].GetString() ?? ""))
            .ToArray();
        return new SyntaxTree(nodeTypes, parents, calls);
    }

    public int Count(string type) => NodeTypes.Count(t => t == type);

    /// <summary>Whether some node of <paramref name="outer"/> has a node of <paramref name="inner"/> strictly below it.</summary>
    public bool HasNesting(string outer, string inner)
    {
        for (var i = 0; i < NodeTypes.Count; i++)
        {
            if (NodeTypes[i] != inner)
            {
                continue;
            }

            for (var parent = Parents[i]; parent >= 0; parent = Parents[parent])
            {
                if (NodeTypes[parent] == outer)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

public sealed record SyntaxCall(int Node, bool IsMethod, string Name);

/// <summary>
/// The AST rules of judge.md §5.1, evaluated on a <see cref="SyntaxTree"/>: targets mapped per language to tree-sitter
/// node types, one result per rule of a known engine (its description, or the rule's own message), unknown engines
/// skipped.
/// </summary>
public static class AstRules
{
    public const string Python = "Python3";
    public const string C = "C";

    private static readonly Dictionary<string, string> PythonTypes = new(StringComparer.Ordinal)
    {
        ["for_loop"] = "for_statement", ["while_loop"] = "while_statement", ["if_statement"] = "if_statement",
        ["else_clause"] = "else_clause", ["function_definition"] = "function_definition", ["return"] = "return_statement",
        ["break"] = "break_statement", ["continue"] = "continue_statement", ["list_comprehension"] = "list_comprehension",
        ["list_literal"] = "list", ["dict_literal"] = "dictionary", ["set_literal"] = "set", ["f_string"] = "format_string",
        ["try_except"] = "try_statement", ["class_definition"] = "class_definition", ["elif_clause"] = "elif_clause",
        ["with_statement"] = "with_statement", ["import"] = "import_statement", ["import_from"] = "import_from_statement",
        ["assignment"] = "assignment",
    };

    private static readonly Dictionary<string, string> CTypes = new(StringComparer.Ordinal)
    {
        ["for_loop"] = "for_statement", ["while_loop"] = "while_statement", ["if_statement"] = "if_statement",
        ["else_clause"] = "else_clause", ["function_definition"] = "function_definition", ["return"] = "return_statement",
        ["break"] = "break_statement", ["continue"] = "continue_statement", ["assignment"] = "assignment_expression",
        ["do_while"] = "do_statement", ["switch_statement"] = "switch_statement", ["case_statement"] = "case_statement",
        ["struct"] = "struct_specifier", ["include"] = "preproc_include", ["and"] = "&&", ["or"] = "||", ["not"] = "!",
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["for_loop"] = "for 循环", ["while_loop"] = "while 循环", ["if_statement"] = "if 条件", ["else_clause"] = "else 子句",
        ["function_definition"] = "函数定义", ["return"] = "return 语句", ["break"] = "break 语句", ["continue"] = "continue 语句",
        ["list_comprehension"] = "列表推导式", ["list_literal"] = "列表", ["dict_literal"] = "字典", ["set_literal"] = "集合",
        ["f_string"] = "f-string", ["try_except"] = "try-except", ["class_definition"] = "类定义",
    };

    /// <summary>The grammar the code tools parse a submission language with, or null when rules do not apply to it.</summary>
    public static string? GrammarOf(string language) => language switch
    {
        Python => "python",
        C => "c",
        _ => null,
    };

    /// <summary>The rules of <paramref name="language"/> in a problem's <c>ast_rules</c>, or an empty list.</summary>
    public static IReadOnlyList<JsonElement> RulesOf(JsonElement? astRules, string language) =>
        astRules is { ValueKind: JsonValueKind.Object } rules && rules.TryGetProperty(language, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object)]
            : [];

    public static List<AstCheckResult> Evaluate(IEnumerable<JsonElement> rules, string language, SyntaxTree tree)
    {
        var results = new List<AstCheckResult>();
        foreach (var rule in rules)
        {
            if (Check(rule, language, tree) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    private static AstCheckResult? Check(JsonElement rule, string language, SyntaxTree tree)
    {
        var engine = Text(rule, "engine");
        var target = Text(rule, "target") ?? "";
        var label = Text(rule, "label") is { Length: > 0 } given ? given : LabelOf(target);
        var isC = language == C;
        var (passed, description) = engine switch
        {
            "must_exist_node" => (tree.Count(TypeOf(target, language)) > 0, $"必须使用 {label}"),
            "must_not_exist_node" => (tree.Count(TypeOf(target, language)) == 0, $"不能使用 {label}"),
            "count_node" => CountRule(tree.Count(TypeOf(target, language)), rule, label + " "),
            "must_call_function" => (FunctionCalls(tree, target) > 0, $"必须调用 {target}()"),
            "must_not_call_function" => (FunctionCalls(tree, target) == 0, $"不能调用 {target}()"),
            "count_function_call" => CountRule(FunctionCalls(tree, target), rule, $"{target}() ", exactAllowed: false),
            "must_call_method" => (!isC && MethodCalls(tree, target) > 0, $"必须调用 .{target}()"),
            "must_not_call_method" => (isC || MethodCalls(tree, target) == 0, $"不能调用 .{target}()"),
            "must_use_operator" => (tree.Count(TypeOf(target, language)) > 0, $"必须使用 {target} 运算符"),
            "must_have_nesting" => NestingRule(rule, language, tree),
            _ => (false, (string?)null),
        };
        if (description is null)
        {
            return null;
        }

        var message = Text(rule, "message");
        return new AstCheckResult { Description = string.IsNullOrEmpty(message) ? description : message, Passed = passed };
    }

    private static (bool, string?) CountRule(int count, JsonElement rule, string subject, bool exactAllowed = true)
    {
        var exact = exactAllowed ? Number(rule, "exact") : null;
        if (exact is { } times)
        {
            return (count == times, $"{subject}出现 {times} 次");
        }

        var min = Number(rule, "min");
        var max = Number(rule, "max");
        var parts = new List<string>();
        if (min is { } low)
        {
            parts.Add($"至少 {low} 次");
        }

        if (max is { } high)
        {
            parts.Add($"至多 {high} 次");
        }

        return ((min is null || count >= min) && (max is null || count <= max), subject + string.Join("、", parts));
    }

    private static (bool, string?) NestingRule(JsonElement rule, string language, SyntaxTree tree)
    {
        var outer = Text(rule, "outer") ?? "";
        var inner = Text(rule, "inner") ?? "";
        var description = outer == inner ? $"必须使用 {LabelOf(outer)} 嵌套" : $"必须在 {LabelOf(outer)} 中嵌套使用 {LabelOf(inner)}";
        return (tree.HasNesting(TypeOf(outer, language), TypeOf(inner, language)), description);
    }

    private static int FunctionCalls(SyntaxTree tree, string name) => tree.Calls.Count(c => !c.IsMethod && c.Name == name);

    private static int MethodCalls(SyntaxTree tree, string name) => tree.Calls.Count(c => c.IsMethod && c.Name == name);

    private static string TypeOf(string target, string language)
    {
        var table = language == C ? CTypes : PythonTypes;
        return table.TryGetValue(target, out var type) ? type : target;
    }

    private static string LabelOf(string target) => Labels.TryGetValue(target, out var label) ? label : target;

    private static string? Text(JsonElement rule, string name) =>
        rule.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement rule, string name)
    {
        if (!rule.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var whole) => whole,
            JsonValueKind.Number => (int)value.GetDouble(),
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}

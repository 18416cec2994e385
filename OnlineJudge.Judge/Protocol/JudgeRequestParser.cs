using System.Text.Json;

namespace OnlineJudge.Judge.Protocol;

/// <summary>
/// Reads a <c>POST /judge</c> body. Upstream passes the body as keyword arguments to a Python function, so its messages for a
/// missing or unknown key are Python's <c>TypeError</c> texts; those are kept, every other problem gets a plain message.
/// </summary>
public static class JudgeRequestParser
{
    private static readonly string[] Required = ["language_config", "src", "max_cpu_time", "max_memory"];

    private static readonly HashSet<string> Known =
    [
        "language_config", "src", "max_cpu_time", "max_memory", "test_case_id", "test_case", "spj_version", "spj_config",
        "spj_compile_config", "spj_src", "output", "io_mode",
    ];

    public static JudgeRequest Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw Missing(Required);
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                throw new JudgeClientErrorException($"TypeError :judge() got an unexpected keyword argument '{property.Name}'");
            }
        }

        var missing = Required.Where(name => !body.TryGetProperty(name, out _)).ToList();
        if (missing.Count > 0)
        {
            throw Missing(missing);
        }

        if (IsTruthy(body, "spj_version") && IsTruthy(body, "spj_config"))
        {
            throw new JudgeClientErrorException("Special judge is not supported by this judge server");
        }

        var hasInline = IsTruthy(body, "test_case");
        var hasId = IsTruthy(body, "test_case_id");
        if (hasInline == hasId)
        {
            throw new JudgeClientErrorException("invalid parameter");
        }

        var language = body.GetProperty("language_config");
        if (language.ValueKind != JsonValueKind.Object)
        {
            throw new JudgeClientErrorException("ValueError :language_config must be an object");
        }

        var compile = language.TryGetProperty("compile", out var compileElement) && IsTruthy(compileElement)
            ? ParseCompile(compileElement)
            : null;
        if (!language.TryGetProperty("run", out var runElement) || runElement.ValueKind != JsonValueKind.Object)
        {
            throw new JudgeClientErrorException("KeyError :'run'");
        }

        var run = ParseRun(runElement, compile is null);
        return new JudgeRequest(
            compile,
            run,
            RequireString(body.GetProperty("src"), "src"),
            RequireInt(body.GetProperty("max_cpu_time"), "max_cpu_time", positive: true),
            RequireLong(body.GetProperty("max_memory"), "max_memory"),
            hasId ? ParseTestCaseId(body.GetProperty("test_case_id")) : null,
            hasInline ? ParseInline(body.GetProperty("test_case")) : null,
            IsTruthy(body, "output"),
            body.TryGetProperty("io_mode", out var ioMode) && IsTruthy(ioMode) ? ParseIoMode(ioMode) : IoMode.Default);
    }

    private static CompileConfig ParseCompile(JsonElement compile)
    {
        if (compile.ValueKind != JsonValueKind.Object)
        {
            throw new JudgeClientErrorException("ValueError :compile must be an object");
        }

        return new CompileConfig(
            RequireFileName(Get(compile, "src_name"), "src_name"),
            RequireFileName(Get(compile, "exe_name"), "exe_name"),
            RequireInt(Get(compile, "max_cpu_time"), "max_cpu_time", positive: true),
            RequireInt(Get(compile, "max_real_time"), "max_real_time", positive: true),
            RequireLong(Get(compile, "max_memory"), "max_memory"),
            RequireString(Get(compile, "compile_command"), "compile_command"),
            ParseEnv(compile));
    }

    private static RunConfig ParseRun(JsonElement run, bool needsExeName)
    {
        var exeName = needsExeName ? RequireFileName(Get(run, "exe_name"), "exe_name") : null;
        var checkOnly = run.TryGetProperty("memory_limit_check_only", out var flag) && IsTruthy(flag);
        return new RunConfig(RequireString(Get(run, "command"), "command"), exeName, ParseEnv(run), checkOnly);
    }

    private static List<string> ParseEnv(JsonElement config)
    {
        if (!config.TryGetProperty("env", out var env) || env.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (env.ValueKind != JsonValueKind.Array || env.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new JudgeClientErrorException("ValueError :env must be a list of strings");
        }

        return env.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private static IoMode ParseIoMode(JsonElement ioMode)
    {
        if (ioMode.ValueKind != JsonValueKind.Object)
        {
            throw new JudgeClientErrorException("ValueError :io_mode must be an object");
        }

        var mode = RequireString(Get(ioMode, "io_mode"), "io_mode");
        if (mode == IoMode.Standard)
        {
            return IoMode.Default with { Mode = IoMode.Standard };
        }

        if (mode != IoMode.File)
        {
            throw new JudgeClientErrorException($"KeyError :'{mode}'");
        }

        return new IoMode(mode, RequireFileName(Get(ioMode, "input"), "input"), RequireFileName(Get(ioMode, "output"), "output"));
    }

    private static List<InlineTestCase> ParseInline(JsonElement cases)
    {
        if (cases.ValueKind != JsonValueKind.Array)
        {
            throw new JudgeClientErrorException("ValueError :test_case must be a list");
        }

        return cases.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object
                ? new InlineTestCase(RequireString(Get(item, "input"), "input"), RequireString(Get(item, "output"), "output"))
                : throw new JudgeClientErrorException("ValueError :test_case items must be objects"))
            .ToList();
    }

    private static string ParseTestCaseId(JsonElement id)
    {
        var text = id.ValueKind == JsonValueKind.Number ? id.GetRawText() : RequireString(id, "test_case_id");
        // The id names a folder under the test-case root: only letters, digits, '-' and '_' (the backend uses 32 hex digits).
        if (text.Length is 0 or > 128 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new JudgeClientErrorException("Test case not found");
        }

        return text;
    }

    private static JsonElement Get(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? value : throw new JudgeClientErrorException($"KeyError :'{name}'");

    private static string RequireString(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new JudgeClientErrorException($"ValueError :{name} must be a string");

    private static string RequireFileName(JsonElement value, string name)
    {
        var text = RequireString(value, name);
        if (text.Length == 0 || text is "." or ".." || text.Contains('/', StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal))
        {
            throw new JudgeClientErrorException($"ValueError :{name} must be a plain file name");
        }

        return text;
    }

    private static int RequireInt(JsonElement value, string name, bool positive)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new JudgeClientErrorException($"ValueError :{name} must be a int");
        }

        return positive && number < 1 ? throw new JudgeClientErrorException($"ValueError :{name} must be at least 1") : number;
    }

    private static long RequireLong(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw new JudgeClientErrorException($"ValueError :{name} must be a int");
        }

        return number < 1 && number != -1 ? throw new JudgeClientErrorException($"ValueError :{name} must be at least 1, or -1 for unlimited") : number;
    }

    private static bool IsTruthy(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) && IsTruthy(value);

    /// <summary>Python truthiness of a JSON value.</summary>
    private static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };

    private static JudgeClientErrorException Missing(IReadOnlyList<string> names)
    {
        var quoted = names.Select(n => $"'{n}'").ToList();
        var list = quoted.Count switch
        {
            1 => quoted[0],
            2 => $"{quoted[0]} and {quoted[1]}",
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", and " + quoted[^1],
        };
        var noun = quoted.Count == 1 ? "argument" : "arguments";
        return new JudgeClientErrorException($"TypeError :judge() missing {quoted.Count} required positional {noun}: {list}");
    }
}

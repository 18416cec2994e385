using System.Text.Json.Nodes;

namespace OnlineJudge.Tests.Judge;

/// <summary>The default language table of judge.md §8.1, as the backend sends it in <c>language_config</c>.</summary>
public sealed record JudgeLanguage(string Name, string Toolchain, string Package, Func<JsonObject> Config)
{
    private static readonly string[] DefaultEnv = ["LANG=en_US.UTF-8", "LANGUAGE=en_US:en", "LC_ALL=en_US.UTF-8"];

    public static readonly JudgeLanguage C = new("C", "/usr/bin/gcc", "gcc", () => Compiled("main.c", "main", 3000, 10000, 268435456,
        "/usr/bin/gcc -DONLINE_JUDGE -O2 -w -fmax-errors=3 -std=c17 {src_path} -lm -o {exe_path}", null, Run("{exe_path}", null, false)));

    public static readonly JudgeLanguage Cpp = new("C++", "/usr/bin/g++", "g++", () => Compiled("main.cpp", "main", 10000, 20000, 1073741824,
        "/usr/bin/g++ -DONLINE_JUDGE -O2 -w -fmax-errors=3 -std=c++20 {src_path} -lm -o {exe_path}", null, Run("{exe_path}", null, false)));

    public static readonly JudgeLanguage Java = new("Java", "/usr/bin/javac", "openjdk-17-jdk-headless", () => Compiled("Main.java", "Main", 5000, 10000, -1,
        "/usr/bin/javac {src_path} -d {exe_dir}", null, Run("/usr/bin/java -cp {exe_dir} -XX:MaxRAM={max_memory}k Main", null, true)));

    public static readonly JudgeLanguage Python3 = new("Python3", "/usr/bin/python3", "python3", () => Compiled("solution.py", "solution.py", 3000, 10000, 134217728,
        "/usr/bin/python3 -m py_compile {src_path}", null, Run("/usr/bin/python3 -BS {exe_path}", null, false)));

    public static readonly JudgeLanguage Golang = new("Golang", "/usr/bin/go", "golang-go", () => Compiled("main.go", "main", 3000, 5000, 1073741824,
        "/usr/bin/go build -o {exe_path} {src_path}", ["GOCACHE=/tmp", "GOPATH=/tmp", "GOMAXPROCS=1", .. DefaultEnv],
        Run("{exe_path}", ["GOMAXPROCS=1"], true)));

    public static readonly JudgeLanguage JavaScript = new("JavaScript", "/usr/bin/node", "nodejs", () => Compiled("main.js", "main.js", 3000, 5000, 1073741824,
        "/usr/bin/node --check {src_path}", [.. DefaultEnv], Run("/usr/bin/node {exe_path}", null, true)));

    public static IEnumerable<JudgeLanguage> All => [C, Cpp, Java, Python3, Golang, JavaScript];

    public override string ToString() => Name;

    /// <summary>Fails the test with a clear message when this language's toolchain is not installed.</summary>
    public void RequireToolchain()
    {
        if (!File.Exists(Toolchain))
        {
            Assert.Fail($"The {Name} toolchain is missing: {Toolchain} not found. Install the Debian package {Package} (build.ps1 installs it).");
        }

        if (this == Java && !File.Exists("/usr/bin/java"))
        {
            Assert.Fail("The Java toolchain is missing: /usr/bin/java not found. Install the Debian package openjdk-17-jdk-headless (build.ps1 installs it).");
        }
    }

    /// <summary>The language config with the compile limits replaced (tests keep them small).</summary>
    public JsonObject WithCompileLimits(int cpuMs, int realMs, long? memory = null)
    {
        var config = Config();
        var compile = config["compile"]!.AsObject();
        compile["max_cpu_time"] = cpuMs;
        compile["max_real_time"] = realMs;
        if (memory is { } bytes)
        {
            compile["max_memory"] = bytes;
        }

        return config;
    }

    private static JsonObject Compiled(string src, string exe, int cpu, int real, long memory, string command, string[]? env, JsonObject run)
    {
        var compile = new JsonObject
        {
            ["src_name"] = src,
            ["exe_name"] = exe,
            ["max_cpu_time"] = cpu,
            ["max_real_time"] = real,
            ["max_memory"] = memory,
            ["compile_command"] = command,
        };
        if (env is not null)
        {
            compile["env"] = new JsonArray(env.Select(e => (JsonNode)JsonValue.Create(e)).ToArray());
        }

        return new JsonObject { ["template"] = "", ["compile"] = compile, ["run"] = run };
    }

    private static JsonObject Run(string command, string[]? extraEnv, bool checkOnly)
    {
        var run = new JsonObject
        {
            ["command"] = command,
            ["seccomp_rule"] = "general",
            ["env"] = new JsonArray([.. (extraEnv ?? []).Concat(DefaultEnv).Select(e => (JsonNode)JsonValue.Create(e))]),
        };
        if (checkOnly)
        {
            run["memory_limit_check_only"] = 1;
        }

        return run;
    }
}

/// <summary>Bodies of <c>POST /judge</c> as the backend builds them (judge.md §3.1).</summary>
public static class JudgeBodies
{
    public const long MiB = 1024 * 1024;

    public static JsonObject For(JudgeLanguage language, string src, string testCaseId = "aplusb", int cpuMs = 1000, long memory = 256 * MiB,
        bool output = false) => For(language.Config(), src, testCaseId, cpuMs, memory, output);

    public static JsonObject For(JsonObject languageConfig, string src, string testCaseId = "aplusb", int cpuMs = 1000, long memory = 256 * MiB,
        bool output = false) => new()
    {
        ["language_config"] = languageConfig,
        ["src"] = src,
        ["max_cpu_time"] = cpuMs,
        ["max_memory"] = memory,
        ["test_case_id"] = testCaseId,
        ["output"] = output,
        ["io_mode"] = new JsonObject { ["io_mode"] = "Standard IO", ["input"] = "input.txt", ["output"] = "output.txt" },
    };
}

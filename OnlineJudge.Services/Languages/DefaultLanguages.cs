using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnlineJudge.Services.Languages;

/// <summary>The built-in value of the <c>languages</c> option (judge.md §8.1).</summary>
public static class DefaultLanguages
{
    private static readonly string[] DefaultEnv = ["LANG=en_US.UTF-8", "LANGUAGE=en_US:en", "LC_ALL=en_US.UTF-8"];

    public static readonly JsonElement Value = Build();

    private static string Template(string prepend, string template, string append) =>
        $"//PREPEND BEGIN\n{prepend}\n//PREPEND END\n\n//TEMPLATE BEGIN\n{template}\n//TEMPLATE END\n\n//APPEND BEGIN\n{append}\n//APPEND END";

    private static JsonArray Env(params string[] extra) => new([.. extra.Concat(DefaultEnv).Select(e => (JsonNode)JsonValue.Create(e)!)]);

    private static JsonObject Entry(string name, string description, string contentType, string template, JsonObject? compile, JsonObject? run)
    {
        var config = new JsonObject { ["template"] = template };
        if (compile is not null)
        {
            config["compile"] = compile;
        }

        if (run is not null)
        {
            config["run"] = run;
        }

        return new JsonObject { ["name"] = name, ["description"] = description, ["content_type"] = contentType, ["config"] = config };
    }

    private static JsonObject Compile(string src, string exe, int cpu, int real, long memory, string command, JsonArray? env = null)
    {
        var compile = new JsonObject
        {
            ["src_name"] = src, ["exe_name"] = exe, ["max_cpu_time"] = cpu, ["max_real_time"] = real,
            ["max_memory"] = memory, ["compile_command"] = command,
        };
        if (env is not null)
        {
            compile["env"] = env;
        }

        return compile;
    }

    private static JsonObject Run(string command, JsonNode? seccomp, JsonArray env, bool memoryCheckOnly = false)
    {
        var run = new JsonObject { ["command"] = command, ["seccomp_rule"] = seccomp, ["env"] = env };
        if (memoryCheckOnly)
        {
            run["memory_limit_check_only"] = 1;
        }

        return run;
    }

    private static JsonObject CSeccomp() => new() { ["Standard IO"] = "c_cpp", ["File IO"] = "c_cpp_file_io" };

    private static JsonElement Build()
    {
        var languages = new JsonArray
        {
            Entry("C", "GCC 13", "text/x-csrc",
                Template("#include <stdio.h>", "int add(int a, int b) {\n  // code\n}", "int main() {\n  printf(\"%d\\n\", add(1, 2));\n  return 0;\n}"),
                Compile("main.c", "main", 3000, 10000, 268435456,
                    "/usr/bin/gcc -DONLINE_JUDGE -O2 -w -fmax-errors=3 -std=c17 {src_path} -lm -o {exe_path}"),
                Run("{exe_path}", CSeccomp(), Env())),
            Entry("C++", "GCC 13", "text/x-c++src",
                Template("#include <iostream>", "int add(int a, int b) {\n  // code\n}", "int main() {\n  std::cout << add(1, 2) << std::endl;\n  return 0;\n}"),
                Compile("main.cpp", "main", 10000, 20000, 1073741824,
                    "/usr/bin/g++ -DONLINE_JUDGE -O2 -w -fmax-errors=3 -std=c++20 {src_path} -lm -o {exe_path}"),
                Run("{exe_path}", CSeccomp(), Env())),
            Entry("Java", "Temurin 21", "text/x-java",
                Template("class Main {", "  static int add(int a, int b) {\n    // code\n  }",
                    "  public static void main(String [] args) {\n    System.out.println(add(1, 2));\n  }\n}"),
                Compile("Main.java", "Main", 5000, 10000, -1, "/usr/bin/javac {src_path} -d {exe_dir}"),
                Run("/usr/bin/java -cp {exe_dir} -XX:MaxRAM={max_memory}k Main", null, Env(), memoryCheckOnly: true)),
            Entry("Python3", "Python 3.12", "text/x-python",
                Template("", "def add(a, b):\n  # code\n", "print(add(1, 2))"),
                Compile("solution.py", "solution.py", 3000, 10000, 134217728, "/usr/bin/python3 -m py_compile {src_path}"),
                Run("/usr/bin/python3 -BS {exe_path}", "general", Env())),
            Entry("Golang", "Golang 1.22", "text/x-go",
                Template("package main\n\nimport \"fmt\"", "func add(a int, b int) int {\n\t// code\n}", "func main() {\n\tfmt.Println(add(1, 2))\n}"),
                Compile("main.go", "main", 3000, 5000, 1073741824, "/usr/bin/go build -o {exe_path} {src_path}",
                    Env("GOCACHE=/tmp", "GOPATH=/tmp", "GOMAXPROCS=1")),
                Run("{exe_path}", "golang", Env("GOMAXPROCS=1"), memoryCheckOnly: true)),
            Entry("JavaScript", "Node.js 20", "text/javascript",
                Template("", "function add(a, b) {\n  // code\n}", "console.log(add(1, 2))"),
                Compile("main.js", "main.js", 3000, 5000, 1073741824, "/usr/bin/node --check {src_path}", Env()),
                Run("/usr/bin/node {exe_path}", "node", Env(), memoryCheckOnly: true)),
            Entry("SQL", "SQLite 3", "text/x-sql", "", null, null),
        };
        return JsonSerializer.SerializeToElement(languages);
    }
}

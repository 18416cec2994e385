using OnlineJudge.Judge.Protocol;

namespace OnlineJudge.Judge.Judging;

/// <summary>Answers CompileError naming a compiler or interpreter that is not installed, instead of a puzzling sandbox failure.</summary>
public static class ToolchainCheck
{
    /// <summary>The Debian packages build.ps1 installs for the default language table (judge.md §8.1).</summary>
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["/usr/bin/gcc"] = "gcc",
        ["/usr/bin/g++"] = "g++",
        ["/usr/bin/javac"] = "openjdk-17-jdk-headless",
        ["/usr/bin/java"] = "openjdk-17-jdk-headless",
        ["/usr/bin/python3"] = "python3",
        ["/usr/bin/go"] = "golang-go",
        ["/usr/bin/node"] = "nodejs",
    };

    /// <summary>Checks the program a command starts, unless it is the submission's own binary.</summary>
    public static void EnsureInstalled(string executable, string sandboxCodeDir)
    {
        if (!Path.IsPathRooted(executable) || executable.StartsWith(sandboxCodeDir + "/", StringComparison.Ordinal))
        {
            return;
        }

        if (!File.Exists(executable))
        {
            throw new CompileErrorException(Describe(executable));
        }
    }

    public static string Describe(string executable) => Packages.TryGetValue(executable, out var package)
        ? $"{executable} is not installed on this judge server (Debian package {package}; build.ps1 installs it)"
        : $"{executable} is not installed on this judge server";
}

using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.CodeTools;

/// <summary>External programs that format code and parse it for AST rules (section <c>CodeTools</c>).</summary>
public sealed class CodeToolsOptions
{
    public const string Section = "CodeTools";

    /// <summary>Node.js, which runs <c>tools/codetools/codetools.mjs</c> (ruff formatting, tree-sitter parsing).</summary>
    [Required]
    public string NodePath { get; set; } = "node";

    /// <summary>Folder of <c>codetools.mjs</c> and its <c>node_modules</c>; empty: <c>tools/codetools</c> of the checkout.</summary>
    public string Directory { get; set; } = "";

    [Required]
    public string ClangFormatPath { get; set; } = "clang-format";

    /// <summary>A Python 3 with the <c>sqlparse</c> module (Debian: <c>python3-sqlparse</c> for <c>/usr/bin/python3</c>).</summary>
    [Required]
    public string PythonPath { get; set; } = "/usr/bin/python3";

    /// <summary>Longest run of one formatting or parsing request.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>The folder holding <c>codetools.mjs</c>: the setting, else the first <c>tools/codetools</c> above the binaries.</summary>
    public string ResolveDirectory()
    {
        if (!string.IsNullOrEmpty(Directory))
        {
            return Path.GetFullPath(Directory);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "codetools");
            if (File.Exists(Path.Combine(candidate, "codetools.mjs")))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "tools", "codetools");
    }
}

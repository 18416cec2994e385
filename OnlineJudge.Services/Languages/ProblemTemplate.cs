namespace OnlineJudge.Services.Languages;

/// <summary>The three sections of a problem template (judge.md §8.2); a missing or empty section is <c>""</c>.</summary>
public sealed record ProblemTemplate(string Prepend, string Template, string Append)
{
    public static ProblemTemplate Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new ProblemTemplate("", "", "");
        }

        return new ProblemTemplate(Section(text, "PREPEND"), Section(text, "TEMPLATE"), Section(text, "APPEND"));
    }

    /// <summary>Only the TEMPLATE section, the part students see.</summary>
    public static string StudentPart(string? text) => string.IsNullOrEmpty(text) ? "" : Section(text, "TEMPLATE");

    private static string Section(string text, string name)
    {
        // "//NAME BEGIN" + newline, then at least one character, up to the first following "//NAME END".
        var begin = $"//{name} BEGIN\n";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        if (start < 0 || start + begin.Length >= text.Length)
        {
            return "";
        }

        start += begin.Length;
        var end = text.IndexOf($"//{name} END", start + 1, StringComparison.Ordinal);
        return end < 0 ? "" : text[start..end];
    }
}

using System.Globalization;
using System.Text;

namespace OnlineJudge.Services.Users;

/// <summary>Class numbers derived from usernames (account.md Part D; utils.md class-number rules).</summary>
public static class ClassNames
{
    /// <summary>
    /// <c>ks</c> + 3–4 digits → those digits (<c>ks251张三</c> → <c>251</c>); usernames not starting with <c>ks</c> and a
    /// digit → null; a digit run of another length → the import/edit error message.
    /// </summary>
    public static (string? ClassName, string? Error) Derive(string username)
    {
        if (!username.StartsWith("ks", StringComparison.Ordinal) || username.Length < 3 || !char.IsAsciiDigit(username[2]))
        {
            return (null, null);
        }

        var end = 2;
        while (end < username.Length && char.IsAsciiDigit(username[end]))
        {
            end++;
        }

        var digits = username[2..end];
        return digits.Length is 3 or 4
            ? (digits, null)
            : (null, string.Create(CultureInfo.InvariantCulture, $"用户名 {username} 的班级号 {digits} 是 {digits.Length} 位，必须是 3~4 位数字"));
    }

    /// <summary>utils.md <c>strip_class_prefix</c>: the username without a leading <c>ks&lt;class&gt;</c>.</summary>
    public static string StripClassPrefix(string username, string className)
    {
        var prefix = "ks" + className;
        return className.Length > 0 && username.StartsWith(prefix, StringComparison.Ordinal) ? username[prefix.Length..] : username;
    }

    /// <summary>Python's <c>repr()</c> of a list of strings, as the import error message shows a row.</summary>
    public static string PythonListRepr(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(PythonStringRepr)) + "]";

    private static string PythonStringRepr(string value)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when c == quote => builder.Append('\\').Append(c),
                _ when c < ' ' || c == '\x7f' => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append(quote).ToString();
    }
}

using System.Text;
using OnlineJudge.Judge.Protocol;

namespace OnlineJudge.Judge.Judging;

/// <summary>
/// Builds a command line from a language's template the way upstream does: Python's <c>str.format</c> with named
/// placeholders (<c>{exe_path}</c>, <c>{{</c> for a brace), then POSIX <c>shlex.split</c>.
/// </summary>
public static class CommandTemplate
{
    public static IReadOnlyList<string> Build(string template, IReadOnlyDictionary<string, string> values)
    {
        var arguments = Split(Format(template, values));
        return arguments.Count > 0 ? arguments : throw new JudgeClientErrorException("IndexError :list index out of range");
    }

    public static string Format(string template, IReadOnlyDictionary<string, string> values)
    {
        var builder = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                builder.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                builder.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    throw new JudgeClientErrorException("ValueError :expected '}' before end of string");
                }

                var name = template[(i + 1)..end];
                builder.Append(values.TryGetValue(name, out var value) ? value : throw new JudgeClientErrorException($"KeyError :'{name}'"));
                i = end;
            }
            else if (c == '}')
            {
                throw new JudgeClientErrorException("ValueError :Single '}' encountered in format string");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>POSIX shell-like splitting: whitespace separates, quotes group, backslash escapes (inside double quotes only before <c>"</c> or <c>\</c>).</summary>
    public static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        var quote = '\0';
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = '\0';
                }
                else if (c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\')
                {
                    current.Append(command[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                inWord = true;
                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '\\')
                {
                    if (i + 1 >= command.Length)
                    {
                        throw new JudgeClientErrorException("ValueError :No escaped character");
                    }

                    current.Append(command[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
        }

        if (quote != '\0')
        {
            throw new JudgeClientErrorException("ValueError :No closing quotation");
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}

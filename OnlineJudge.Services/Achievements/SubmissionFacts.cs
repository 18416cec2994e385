using System.Globalization;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Json;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// What the metrics read of one judged practice submission (achievement.md §3.2, the shared context): its verdict, its
/// local date and hour (Asia/Shanghai), its language and code size, and the user's earlier counted submissions of the
/// same problem.
/// </summary>
public sealed record SubmissionFacts(
    int ProblemId, int Result, DateTime CreateTime, string Language, int CodeChars, int CodeLines, string? Difficulty, int PriorCount,
    int PriorAccepted)
{
    public bool IsAccepted => JudgeStatus.IsAccepted(Result);

    public bool IsFirstAcOfProblem => IsAccepted && PriorAccepted == 0;

    public bool IsFirstTryAc => IsAccepted && PriorCount == 0;

    public string LocalDate => LocalDateOf(CreateTime);

    public int LocalHour => (CreateTime + TimeFormats.ShanghaiOffset).Hour;

    public static string LocalDateOf(DateTime utc) => (utc + TimeFormats.ShanghaiOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static SubmissionFacts Of(int problemId, int result, DateTime createTime, string language, string code, string? difficulty,
        int priorCount, int priorAccepted) =>
        new(problemId, result, createTime, language, CodeMeasure.CodePoints(code), CodeMeasure.LineCount(code), difficulty, priorCount,
            priorAccepted);
}

/// <summary>Code sizes as the reference measures them in Python.</summary>
public static class CodeMeasure
{
    /// <summary><c>len(code)</c>: Unicode code points, not UTF-16 units.</summary>
    public static int CodePoints(string code)
    {
        var count = code.Length;
        for (var i = 0; i + 1 < code.Length; i++)
        {
            if (char.IsHighSurrogate(code[i]) && char.IsLowSurrogate(code[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>
    /// <c>len(code.splitlines())</c>: line breaks are <c>\n</c>, <c>\r\n</c>, <c>\r</c>, <c>\v</c>, <c>\f</c>, <c>\x1c</c>–<c>\x1e</c>,
    /// <c>\x85</c>, <c>\u2028</c>, <c>\u2029</c>; a trailing break adds no line; empty code has none.
    /// </summary>
    public static int LineCount(string code)
    {
        var lines = 0;
        var lineOpen = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (IsLineBreak(c))
            {
                lines++;
                lineOpen = false;
                if (c == '\r' && i + 1 < code.Length && code[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                lineOpen = true;
            }
        }

        return lines + (lineOpen ? 1 : 0);
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}

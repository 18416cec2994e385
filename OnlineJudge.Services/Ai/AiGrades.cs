namespace OnlineJudge.Services.Ai;

/// <summary>The grading rules of the learning statistics (ai.md §0.3, §0.4).</summary>
public static class AiGrades
{
    /// <summary>Fewer participants than this lower S to A and A to B.</summary>
    public const int SmallParticipation = 10;

    /// <summary>
    /// A rank's grade by percentile (S &lt; 10 %, A &lt; 35 %, B &lt; 75 %, else C), lowered one step from S or A when
    /// fewer than ten took part (<paramref name="referenceCount"/>, the list's length unless given).
    /// </summary>
    public static string Grade(int? rank, int count, int? referenceCount = null)
    {
        if (rank is not { } position || position <= 0 || count <= 0)
        {
            return "C";
        }

        var percentile = (position - 1) * 100.0 / count;
        var grade = percentile < 10 ? "S" : percentile < 35 ? "A" : percentile < 75 ? "B" : "C";
        return (referenceCount ?? count) < SmallParticipation ? grade switch { "S" => "A", "A" => "B", _ => grade } : grade;
    }

    /// <summary>Weighted mean (S 4, A 3, B 2, C 1): ≥ 3.5 S, ≥ 2.5 A, ≥ 1.5 B, else C; <c>""</c> for no grade.</summary>
    public static string Average(IEnumerable<string> grades)
    {
        var weights = grades.Select(g => g switch { "S" => 4, "A" => 3, "B" => 2, "C" => 1, _ => 0 }).Where(w => w > 0).ToList();
        if (weights.Count == 0)
        {
            return "";
        }

        var mean = weights.Average();
        return mean >= 3.5 ? "S" : mean >= 2.5 ? "A" : mean >= 1.5 ? "B" : "C";
    }

    /// <summary>Difficulty label: Low 简单, High 困难, anything else 中等.</summary>
    public static string Difficulty(string? value) => value switch
    {
        Data.Entities.Difficulty.Low => "简单",
        Data.Entities.Difficulty.High => "困难",
        _ => "中等",
    };
}

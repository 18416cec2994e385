using System.Globalization;
using System.Text;
using System.Text.Json;
using OnlineJudge.Data.Ai;

namespace OnlineJudge.Services.Ai;

/// <summary>A class item (one <c>comparisons</c> entry of <c>POST /api/class_pk</c>) lacking a number the prompt needs.</summary>
public sealed class ClassDataException(string message) : Exception(message);

/// <summary>The prompts of the streamed answers (ai.md §4.2), paraphrased from the reference with the same data items and number formats.</summary>
public static class AiPrompts
{
    public const string AnalysisSystem =
        "你是一位风趣幽默的编程老师，学生们在“判题狗”平台上练习编程。请根据学生这段时间的详细数据和每周（或每月）的数据，"
        + "给出有针对性的学习建议，最后用一句话鼓励学生。请使用 Markdown 格式输出，不要放在代码块里。";

    public const string HintSystem =
        "你是一名编程助教，你知道这道题的参考答案，但绝对不能把参考答案或核心算法代码告诉学生，也不能暗示完整的解法。"
        + "提示要循序渐进：先指出解题的方向，再点出一个值得思考的小问题。请对照参考答案和学生的代码，只指出最重要的一个问题。"
        + "例外：如果学生的输入读取有错（输入格式解析、多组输入、split 或 scanf 用法不当等），请直接给出正确读取输入的代码片段并加以解释。"
        + "语气要鼓励，使用 Markdown，最多 6 句话。";

    public const string ClassPkSystem =
        "你是一名资深的数据分析师，专门研究中职学校计算机班级的编程教学。请根据 OJ 系统提供的班级对比数据，写一份深入、专业的分析报告。"
        + "请使用 Markdown 格式输出，不要放在代码块里。";

    public const string ClassSingleSystem =
        "你是一名资深的数据分析师，专门研究中职学校计算机班级的编程教学。请根据 OJ 系统提供的单个班级的数据，写一份深入、专业的分析报告。"
        + "请使用 Markdown 格式输出，不要放在代码块里。";

    public static string Analysis(JsonElement? details, JsonElement? duration) =>
        $"这段时间内的详细数据: {Json(details)}\n（这些数据中 flowcharts 是流程图的提交，solved 是代码的提交）\n每周或每月的数据: {Json(duration)}";

    public static string Hint(AiHintSourceDto source)
    {
        var answers = source.Answers ?? [];
        var reference = answers.FirstOrDefault(a => a.Language == source.Language)?.Code ?? answers.FirstOrDefault()?.Code ?? "";
        var errInfo = string.IsNullOrEmpty(source.StatisticInfo.ErrInfo) ? "无" : source.StatisticInfo.ErrInfo;
        return $"题目：{source.ProblemTitle}\n题目描述：{Cut(source.ProblemDescription, 500)}\n"
               + $"参考答案（只供你分析，不能透露给学生）：\n```\n{Cut(reference, 2000)}\n```\n"
               + $"学生提交语言：{source.Language}\n判题结果：{source.Result.ToString(CultureInfo.InvariantCulture)}\n错误信息：{errInfo}\n"
               + $"学生代码：\n```\n{Cut(source.Code, 2000)}\n```";
    }

    public static string ClassPk(IReadOnlyList<JsonElement> classes, string label)
    {
        var prompt = new StringBuilder().Append("时间范围：").Append(label).Append("\n\n").Append(MetricsHelp(ownThresholds: false)).Append("\n## 班级数据\n");
        for (var i = 0; i < classes.Count; i++)
        {
            prompt.Append(CultureInfo.InvariantCulture, $"\n### 第{i + 1}名：{DisplayName(classes[i])}（综合分 {Fixed(classes[i], "composite_score", 1)}）\n");
            AppendLines(prompt, classes[i]);
        }

        return prompt.Append("""

            ## 分析要求
            请用中文从以下 7 个方面进行分析：
            1. 整体排名与差距：各班的名次和彼此之间的差距。
            2. 参与度：参与率和提交量。
            3. 典型学生水平：以中位数为准，指出哪些班的平均数被少数高手拉高了。
            4. 班内均衡性：结合标准差、四分位距和前后 10% 的差距，判断是“均衡”还是“两极分化”。
            5. 分层深度：前 10% 和后 10% 学生的情况。
            6. 提交质量：AC 率，是否存在不加思考、反复试错的情况。
            7. 结论：用一句话给出判断，为落后的班级提出 2 到 3 条具体建议，并从领先班级总结一条值得借鉴的做法。
            读者是各班的班主任和任课老师：要专业，但不要写得太学术。
            """).ToString();
    }

    public static string ClassSingle(JsonElement item)
    {
        var prompt = new StringBuilder().Append("班级：").Append(DisplayName(item)).Append("\n\n").Append(MetricsHelp(ownThresholds: true))
            .Append("\n## 班级数据\n");
        AppendLines(prompt, item);
        prompt.Append("- 综合分：").Append(Fixed(item, "composite_score", 1)).Append('\n');
        return prompt.Append("""

            ## 分析要求
            请用中文从以下 5 个方面进行分析：
            1. 整体水平：比较平均数与中位数。
            2. 参与度与代码质量。
            3. 班内均衡性。
            4. 分层分析：前 10%、中间 80%、后 10% 的学生分别如何，并给出有针对性的建议。
            5. 三条具体的教学建议，最后用一句话鼓励这个班级。
            读者是这个班的班主任：要专业，但不要写得太学术。
            """).ToString();
    }

    /// <summary>The first two characters of the class name, 计算机, the rest, 班 (<c>251</c> → <c>25计算机1班</c>).</summary>
    public static string DisplayName(JsonElement item)
    {
        var name = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("class_name", out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : throw new ClassDataException("班级数据缺少字段: class_name");
        return name.Length < 2 ? name + "计算机班" : name[..2] + "计算机" + name[2..] + "班";
    }

    private static string MetricsHelp(bool ownThresholds) => $"""
        ## 指标说明
        - 总 AC 数：全班学生通过的题目数之和。
        - 平均数与中位数：平均数容易被少数高手拉高，中位数更能代表典型学生的水平。
        - 前 10% / 中间 80% / 后 10% 均值：按 AC 数排序后，各层学生的平均 AC 数。
        - 优秀率 / 及格率：AC 数不低于{(ownThresholds ? "本班" : "所有参与比较学生")}上四分位数 / 下四分位数的学生比例。
        - 参与度：有提交记录的学生比例。
        - AC 率：通过的提交占全部提交的比例。
        - 综合分：满分 100，由中位数、中间 80% 均值、参与度、及格率和优秀率加权得出。

        """;

    private static void AppendLines(StringBuilder prompt, JsonElement item)
    {
        prompt.Append("- 人数：").Append(Whole(item, "user_count")).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"- 总 AC 数：{Whole(item, "total_ac")}，总提交数：{Whole(item, "total_submission")}，AC 率：{Fixed(item, "ac_rate", 1)}%\n")
            .Append(CultureInfo.InvariantCulture, $"- 平均 AC：{Fixed(item, "avg_ac", 2)}，中位数 AC：{Fixed(item, "median_ac", 2)}\n")
            .Append(CultureInfo.InvariantCulture, $"- 下四分位：{Fixed(item, "q1_ac", 2)}，上四分位：{Fixed(item, "q3_ac", 2)}，四分位距：{Fixed(item, "iqr", 2)}，标准差：{Fixed(item, "std_dev", 2)}\n")
            .Append(CultureInfo.InvariantCulture, $"- 前 10% 均值：{Fixed(item, "top_10_avg", 2)}，中间 80% 均值：{Fixed(item, "middle_80_avg", 2)}，后 10% 均值：{Fixed(item, "bottom_10_avg", 2)}\n")
            .Append(CultureInfo.InvariantCulture, $"- 优秀率：{Fixed(item, "excellent_rate", 1)}%，及格率：{Fixed(item, "pass_rate", 1)}%，参与度：{Fixed(item, "active_rate", 1)}%\n");
        if (item.TryGetProperty("recent_total_ac", out var recent) && recent.ValueKind != JsonValueKind.Null)
        {
            prompt.Append(CultureInfo.InvariantCulture,
                $"- 时间段内新增：AC {Whole(item, "recent_total_ac")}，人均 {Fixed(item, "recent_avg_ac", 2, 0)}，中位数 {Fixed(item, "recent_median_ac", 2, 0)}，"
                + $"前 10% 均值 {Fixed(item, "recent_top_10_avg", 2, 0)}，活跃人数 {Whole(item, "recent_active_count", 0)}\n");
        }
    }

    private static double Number(JsonElement item, string name, double? missing = null)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        var absent = item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out _);
        return absent && missing is { } fallback ? fallback : throw new ClassDataException("班级数据缺少字段: " + name);
    }

    private static string Fixed(JsonElement item, string name, int decimals, double? missing = null) =>
        Number(item, name, missing).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Whole(JsonElement item, string name, double? missing = null)
    {
        var value = Number(item, name, missing);
        return value == Math.Floor(value) ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
    }

    private static string Json(JsonElement? value) => value is { } element ? element.GetRawText() : "null";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

using System.Text;
using OnlineJudge.Data.Flowcharts;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>The grading prompts of flowchart.md §3.2: a fixed rubric and reply format; the chart, the reference chart and the hint.</summary>
public static class FlowchartPrompts
{
    public const string System = """
        你是一名编程教学助手，负责给学生提交的 Mermaid 流程图评分。

        评分标准（评分项 — 权重 — 满分 — 检查内容）：
        - 逻辑正确性 — 1.0 — 40 分 — 逻辑、条件判断和循环是否正确
        - 完整性 — 0.8 — 30 分 — 是否包含所有必要的步骤和分支
        - 规范性 — 0.6 — 20 分 — 流程图符号的使用是否正确、规范；不评价节点 ID
        - 清晰度 — 0.4 — 10 分 — 整体布局与连线是否清楚；不因节点 ID 扣分

        评分要求：
        1. 分析流程图的正确性、完整性和清晰度，逐条核对题目的每一项要求。
        2. 评价是否符合流程图规范、是否易读。
        3. 给出 0 到 100 的总分。
        4. 节点 ID 由系统自动生成，不是学生写的：不要评论节点 ID，不要因节点 ID 扣分，也不要建议修改节点 ID。
        5. feedback 不超过 100 字，只概括主要优点和主要问题。
        6. suggestions 最多 3 条，每条一行；重要的建议以【重点】开头，其余不加前缀。只针对流程图中确实存在的问题提建议：
           没有问题时 suggestions 为空字符串，不要凑数，也不要建议学生重做已经做对的部分。
        7. criteria_details 中每项的 comment 不超过 25 字。

        等级：S（90-100 分）、A（80-89 分）、B（70-79 分）、C（0-69 分）。

        只输出一个 JSON 对象，格式如下（尖括号中是占位说明，请按学生实际提交的流程图填写，不要照抄；流程图中没有循环时不要提到循环）：
        {
          "score": <0-100 的数字>,
          "grade": "<S|A|B|C>",
          "feedback": "<总体评价>",
          "suggestions": "<改进建议，或空字符串>",
          "criteria_details": {
            "逻辑正确性": {"score": <得分>, "max": 40, "comment": "<简短说明>"},
            "完整性": {"score": <得分>, "max": 30, "comment": "<简短说明>"},
            "规范性": {"score": <得分>, "max": 20, "comment": "<简短说明>"},
            "清晰度": {"score": <得分>, "max": 10, "comment": "<简短说明>"}
          }
        }
        """;

    public static string User(FlowchartGradingJobDto job)
    {
        var prompt = new StringBuilder();
        prompt.Append("请为下面这份学生提交的流程图评分。\n\n学生的流程图：\n```mermaid\n").Append(job.MermaidCode).Append("\n```\n");
        if (!string.IsNullOrEmpty(job.ProblemMermaidCode))
        {
            prompt.Append("\n标准答案参考：\n```mermaid\n").Append(job.ProblemMermaidCode).Append("\n```\n");
        }
        else
        {
            prompt.Append("\n本题没有标准答案，请根据题目描述和流程图逻辑是否合理来评分。\n");
        }

        if (!string.IsNullOrEmpty(job.FlowchartHint))
        {
            prompt.Append("\n设计提示：").Append(job.FlowchartHint).Append('\n');
        }

        prompt.Append("\n请按照评分标准逐项评估，并给出 0-100 的分数。\n");
        return prompt.ToString();
    }
}

using OnlineJudge.Services.Ai;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Problems;

/// <summary>
/// The two AI helpers of the problem editor (problem.md §2.16, §2.17): one chat completion each through
/// <see cref="IAiChatClient"/> (settings: <see cref="AiOptions"/>).
/// </summary>
public class ProblemAiService(IAiChatClient ai)
{
    public sealed record SqlGenerationDto(string Sql);

    public sealed record FlowchartGenerationDto(string Flowchart);

    private const string SqlSystemPrompt =
        "你是一名 SQL 出题助手。请根据用户给出的标准答案 SQL，推断它所需要的表结构，编写一个自洽的 SQLite 初始化脚本"
        + "（CREATE TABLE 语句和 INSERT 语句）。数据要让标准答案产生有意义的结果：查询题要既有被选中的行，也有被过滤掉的行；"
        + "修改题要既有被修改的行，也有保持不变的行。只输出脚本本身，不要使用代码块标记，不要任何解释。";

    private const string FlowchartSystemPrompt =
        "Convert the user's Python code into a flowchart written as plain Mermaid text. Wrap every node text that contains "
        + "parentheses in quotes, and take care to choose single or double quotes so that the quotes inside the text stay valid. "
        + "Return only the Mermaid code, without code fences and without any explanation.";

    public async Task<ServiceResult<SqlGenerationDto>> GenerateSqlAsync(string? refSql, string? mode, CancellationToken cancellationToken)
    {
        var result = await ai.CompleteAsync(SqlSystemPrompt, $"题型：{mode ?? "query"}\n标准答案：\n{refSql ?? ""}", null, cancellationToken);
        return result.Error is { } error ? error : new SqlGenerationDto(result.Data!);
    }

    public async Task<ServiceResult<FlowchartGenerationDto>> GenerateFlowchartAsync(string? python, CancellationToken cancellationToken)
    {
        var result = await ai.CompleteAsync(FlowchartSystemPrompt, python ?? "", 0, cancellationToken);
        return result.Error is { } error ? error : new FlowchartGenerationDto(result.Data!);
    }
}

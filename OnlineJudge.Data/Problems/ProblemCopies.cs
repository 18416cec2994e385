namespace OnlineJudge.Data.Problems;

/// <summary>Copies of problems (make public, add from public, contest clone): the statement, test cases and settings, fresh statistics.</summary>
internal static class ProblemCopies
{
    public static Problem Copy(Problem source, ProblemCopyDto target, int createdById, DateTime createTime, DateTime? lastUpdateTime) => new()
    {
        DisplayId = target.DisplayId, ContestId = target.ContestId, IsPublic = target.IsPublic, Visible = target.Visible,
        CreatedById = createdById, CreateTime = createTime, LastUpdateTime = lastUpdateTime,
        Title = source.Title, Description = source.Description, InputDescription = source.InputDescription,
        OutputDescription = source.OutputDescription, Samples = source.Samples, TestCaseId = source.TestCaseId,
        TestCaseScore = source.TestCaseScore, Hint = source.Hint, Languages = source.Languages, Template = source.Template,
        TimeLimit = source.TimeLimit, MemoryLimit = source.MemoryLimit, Difficulty = source.Difficulty, Source = source.Source,
        Prompt = source.Prompt, Answers = source.Answers, SubmissionNumber = 0, AcceptedNumber = 0, StatisticInfo = [],
        ShareSubmission = source.ShareSubmission, AllowFlowchart = source.AllowFlowchart, MermaidCode = source.MermaidCode,
        FlowchartData = source.FlowchartData, FlowchartHint = source.FlowchartHint, ShowFlowchart = source.ShowFlowchart,
        AstRules = source.AstRules, SqlConfig = source.SqlConfig, SqlDisplay = source.SqlDisplay,
    };
}

using System.Linq.Expressions;
using OnlineJudge.Data.Account;

namespace OnlineJudge.Data.Problems;

/// <summary>The projections and filters the problem repositories share (problem.md §0.4).</summary>
internal static class ProblemProjections
{
    public static readonly int[] FailedResults = [JudgeStatus.WrongAnswer, JudgeStatus.CpuTimeLimitExceeded,
        JudgeStatus.RealTimeLimitExceeded, JudgeStatus.MemoryLimitExceeded, JudgeStatus.RuntimeError, JudgeStatus.CompileError];

    public static readonly int[] AcceptedResults = [JudgeStatus.Accepted, JudgeStatus.AstCheckFailed];

    public static readonly Expression<Func<Problem, ProblemListRow>> ListRow = p => new ProblemListRow(
        p.Id, p.DisplayId, p.Title, p.SubmissionNumber, p.AcceptedNumber, p.Difficulty,
        new UserRefDto(p.CreatedBy!.Id, p.CreatedBy.Username, null),
        p.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList(), p.ContestId, p.AllowFlowchart, p.ShowFlowchart, p.AstRules);

    public static readonly Expression<Func<Problem, ProblemAdminListRow>> AdminListRow = p => new ProblemAdminListRow(
        p.Id, p.DisplayId, p.Title, new UserRefDto(p.CreatedBy!.Id, p.CreatedBy.Username, null), p.Visible, p.CreateTime,
        p.Difficulty, p.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList(), p.AstRules, p.AllowFlowchart, p.ShowFlowchart);

    public static readonly Expression<Func<Problem, ProblemFullRow>> FullRow = p => new ProblemFullRow(
        p.Id, p.DisplayId, p.ContestId, p.IsPublic, p.Title, p.Description, p.InputDescription, p.OutputDescription, p.Samples,
        p.TestCaseId, p.TestCaseScore, p.Hint, p.Languages, p.Template, p.CreateTime, p.LastUpdateTime,
        new UserRefDto(p.CreatedBy!.Id, p.CreatedBy.Username, null), p.TimeLimit, p.MemoryLimit, p.Visible, p.Difficulty,
        p.Source, p.Prompt, p.Answers, p.SubmissionNumber, p.AcceptedNumber, p.StatisticInfo, p.ShareSubmission, p.AllowFlowchart,
        p.MermaidCode, p.FlowchartData, p.FlowchartHint, p.ShowFlowchart, p.AstRules, p.SqlConfig, p.SqlDisplay,
        p.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList());

    /// <summary>Problems of the public bank that students see.</summary>
    public static IQueryable<Problem> PublicVisible(this IQueryable<Problem> problems) => problems.Where(p => p.ContestId == null && p.Visible);

    /// <summary>The problem with this display id, matched case-insensitively as the reference's <c>_id__iexact</c>.</summary>
    public static IQueryable<Problem> WithDisplayId(this IQueryable<Problem> problems, string displayId)
    {
        var lowered = displayId.ToLowerInvariant();
        return problems.Where(p => p.DisplayId.ToLower() == lowered).OrderBy(p => p.Id);
    }
}

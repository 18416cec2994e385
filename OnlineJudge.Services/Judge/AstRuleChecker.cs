using Microsoft.Extensions.Logging;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Judge;
using OnlineJudge.Services.CodeTools;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// The AST rule check of judge.md §5.1 on an accepted submission: the student's code is parsed by the code tools
/// (tree-sitter) and the problem's rules for its language evaluated. Other languages, a parse failure or unavailable
/// tools let the submission pass, as the reference does when its parser throws (logged).
/// </summary>
public class AstRuleChecker(CodeToolsProcess codeTools, ILogger<AstRuleChecker> logger)
{
    /// <summary>Returns <paramref name="verdict"/>, or AST_CHECK_FAILED with the rule results when a rule fails.</summary>
    public async Task<Verdict> ApplyAsync(JudgeJobDto job, Verdict verdict, CancellationToken cancellationToken)
    {
        var rules = AstRules.RulesOf(job.AstRules, job.Language);
        if (rules.Count == 0 || AstRules.GrammarOf(job.Language) is not { } grammar)
        {
            return verdict;
        }

        var answer = await codeTools.RequestAsync(new { op = "syntax_tree", language = grammar, code = job.Code }, cancellationToken);
        if (answer is not { } reply || !reply.GetProperty("ok").GetBoolean())
        {
            logger.LogWarning("AST rules of submission {SubmissionId} not checked: the code could not be parsed", job.SubmissionId);
            return verdict;
        }

        var results = AstRules.Evaluate(rules, job.Language, SyntaxTree.FromToolAnswer(reply));
        if (results.All(r => r.Passed))
        {
            return verdict;
        }

        verdict.StatisticInfo.AstResults = results;
        return verdict with { Result = JudgeStatus.AstCheckFailed };
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OnlineJudge.Data.Entities;
using OnlineJudge.Services.CodeTools;
using OnlineJudge.Services.Judge;
using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>AST rules (judge.md §5.1): parsed by tree-sitter in the code tools process, evaluated per engine.</summary>
public class AstRuleTests : JudgeTest
{
    private static async Task<SyntaxTree> ParseAsync(string grammar, string code)
    {
        var tools = TestEnvironment.Factory.Services.GetRequiredService<CodeToolsProcess>();
        var answer = await tools.RequestAsync(new { op = "syntax_tree", language = grammar, code }, CancellationToken.None);
        Assert.That(answer, Is.Not.Null, "the code tools (tools/codetools, installed by build.ps1) are needed");
        return SyntaxTree.FromToolAnswer(answer!.Value);
    }

    private static List<AstCheckResult> Evaluate(string language, SyntaxTree tree, string rules) =>
        AstRules.Evaluate(JsonDocument.Parse(rules).RootElement.EnumerateArray(), language, tree);

    [Test]
    public async Task Python_rules_count_nodes_calls_methods_operators_and_nesting()
    {
        var tree = await ParseAsync("python", """
            names = [n.upper() for n in input().split()]
            for name in names:
                for c in name:
                    if c and not c.isdigit():
                        print(f"{c}", len(name) ** 2)
            """);
        var results = Evaluate(AstRules.Python, tree, """
            [
              {"engine": "must_exist_node", "target": "for_loop"},
              {"engine": "must_not_exist_node", "target": "while_loop"},
              {"engine": "count_node", "target": "for_loop", "exact": 2},
              {"engine": "count_node", "target": "if_statement", "min": 2, "label": "判断"},
              {"engine": "must_call_function", "target": "print"},
              {"engine": "must_not_call_function", "target": "eval"},
              {"engine": "count_function_call", "target": "len", "max": 1},
              {"engine": "must_call_method", "target": "split"},
              {"engine": "must_not_call_method", "target": "upper", "message": "不要用 upper"},
              {"engine": "must_use_operator", "target": "**"},
              {"engine": "must_use_operator", "target": "and"},
              {"engine": "must_exist_node", "target": "f_string"},
              {"engine": "must_exist_node", "target": "list_comprehension"},
              {"engine": "must_have_nesting", "outer": "for_loop", "inner": "for_loop"},
              {"engine": "must_have_nesting", "outer": "while_loop", "inner": "if_statement"},
              {"engine": "no_such_engine", "target": "x"}
            ]
            """);

        Assert.That(results.Select(r => (r.Description, r.Passed)), Is.EqualTo(new[]
        {
            ("必须使用 for 循环", true),
            ("不能使用 while 循环", true),
            ("for 循环 出现 2 次", true),
            ("判断 至少 2 次", false),
            ("必须调用 print()", true),
            ("不能调用 eval()", true),
            ("len() 至多 1 次", true),
            ("必须调用 .split()", true),
            ("不要用 upper", false),
            ("必须使用 ** 运算符", true),
            ("必须使用 and 运算符", true),
            ("必须使用 f-string", true),
            ("必须使用 列表推导式", true),
            ("必须使用 for 循环 嵌套", true),
            ("必须在 while 循环 中嵌套使用 if 条件", false),
        }));
    }

    [Test]
    public async Task C_rules_map_targets_to_c_nodes()
    {
        var tree = await ParseAsync("c", "#include <stdio.h>\nint main(){int i=0; do { i++; } while(i<3 && !0); printf(\"%d\", i); return 0;}");
        var results = Evaluate(AstRules.C, tree, """
            [
              {"engine": "must_exist_node", "target": "do_while"},
              {"engine": "must_exist_node", "target": "include"},
              {"engine": "must_use_operator", "target": "and"},
              {"engine": "must_use_operator", "target": "not"},
              {"engine": "must_call_function", "target": "printf"},
              {"engine": "must_call_method", "target": "push"},
              {"engine": "must_not_call_method", "target": "push"},
              {"engine": "must_exist_node", "target": "list_comprehension"}
            ]
            """);
        Assert.That(results.Select(r => r.Passed), Is.EqualTo(new[] { true, true, true, true, true, false, true, false }));
    }

    [Test]
    public async Task An_accepted_submission_breaking_a_rule_is_ast_check_failed_and_still_counts_as_solved()
    {
        var teacher = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var student = await new UserBuilder().BuildAsync();
        var problem = await new ProblemBuilder(teacher).WithLanguages("Python3")
            .WithAstRules("""{"Python3": [{"engine": "must_exist_node", "target": "for_loop"}, {"engine": "must_call_function", "target": "print"}]}""")
            .BuildAsync();
        await Client.LoginAsync(student);

        var failing = await JudgeTestData.WaitForVerdictAsync(await SubmitAsync(Client, problem, "Python3", "print(sum(map(int, input().split())))"));
        var passing = await JudgeTestData.WaitForVerdictAsync(await SubmitAsync(Client, problem, "Python3", "for _ in range(1):\n    print(1)"));

        var detail = (await Client.GetAsync($"/api/submission?id={failing.Id}")).Ok();
        var results = detail.GetProperty("statistic_info").GetProperty("ast_results").EnumerateArray().ToList();
        await using var db = TestEnvironment.CreateDbContext();
        var profile = await db.UserProfiles.AsNoTracking().SingleAsync(p => p.UserId == student.Id);
        var stored = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id);
        Assert.Multiple(() =>
        {
            Assert.That(failing.Result, Is.EqualTo(JudgeStatus.AstCheckFailed));
            Assert.That(detail.GetProperty("result").GetInt32(), Is.EqualTo(10));
            Assert.That(results.Select(r => (r.GetProperty("description").GetString(), r.GetProperty("passed").GetBoolean())),
                Is.EqualTo(new[] { ("必须使用 for 循环", false), ("必须调用 print()", true) }));
            Assert.That(passing.Result, Is.EqualTo(JudgeStatus.Accepted));
            Assert.That(passing.StatisticInfo.AstResults, Is.Null);
            Assert.That(profile.AcceptedNumber, Is.EqualTo(1));
            Assert.That(profile.AcmProblemsStatus.Problems!.Single().Value.Status, Is.Zero, "AST_CHECK_FAILED is recorded as accepted");
            Assert.That(stored.AcceptedNumber, Is.EqualTo(2));
            Assert.That(stored.StatisticInfo, Is.EqualTo(new Dictionary<string, int> { ["10"] = 1, ["0"] = 1 }));
        });
    }
}

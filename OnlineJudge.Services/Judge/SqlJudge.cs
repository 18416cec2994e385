using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Judge;
using OnlineJudge.Services.Judge.Sql;
using OnlineJudge.Services.Storage;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// Judges SQL submissions in-process (judge.md §5.2): reads the problem's SQL configuration, reference answer and test
/// case scripts, runs every case with <see cref="SqlCaseRunner"/>, and builds the verdict as from a JudgeServer reply.
/// Configuration problems give System Error with the reason in <c>err_info</c>.
/// </summary>
public class SqlJudge(IOptions<StorageOptions> storage, ILogger<SqlJudge> logger)
{
    public async Task<Verdict> JudgeAsync(JudgeJobDto job, CancellationToken cancellationToken)
    {
        try
        {
            var mode = job.SqlConfig?.Mode;
            if (mode is not (SqlProblemMode.Query or SqlProblemMode.Modify))
            {
                throw new SqlSetupException("题目缺少 SQL 配置（题型）");
            }

            var reference = job.Answers?.FirstOrDefault(a => a.Language == "SQL" && !string.IsNullOrWhiteSpace(a.Code))?.Code
                            ?? throw new SqlSetupException("题目缺少 SQL 标准答案");
            var scripts = await ReadScriptsAsync(job.TestCaseId, cancellationToken);
            var cases = new List<(int Number, SqlCaseResult Result)>();
            foreach (var (number, script) in scripts)
            {
                var result = await Task.Run(() => SqlCaseRunner.Run(script, reference, job.Code, mode, job.SqlConfig!.OrderSensitive, job.TimeLimit,
                    job.MemoryLimit, cancellationToken), cancellationToken);
                cases.Add((number, result));
            }

            return ToVerdict(cases);
        }
        catch (SqlSetupException exception)
        {
            logger.LogWarning("SQL problem {ProblemId} cannot be judged: {Reason}", job.ProblemId, exception.Message);
            return Verdict.SystemError(exception.Message);
        }
    }

    /// <summary>The case scripts in natural order of their numbers, from the test-case folder.</summary>
    private async Task<List<(int Number, string Script)>> ReadScriptsAsync(string testCaseId, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(storage.Value.TestCaseRoot, testCaseId);
        JsonNode? info;
        try
        {
            if (testCaseId.Length == 0 || testCaseId.Contains('/', StringComparison.Ordinal) || testCaseId.Contains("..", StringComparison.Ordinal))
            {
                throw new IOException("invalid test case id");
            }

            info = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "info"), cancellationToken));
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new SqlSetupException("测试点信息读取失败: " + exception.Message);
        }

        if (info?["sql"] is not JsonValue sql || !sql.TryGetValue(out bool isSql) || !isSql)
        {
            throw new SqlSetupException("测试点不是 SQL 类型，请重新上传 SQL 测试点压缩包");
        }

        var entries = (info["test_cases"] as JsonObject)?
            .Select(e => (Number: int.TryParse(e.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue,
                Name: e.Value?["input_name"]?.GetValue<string>() ?? e.Key + ".sql"))
            .OrderBy(e => e.Number)
            .ToList() ?? [];
        if (entries.Count == 0)
        {
            throw new SqlSetupException("题目没有任何测试点");
        }

        var scripts = new List<(int, string)>();
        foreach (var (number, name) in entries)
        {
            try
            {
                if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.'))
                {
                    throw new IOException("invalid file name");
                }

                scripts.Add((number, await File.ReadAllTextAsync(Path.Combine(folder, name), cancellationToken)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new SqlSetupException($"测试点脚本 {name} 读取失败: {exception.Message}");
            }
        }

        return scripts;
    }

    /// <summary>judge.md §5.2 steps 5–6: a compile error in the first case decides; otherwise a JudgeServer-like reply.</summary>
    private static Verdict ToVerdict(List<(int Number, SqlCaseResult Result)> cases)
    {
        if (cases[0].Result.Result == JudgeStatus.CompileError)
        {
            return Verdict.CompileError(cases[0].Result.ErrorMessage ?? "");
        }

        var data = new JsonArray();
        var position = 1;
        foreach (var (_, result) in cases)
        {
            data.Add(new JsonObject
            {
                ["test_case"] = (position++).ToString(CultureInfo.InvariantCulture),
                ["result"] = result.Result,
                ["cpu_time"] = result.ElapsedMilliseconds,
                ["real_time"] = result.ElapsedMilliseconds,
                ["memory"] = 0,
                ["signal"] = 0,
                ["exit_code"] = 0,
                ["error"] = 0,
                ["output_md5"] = "",
                ["output"] = null,
                ["error_message"] = result.ErrorMessage,
            });
        }

        var reply = new JudgeReply(null, null,
            [.. cases.Select((c, i) => new JudgeCaseResult(i + 1, c.Result.Result, c.Result.ElapsedMilliseconds, 0))],
            JsonElement.Parse(new JsonObject { ["err"] = null, ["data"] = data }.ToJsonString()));
        var verdict = VerdictBuilder.FromReply(reply);
        verdict.StatisticInfo.ErrInfo = cases.Select(c => c.Result).FirstOrDefault(r => r.Result != JudgeStatus.Accepted && r.ErrorMessage is not null)
            ?.ErrorMessage;
        return verdict;
    }
}

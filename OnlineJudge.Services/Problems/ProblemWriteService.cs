using System.Text.Json;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Problems;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Languages;
using OnlineJudge.Services.TestCases;

namespace OnlineJudge.Services.Problems;

/// <summary>
/// Saving a problem body (problem.md §2.1), shared by the public bank and contest problems: the language and SQL checks,
/// <c>sql_display</c>, then the row and its tags in one transaction, then the problem caches.
/// </summary>
public class ProblemWriteService(ProblemAdminRepository problems, ProblemTagRepository tags, LanguageService languages,
    TestCaseService testCases, TransactionRunner transactions, CacheService cache, TimeProvider time)
{
    private sealed record Prepared(ProblemSqlConfig? SqlConfig, JsonElement? SqlDisplay);

    public static readonly ServiceError ProblemDoesNotExist = ServiceError.Of("Problem does not exist");

    public async Task<ServiceError?> CheckLanguagesAsync(ProblemRequest request, CancellationToken cancellationToken)
    {
        var known = await languages.GetLanguageNamesAsync(cancellationToken);
        var bad = request.Languages.FirstOrDefault(l => !known.Contains(l));
        return bad is null ? null : new ServiceError("invalid-languages", $"languages: {bad} is not a valid language");
    }

    /// <summary>Creates the problem (in <paramref name="contestId"/>, else the public bank) after the common checks.</summary>
    public async Task<ServiceResult<ProblemAdminDto>> InsertAsync(CurrentUser user, ProblemRequest request, int? contestId,
        CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(request, cancellationToken);
        if (prepared.Error is { } error)
        {
            return error;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var id = await transactions.ExecuteAsync(async ct => await problems.InsertAsync(ToWrite(request, prepared.Data!),
            await tags.ResolveTagsAsync(request.Tags, ct), contestId, user.Id, now, ct), cancellationToken);
        await cache.InvalidateProblemsAsync();
        return ProblemAdminDto.From((await problems.FindFullAsync(id, cancellationToken))!);
    }

    /// <summary>Overwrites the problem after the common checks.</summary>
    public async Task<ServiceResult> UpdateAsync(int id, ProblemRequest request, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(request, cancellationToken);
        if (prepared.Error is { } error)
        {
            return error;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var found = await transactions.ExecuteAsync(async ct => await problems.UpdateAsync(id, ToWrite(request, prepared.Data!),
            await tags.ResolveTagsAsync(request.Tags, ct), now, ct), cancellationToken);
        if (!found)
        {
            return ProblemDoesNotExist;
        }

        await cache.InvalidateProblemsAsync();
        return ServiceResult.Ok();
    }

    /// <summary>The checks of problem.md §2.1 that need more than the request: SQL problems and their display data.</summary>
    private async Task<ServiceResult<Prepared>> PrepareAsync(ProblemRequest request, CancellationToken cancellationToken)
    {
        if (!request.Languages.Contains("SQL"))
        {
            if (string.IsNullOrEmpty(request.InputDescription) || string.IsNullOrEmpty(request.OutputDescription))
            {
                return ServiceError.Of("Input and output description are required");
            }

            if (request.Samples.Count == 0)
            {
                return ServiceError.Of("Samples are required");
            }

            return new Prepared(null, null);
        }

        if (request.Languages.Count != 1)
        {
            return ServiceError.Of("SQL problem cannot be mixed with other languages");
        }

        if (request.SqlConfig is null)
        {
            return ServiceError.Of("SQL problem requires sql_config");
        }

        var answer = request.Answers?.FirstOrDefault(a => a.Language == "SQL" && !string.IsNullOrWhiteSpace(a.Code))?.Code;
        if (answer is null)
        {
            return ServiceError.Of("SQL problem requires a SQL reference answer");
        }

        var info = await testCases.ReadInfoAsync(request.TestCaseId, cancellationToken);
        if (info is null)
        {
            return ServiceError.Of("测试点信息读取失败，请重新上传测试点");
        }

        if (!info.Sql)
        {
            return ServiceError.Of("测试点不是 SQL 类型，请重新上传 SQL 测试点压缩包");
        }

        if (info.Cases.Count == 0)
        {
            return ServiceError.Of("题目没有任何测试点");
        }

        var first = info.Cases[0].InputName;
        if (string.IsNullOrEmpty(first))
        {
            return ServiceError.Of("测试点信息损坏，请重新上传测试点");
        }

        if (await testCases.ReadScriptAsync(request.TestCaseId, first, cancellationToken) is not { } initSql)
        {
            return ServiceError.Of($"测试点脚本 {first} 读取失败");
        }

        var built = await SqlDisplayBuilder.BuildAsync(initSql, answer, request.SqlConfig.Mode, cancellationToken);
        if (built.Error is not null)
        {
            return ServiceError.Of("SQL 展示数据生成失败: " + built.Error);
        }

        return new Prepared(new ProblemSqlConfig { Mode = request.SqlConfig.Mode, OrderSensitive = request.SqlConfig.OrderSensitive }, built.Display);
    }

    private static ProblemWriteDto ToWrite(ProblemRequest request, Prepared prepared) => new()
    {
        DisplayId = request.DisplayId!,
        Title = request.Title,
        Description = RichTextSanitizer.Sanitize(request.Description),
        InputDescription = RichTextSanitizer.Sanitize(request.InputDescription),
        OutputDescription = RichTextSanitizer.Sanitize(request.OutputDescription),
        Samples = [.. request.Samples.Select(s => new ProblemSample { Input = s.Input, Output = s.Output })],
        TestCaseId = request.TestCaseId,
        TestCaseScore = [.. request.TestCaseScore.Select(s => new TestCaseScoreEntry { InputName = s.InputName, OutputName = s.OutputName, Score = s.Score })],
        TimeLimit = request.TimeLimit,
        MemoryLimit = request.MemoryLimit,
        Languages = request.Languages,
        Template = request.Template,
        Visible = request.Visible,
        Difficulty = request.Difficulty,
        Hint = request.Hint is null ? null : RichTextSanitizer.Sanitize(request.Hint),
        Source = request.Source,
        Prompt = request.Prompt,
        Answers = request.Answers?.Select(a => new ProblemAnswer { Language = a.Language, Code = a.Code }).ToList(),
        ShareSubmission = request.ShareSubmission,
        AllowFlowchart = request.AllowFlowchart,
        ShowFlowchart = request.ShowFlowchart,
        MermaidCode = request.MermaidCode == ProblemRequest.NotSent ? null : new Sent<string?>(request.MermaidCode),
        FlowchartHint = request.FlowchartHint == ProblemRequest.NotSent ? null : new Sent<string?>(request.FlowchartHint),
        AstRules = request.AstRules.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : request.AstRules.Clone(),
        SqlConfig = prepared.SqlConfig,
        SqlDisplay = prepared.SqlDisplay,
    };
}

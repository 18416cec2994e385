using System.Globalization;
using System.Text.Json;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Languages;
using OnlineJudge.Services.TestCases;

namespace OnlineJudge.Services.Problems;

/// <summary>Admin problem endpoints (problem.md §2): public bank, contest problems, tags, copies, statistics.</summary>
public class ProblemAdminService(ProblemRepository problems, LanguageService languages, TestCaseService testCases, CacheService cache,
    TimeProvider time)
{
    public sealed record TagRenameResult(bool Merged, int Id, string Name, int AffectedCount);

    public sealed record BatchTagResult(int ProblemCount, int TagCount);

    public sealed record YearlyTrendDto(int Year, int Total, int Accepted, double AcRate);

    public sealed record TopAcTrendDto(string ProblemId, string ProblemTitle, List<YearlyTrendDto> Yearly);

    private sealed record Prepared(ProblemSqlConfig? SqlConfig, JsonElement? SqlDisplay);

    private static readonly ServiceError ProblemDoesNotExist = ServiceError.Of("Problem does not exist");
    private static readonly ServiceError ProblemDoesNotExists = ServiceError.Of("Problem does not exists");
    private static readonly ServiceError ContestDoesNotExist = ServiceError.Of("Contest does not exist");
    private static readonly ServiceError TagDoesNotExist = ServiceError.Of("标签不存在，请刷新后重试");

    /// <summary>After a problem write: the tag lists and the cached public problem pages and details.</summary>
    private async Task ClearTagCacheAsync()
    {
        await cache.DeleteByPrefixAsync(ProblemService.TagsCachePrefix);
        await cache.BumpVersionAsync(ProblemService.CacheFamily);
    }

    // ---- public bank -----------------------------------------------------------------------------------------

    public async Task<ServiceResult<Page<ProblemAdminListItemDto>>> ListAsync(CurrentUser user, AdminProblemQuery query,
        CancellationToken cancellationToken)
    {
        var filter = new AdminProblemListFilter(query.Keyword?.Trim(), query.Author, query.TagId, user.CanManageAllProblems ? null : user.Id);
        var rows = await problems.ListAdminPublicAsync(filter, query.Page, cancellationToken);
        var counts = rows.Results.Count == 0 ? [] : await problems.CountReactionsAsync([.. rows.Results.Select(r => r.Id)], cancellationToken);
        var top = counts.GroupBy(c => c.ProblemId).ToDictionary(g => g.Key, g => g
            .OrderByDescending(c => c.Count).ThenBy(c => ReactionOrder(c.Type)).First());
        return new Page<ProblemAdminListItemDto>(
            [.. rows.Results.Select(r => ProblemAdminListItemDto.From(r) with
            {
                TopReaction = top.TryGetValue(r.Id, out var t)
                    ? JsonSerializer.SerializeToElement(new { type = t.Type, count = t.Count })
                    : JsonDefaults.Null,
            })],
            rows.Total);
    }

    private static int ReactionOrder(string type)
    {
        var index = ReactionType.All.ToList().IndexOf(type);
        return index < 0 ? int.MaxValue : index;
    }

    public async Task<ServiceResult<ProblemAdminDto>> GetAsync(CurrentUser user, int id, CancellationToken cancellationToken)
    {
        var problem = await problems.FindFullAsync(id, cancellationToken);
        if (problem is null || !user.CanManageProblem(problem.CreatedBy.Id))
        {
            return ProblemDoesNotExist;
        }

        return ProblemAdminDto.From(problem);
    }

    public async Task<ServiceResult<ProblemAdminDto>> CreateAsync(CurrentUser user, ProblemRequest request, CancellationToken cancellationToken)
    {
        if (await CheckLanguagesAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrEmpty(request.DisplayId))
        {
            return ServiceError.Of("Display ID is required");
        }

        if (await problems.PublicDisplayIdExistsAsync(request.DisplayId, null, cancellationToken))
        {
            return ServiceError.Of("Display ID already exists");
        }

        var prepared = await PrepareAsync(request, cancellationToken);
        if (prepared.Error is { } error)
        {
            return error;
        }

        return await InsertAsync(user, request, null, prepared.Data!, cancellationToken);
    }

    public async Task<ServiceResult> EditAsync(CurrentUser user, EditProblemRequest request, CancellationToken cancellationToken)
    {
        if (await CheckLanguagesAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var problem = await problems.FindOwnershipAsync(request.Id, cancellationToken);
        if (problem is null || !user.CanManageProblem(problem.CreatedById))
        {
            return ProblemDoesNotExist;
        }

        if (string.IsNullOrEmpty(request.DisplayId))
        {
            return ServiceError.Of("Display ID is required");
        }

        if (await problems.PublicDisplayIdExistsAsync(request.DisplayId, request.Id, cancellationToken))
        {
            return ServiceError.Of("Display ID already exists");
        }

        return await UpdateAsync(request.Id, request, cancellationToken);
    }

    public async Task<ServiceResult> DeleteAsync(CurrentUser user, int id, CancellationToken cancellationToken)
    {
        var problem = await problems.FindOwnershipAsync(id, cancellationToken);
        if (problem is null || problem.ContestId is not null)
        {
            return ProblemDoesNotExists;
        }

        if (!user.CanManageProblem(problem.CreatedById))
        {
            return ProblemDoesNotExist;
        }

        await problems.DeleteAsync(problem.Id, cancellationToken);
        await ClearTagCacheAsync();
        return ServiceResult.Ok();
    }

    public async Task<ServiceResult> ToggleVisibleAsync(int id, CancellationToken cancellationToken)
    {
        if (await problems.ToggleVisibleAsync(id, cancellationToken) == 0)
        {
            return ProblemDoesNotExist;
        }

        await cache.BumpVersionAsync(ProblemService.CacheFamily);
        return ServiceResult.Ok();
    }

    // ---- contest problems ------------------------------------------------------------------------------------

    public async Task<ServiceResult<ProblemAdminDto>> GetContestProblemAsync(CurrentUser user, int id, CancellationToken cancellationToken)
    {
        var problem = await problems.FindOwnershipAsync(id, cancellationToken);
        if (problem is null)
        {
            return ProblemDoesNotExist;
        }

        // A public problem has no contest: only a super admin passes (the reference crashed for the others).
        var allowed = problem.ContestCreatedById is { } owner ? user.OwnsContest(owner) : user.IsSuperAdmin;
        if (!allowed)
        {
            return ContestDoesNotExist;
        }

        var full = await problems.FindFullAsync(problem.Id, cancellationToken);
        return full is null ? ProblemDoesNotExist : ProblemAdminDto.From(full);
    }

    public async Task<ServiceResult<Page<ProblemAdminListItemDto>>> ListContestProblemsAsync(CurrentUser user, AdminContestProblemQuery query,
        CancellationToken cancellationToken)
    {
        if (query.ContestId is not { } contestId)
        {
            return ServiceError.Of("Contest id is required");
        }

        var contest = await problems.FindContestAsync(contestId, cancellationToken);
        if (contest is null || !user.OwnsContest(contest.Value.CreatedById))
        {
            return ContestDoesNotExist;
        }

        var rows = await problems.ListAdminContestAsync(contestId, query.Keyword, query.Page, cancellationToken);
        return new Page<ProblemAdminListItemDto>([.. rows.Results.Select(ProblemAdminListItemDto.From)], rows.Total);
    }

    public async Task<ServiceResult<ProblemAdminDto>> CreateContestProblemAsync(CurrentUser user, ContestProblemRequest request,
        CancellationToken cancellationToken)
    {
        if (await CheckLanguagesAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var contest = await problems.FindContestAsync(request.ContestId, cancellationToken);
        if (contest is null || !user.OwnsContest(contest.Value.CreatedById))
        {
            return ContestDoesNotExist;
        }

        if (string.IsNullOrEmpty(request.DisplayId))
        {
            return ServiceError.Of("Display ID is required");
        }

        if (await problems.ContestDisplayIdExistsAsync(request.ContestId, request.DisplayId, null, cancellationToken))
        {
            return ServiceError.Of("Duplicate Display id");
        }

        var prepared = await PrepareAsync(request, cancellationToken);
        if (prepared.Error is { } error)
        {
            return error;
        }

        return await InsertAsync(user, request, request.ContestId, prepared.Data!, cancellationToken);
    }

    public async Task<ServiceResult> EditContestProblemAsync(CurrentUser user, EditContestProblemRequest request,
        CancellationToken cancellationToken)
    {
        if (await CheckLanguagesAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var contest = await problems.FindContestAsync(request.ContestId, cancellationToken);
        if (contest is null || !user.OwnsContest(contest.Value.CreatedById))
        {
            return ContestDoesNotExist;
        }

        var problem = await problems.FindOwnershipAsync(request.Id, cancellationToken);
        if (problem is null || problem.ContestId != request.ContestId)
        {
            return ProblemDoesNotExist;
        }

        if (string.IsNullOrEmpty(request.DisplayId))
        {
            return ServiceError.Of("Display ID is required");
        }

        if (await problems.ContestDisplayIdExistsAsync(request.ContestId, request.DisplayId, request.Id, cancellationToken))
        {
            return ServiceError.Of("Display ID already exists");
        }

        return await UpdateAsync(request.Id, request, cancellationToken);
    }

    public async Task<ServiceResult> DeleteContestProblemAsync(CurrentUser user, int id, CancellationToken cancellationToken)
    {
        var problem = await problems.FindOwnershipAsync(id, cancellationToken);
        if (problem?.ContestCreatedById is not { } owner)
        {
            return ProblemDoesNotExists;
        }

        if (!user.OwnsContest(owner))
        {
            return ContestDoesNotExist;
        }

        if (await problems.HasSubmissionsAsync(problem.Id, cancellationToken))
        {
            return ServiceError.Of("Can't delete the problem as it has submissions");
        }

        await problems.DeleteAsync(problem.Id, cancellationToken);
        await ClearTagCacheAsync();
        return ServiceResult.Ok();
    }

    public async Task<ServiceResult> MakePublicAsync(MakePublicRequest request, CancellationToken cancellationToken)
    {
        if (await problems.PublicDisplayIdExistsAsync(request.DisplayId, null, cancellationToken))
        {
            return ServiceError.Of("Duplicate display ID");
        }

        var problem = await problems.FindFullAsync(request.Id, cancellationToken);
        if (problem is null)
        {
            return ProblemDoesNotExist;
        }

        if (problem.ContestId is null || problem.IsPublic)
        {
            return ServiceError.Of("Already be a public problem");
        }

        await problems.CopyAsync(problem.Id, copy =>
        {
            copy.ContestId = null;
            copy.IsPublic = false;
            copy.DisplayId = request.DisplayId;
            copy.Visible = false;
        }, source => source.IsPublic = true, cancellationToken);
        return ServiceResult.Ok();
    }

    public async Task<ServiceResult> AddFromPublicAsync(AddFromPublicRequest request, CancellationToken cancellationToken)
    {
        var contest = await problems.FindContestAsync(request.ContestId, cancellationToken);
        var problem = await problems.FindOwnershipAsync(request.ProblemId, cancellationToken);
        if (contest is null || problem is null || problem.ContestId is not null)
        {
            return ServiceError.Of("Contest or Problem does not exist");
        }

        if (contest.Value.EndTime < time.GetUtcNow().UtcDateTime)
        {
            return ServiceError.Of("Contest has ended");
        }

        if (await problems.ContestDisplayIdExistsAsync(request.ContestId, request.DisplayId, null, cancellationToken))
        {
            return ServiceError.Of("Duplicate display id in this contest");
        }

        await problems.CopyAsync(problem.Id, copy =>
        {
            copy.ContestId = request.ContestId;
            copy.IsPublic = true;
            copy.Visible = true;
            copy.DisplayId = request.DisplayId;
        }, null, cancellationToken);
        return ServiceResult.Ok();
    }

    // ---- writes shared by public and contest problems --------------------------------------------------------

    private async Task<ServiceError?> CheckLanguagesAsync(ProblemRequest request, CancellationToken cancellationToken)
    {
        var known = await languages.GetLanguageNamesAsync(cancellationToken);
        var bad = request.Languages.FirstOrDefault(l => !known.Contains(l));
        return bad is null ? null : new ServiceError("invalid-languages", $"languages: {bad} is not a valid language");
    }

    /// <summary>The common checks of problem.md §2.1.</summary>
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

        if (request.Answers?.Any(a => a.Language == "SQL" && !string.IsNullOrWhiteSpace(a.Code)) != true)
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

        var answer = request.Answers.First(a => a.Language == "SQL" && !string.IsNullOrWhiteSpace(a.Code)).Code;
        var built = await SqlDisplayBuilder.BuildAsync(initSql, answer, request.SqlConfig.Mode, cancellationToken);
        if (built.Error is not null)
        {
            return ServiceError.Of("SQL 展示数据生成失败: " + built.Error);
        }

        return new Prepared(new ProblemSqlConfig { Mode = request.SqlConfig.Mode, OrderSensitive = request.SqlConfig.OrderSensitive }, built.Display);
    }

    private static void Apply(Problem problem, ProblemRequest request, Prepared prepared)
    {
        problem.DisplayId = request.DisplayId!;
        problem.Title = request.Title;
        problem.Description = RichTextSanitizer.Sanitize(request.Description);
        problem.InputDescription = RichTextSanitizer.Sanitize(request.InputDescription);
        problem.OutputDescription = RichTextSanitizer.Sanitize(request.OutputDescription);
        problem.Samples = [.. request.Samples.Select(s => new ProblemSample { Input = s.Input, Output = s.Output })];
        problem.TestCaseId = request.TestCaseId;
        problem.TestCaseScore = [.. request.TestCaseScore.Select(s => new TestCaseScoreEntry
        {
            InputName = s.InputName, OutputName = s.OutputName, Score = s.Score,
        })];
        problem.TimeLimit = request.TimeLimit;
        problem.MemoryLimit = request.MemoryLimit;
        problem.Languages = request.Languages;
        problem.Template = request.Template;
        problem.Visible = request.Visible;
        problem.Difficulty = request.Difficulty;
        problem.Hint = request.Hint is null ? null : RichTextSanitizer.Sanitize(request.Hint);
        problem.Source = request.Source;
        problem.Prompt = request.Prompt;
        problem.Answers = request.Answers?.Select(a => new ProblemAnswer { Language = a.Language, Code = a.Code }).ToList();
        problem.ShareSubmission = request.ShareSubmission;
        problem.AllowFlowchart = request.AllowFlowchart;
        problem.ShowFlowchart = request.ShowFlowchart;
        if (request.MermaidCode != ProblemRequest.NotSent)
        {
            problem.MermaidCode = request.MermaidCode;
        }

        if (request.FlowchartHint != ProblemRequest.NotSent)
        {
            problem.FlowchartHint = request.FlowchartHint;
        }

        problem.AstRules = request.AstRules.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : request.AstRules.Clone();
        problem.SqlConfig = prepared.SqlConfig;
        problem.SqlDisplay = prepared.SqlDisplay;
        problem.LastUpdateTime = DateTime.UtcNow;
    }

    private async Task<ServiceResult<ProblemAdminDto>> InsertAsync(CurrentUser user, ProblemRequest request, int? contestId, Prepared prepared,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var problem = new Problem { ContestId = contestId, CreatedById = user.Id, CreateTime = now, FlowchartData = JsonDefaults.EmptyObject };
        Apply(problem, request, prepared);
        problem.MermaidCode = request.MermaidCode == ProblemRequest.NotSent ? null : request.MermaidCode;
        problem.FlowchartHint = request.FlowchartHint == ProblemRequest.NotSent ? null : request.FlowchartHint;
        problem.LastUpdateTime = now;
        var (id, _) = await problems.InsertAsync(problem, request.Tags, cancellationToken);
        await ClearTagCacheAsync();
        var created = await problems.FindFullAsync(id, cancellationToken);
        return ProblemAdminDto.From(created!);
    }

    private async Task<ServiceResult> UpdateAsync(int id, ProblemRequest request, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(request, cancellationToken);
        if (prepared.Error is { } error)
        {
            return error;
        }

        var (found, _) = await problems.UpdateAsync(id, problem => Apply(problem, request, prepared.Data!), request.Tags, cancellationToken);
        if (!found)
        {
            return ProblemDoesNotExist;
        }

        await ClearTagCacheAsync();
        return ServiceResult.Ok();
    }

    // ---- tags ------------------------------------------------------------------------------------------------

    public async Task<ServiceResult<List<TagAdminDto>>> ListTagsAsync(string? keyword, CancellationToken cancellationToken) =>
        await problems.ListTagsWithCountsAsync(keyword?.Trim(), cancellationToken);

    public async Task<ServiceResult<TagRenameResult>> RenameTagAsync(RenameTagRequest request, CancellationToken cancellationToken)
    {
        var tag = await problems.FindTagAsync(request.Id, cancellationToken);
        if (tag is null)
        {
            return TagDoesNotExist;
        }

        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            return ServiceError.Of("标签名不能为空");
        }

        var target = await problems.FindOtherTagByNameAsync(tag.Id, name, cancellationToken);
        TagRenameResult result;
        if (target is null)
        {
            await problems.RenameTagAsync(tag.Id, name, cancellationToken);
            result = new TagRenameResult(false, tag.Id, name, 0);
        }
        else
        {
            var affected = await problems.MergeTagAsync(tag.Id, target.Id, cancellationToken);
            result = new TagRenameResult(true, target.Id, target.Name, affected);
        }

        await ClearTagCacheAsync();
        return result;
    }

    public async Task<ServiceResult> DeleteTagAsync(int id, CancellationToken cancellationToken)
    {
        if (await problems.DeleteTagAsync(id, cancellationToken) == 0)
        {
            return TagDoesNotExist;
        }

        await ClearTagCacheAsync();
        return ServiceResult.Ok();
    }

    public async Task<ServiceResult<BatchTagResult>> BatchTagAsync(CurrentUser user, BatchTagRequest request, CancellationToken cancellationToken)
    {
        var problemIds = await problems.FilterPublicProblemIdsAsync([.. request.ProblemIds.Distinct()],
            user.CanManageAllProblems ? null : user.Id, cancellationToken);
        if (problemIds.Count == 0)
        {
            return ServiceError.Of("没有可操作的题目");
        }

        List<int> tagIds;
        if (request.Action == "add")
        {
            (tagIds, _) = await problems.ResolveTagsAsync(request.TagNames, cancellationToken);
        }
        else
        {
            tagIds = await problems.FindTagIdsByNamesAsync(request.TagNames, cancellationToken);
        }

        if (tagIds.Count == 0)
        {
            return ServiceError.Of("没有匹配的标签");
        }

        if (request.Action == "add")
        {
            await problems.AddTagsAsync(problemIds, tagIds, cancellationToken);
        }
        else
        {
            await problems.RemoveTagsAsync(problemIds, tagIds, cancellationToken);
        }

        await ClearTagCacheAsync();
        return new BatchTagResult(problemIds.Count, tagIds.Count);
    }

    // ---- statistics ------------------------------------------------------------------------------------------

    public async Task<ServiceResult<List<StuckProblemDto>>> StuckAsync(CancellationToken cancellationToken) =>
        await problems.ListStuckAsync(cancellationToken);

    public async Task<ServiceResult<List<TopAcTrendDto>>> TopAcTrendAsync(TopAcTrendQuery query, CancellationToken cancellationToken)
    {
        var current = time.GetUtcNow().UtcDateTime.Year;
        var since = query.SinceYear >= 2022 && query.SinceYear <= current ? (int)query.SinceYear : 2023;
        var until = query.UntilYear switch
        {
            null => current,
            { } u when u < since || u > current => current - 1,
            { } u => (int)u,
        };
        var min = query.MinPerYear is 50 or 100 or 200 ? (int)query.MinPerYear : 100;
        var rows = await problems.CountPracticeByProblemYearAsync(since, until, cancellationToken);
        var years = until - since + 1;
        return rows.GroupBy(r => r.ProblemId)
            .Where(g => years > 0 && g.Count() == years && g.All(r => r.Total > min))
            .OrderBy(g => g.Key)
            .Select(g => new TopAcTrendDto(g.First().DisplayId, g.First().Title, [.. g.OrderBy(r => r.Year)
                .Select(r => new YearlyTrendDto(r.Year, r.Total, r.Accepted, Math.Round(r.Accepted * 100.0 / r.Total, 1, MidpointRounding.ToEven)))]))
            .ToList();
    }
}

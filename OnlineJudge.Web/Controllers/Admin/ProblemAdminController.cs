using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Problems;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>Admin problem endpoints (problem.md §2); everything here is behind the admin gate.</summary>
public class ProblemAdminController(
    ProblemAdminService problems,
    ContestProblemAdminService contestProblems,
    ProblemTagAdminService tags,
    ProblemStatisticsService statistics,
    ProblemAiService ai) : ApiControllerBase
{
    [ProblemPermissionRequired]
    [HttpGet("/api/admin/problem")]
    public Task<ServiceResult<Either<ProblemAdminDto, Page<ProblemAdminListItemDto>>>> Get(AdminProblemQuery query,
        CancellationToken cancellationToken) =>
        Either.OneOrList(query.Id, id => problems.GetAsync(CurrentUser!, id, cancellationToken),
            () => problems.ListAsync(CurrentUser!, query, cancellationToken));

    [ProblemPermissionRequired]
    [HttpPost("/api/admin/problem")]
    public async Task<ServiceResult<ProblemAdminDto>> Create(ProblemRequest request, CancellationToken cancellationToken) =>
        await problems.CreateAsync(CurrentUser!, request, cancellationToken);

    [ProblemPermissionRequired]
    [HttpPut("/api/admin/problem")]
    public async Task<ServiceResult> Edit(EditProblemRequest request, CancellationToken cancellationToken) =>
        await problems.EditAsync(CurrentUser!, request, cancellationToken);

    [ProblemPermissionRequired]
    [HttpDelete("/api/admin/problem")]
    public async Task<ServiceResult> Delete(DeleteByIdQuery query, CancellationToken cancellationToken) =>
        await problems.DeleteAsync(CurrentUser!, query.Id, cancellationToken);

    [ProblemPermissionRequired]
    [HttpPut("/api/admin/problem/visible")]
    public async Task<ServiceResult> ToggleVisible(ProblemIdRequest request, CancellationToken cancellationToken) =>
        await problems.ToggleVisibleAsync(request.Id, cancellationToken);

    [ProblemPermissionRequired]
    [HttpGet("/api/admin/problem/tag")]
    public async Task<ServiceResult<List<TagAdminDto>>> Tags(KeywordQuery query, CancellationToken cancellationToken) =>
        await tags.ListTagsAsync(query.Keyword, cancellationToken);

    [ProblemPermissionRequired]
    [HttpPut("/api/admin/problem/tag")]
    public async Task<ServiceResult<ProblemTagAdminService.TagRenameResult>> RenameTag(RenameTagRequest request, CancellationToken cancellationToken) =>
        await tags.RenameTagAsync(request, cancellationToken);

    [ProblemPermissionRequired]
    [HttpDelete("/api/admin/problem/tag")]
    public async Task<ServiceResult> DeleteTag(DeleteByIdQuery query, CancellationToken cancellationToken) =>
        await tags.DeleteTagAsync(query.Id, cancellationToken);

    [ProblemPermissionRequired]
    [HttpPost("/api/admin/problem/batch_tag")]
    public async Task<ServiceResult<ProblemTagAdminService.BatchTagResult>> BatchTag(BatchTagRequest request, CancellationToken cancellationToken) =>
        await tags.BatchTagAsync(CurrentUser!, request, cancellationToken);

    [TeacherAdminRequired]
    [HttpGet("/api/admin/problem/stuck")]
    public async Task<ServiceResult<List<StuckProblemDto>>> Stuck(CancellationToken cancellationToken) =>
        await statistics.StuckAsync(cancellationToken);

    [TeacherAdminRequired]
    [HttpGet("/api/admin/problem/top_ac_trend")]
    public async Task<ServiceResult<List<ProblemStatisticsService.TopAcTrendDto>>> TopAcTrend(TopAcTrendQuery query, CancellationToken cancellationToken) =>
        await statistics.TopAcTrendAsync(query, cancellationToken);

    /// <summary>problem.md §2.14: what <c>sql_display</c> would be for these scripts; nothing is stored.</summary>
    [ProblemPermissionRequired]
    [HttpPost("/api/admin/sql_test_case_preview")]
    public async Task<ServiceResult<System.Text.Json.JsonElement?>> PreviewSql(SqlPreviewRequest request, CancellationToken cancellationToken)
    {
        var built = await SqlDisplayBuilder.BuildAsync(request.InitSql, request.RefSql, request.Mode, cancellationToken);
        return built.Error is null ? built.Display : ServiceError.Of(built.Error);
    }

    [ProblemPermissionRequired]
    [HttpPost("/api/admin/sql_test_case_ai_gen")]
    public async Task<ServiceResult<ProblemAiService.SqlGenerationDto>> GenerateSql(SqlGenerationQuery query, CancellationToken cancellationToken) =>
        await ai.GenerateSqlAsync(query.RefSql, query.Mode, cancellationToken);

    [ProblemPermissionRequired]
    [HttpPost("/api/admin/problem/flowchart")]
    public async Task<ServiceResult<ProblemAiService.FlowchartGenerationDto>> GenerateFlowchart(FlowchartGenerationQuery query,
        CancellationToken cancellationToken) =>
        await ai.GenerateFlowchartAsync(query.Python, cancellationToken);

    [HttpGet("/api/admin/contest/problem")]
    public Task<ServiceResult<Either<ProblemAdminDto, Page<ProblemAdminListItemDto>>>> GetContestProblems(AdminContestProblemQuery query,
        CancellationToken cancellationToken) =>
        Either.OneOrList(query.Id, id => contestProblems.GetAsync(CurrentUser!, id, cancellationToken),
            () => contestProblems.ListAsync(CurrentUser!, query, cancellationToken));

    [HttpPost("/api/admin/contest/problem")]
    public async Task<ServiceResult<ProblemAdminDto>> CreateContestProblem(ContestProblemRequest request, CancellationToken cancellationToken) =>
        await contestProblems.CreateAsync(CurrentUser!, request, cancellationToken);

    [HttpPut("/api/admin/contest/problem")]
    public async Task<ServiceResult> EditContestProblem(EditContestProblemRequest request, CancellationToken cancellationToken) =>
        await contestProblems.EditAsync(CurrentUser!, request, cancellationToken);

    [HttpDelete("/api/admin/contest/problem")]
    public async Task<ServiceResult> DeleteContestProblem(DeleteByIdQuery query, CancellationToken cancellationToken) =>
        await contestProblems.DeleteAsync(CurrentUser!, query.Id, cancellationToken);

    [ProblemPermissionRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/contest_problem/make_public")]
    public async Task<ServiceResult> MakePublic(MakePublicRequest request, CancellationToken cancellationToken) =>
        await contestProblems.MakePublicAsync(request, cancellationToken);

    [HttpPost("/api/admin/contest/add_problem_from_public")]
    public async Task<ServiceResult> AddFromPublic(AddFromPublicRequest request, CancellationToken cancellationToken) =>
        await contestProblems.AddFromPublicAsync(request, cancellationToken);
}

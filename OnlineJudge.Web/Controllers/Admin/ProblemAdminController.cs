using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Problems;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>Admin problem endpoints (problem.md §2); everything here is behind the admin gate.</summary>
public class ProblemAdminController(ProblemAdminService problems, ProblemAiService ai) : ApiControllerBase
{
    private PageRequest Page => PageRequest.Parse(RequestData.GetString("limit"), RequestData.GetString("offset"));

    [ProblemPermissionRequired]
    [HttpGet("/api/admin/problem")]
    public async Task<IServiceResult> Get(CancellationToken cancellationToken)
    {
        var id = RequestData.GetString("id");
        if (!string.IsNullOrEmpty(id))
        {
            return await problems.GetAsync(CurrentUser!, id, cancellationToken);
        }

        return await problems.ListAsync(CurrentUser!, RequestData.GetString("keyword"), RequestData.GetString("author"),
            RequestData.GetString("tag_id"), Page, cancellationToken);
    }

    [ProblemPermissionRequired]
    [HttpPost("/api/admin/problem")]
    public async Task<ServiceResult<ProblemAdminDto>> Create(ProblemRequest request, CancellationToken cancellationToken) =>
        await problems.CreateAsync(CurrentUser!, request, cancellationToken);

    [ProblemPermissionRequired]
    [HttpPut("/api/admin/problem")]
    public async Task<ServiceResult<object?>> Edit(EditProblemRequest request, CancellationToken cancellationToken) =>
        await problems.EditAsync(CurrentUser!, request, cancellationToken);

    [ProblemPermissionRequired]
    [HttpDelete("/api/admin/problem")]
    public async Task<ServiceResult<object?>> Delete(CancellationToken cancellationToken) =>
        await problems.DeleteAsync(CurrentUser!, RequestData.GetString("id"), cancellationToken);

    [ProblemPermissionRequired]
    [HttpPut("/api/admin/problem/visible")]
    public async Task<ServiceResult<object?>> ToggleVisible(ProblemIdRequest request, CancellationToken cancellationToken) =>
        await problems.ToggleVisibleAsync(request.Id, cancellationToken);

    [ProblemPermissionRequired]
    [HttpGet("/api/admin/problem/tag")]
    public async Task<ServiceResult<List<TagAdminDto>>> Tags(CancellationToken cancellationToken) =>
        await problems.ListTagsAsync(RequestData.GetString("keyword"), cancellationToken);

    [ProblemPermissionRequired]
    [HttpPut("/api/admin/problem/tag")]
    public async Task<ServiceResult<ProblemAdminService.TagRenameResult>> RenameTag(RenameTagRequest request, CancellationToken cancellationToken) =>
        await problems.RenameTagAsync(request, cancellationToken);

    [ProblemPermissionRequired]
    [HttpDelete("/api/admin/problem/tag")]
    public async Task<ServiceResult<object?>> DeleteTag(CancellationToken cancellationToken) =>
        await problems.DeleteTagAsync(RequestData.GetString("id"), cancellationToken);

    [ProblemPermissionRequired]
    [HttpPost("/api/admin/problem/batch_tag")]
    public async Task<ServiceResult<ProblemAdminService.BatchTagResult>> BatchTag(BatchTagRequest request, CancellationToken cancellationToken) =>
        await problems.BatchTagAsync(CurrentUser!, request, cancellationToken);

    [TeacherAdminRequired]
    [HttpGet("/api/admin/problem/stuck")]
    public async Task<ServiceResult<List<StuckProblemDto>>> Stuck(CancellationToken cancellationToken) =>
        await problems.StuckAsync(cancellationToken);

    [TeacherAdminRequired]
    [HttpGet("/api/admin/problem/top_ac_trend")]
    public async Task<ServiceResult<List<ProblemAdminService.TopAcTrendDto>>> TopAcTrend(CancellationToken cancellationToken) =>
        await problems.TopAcTrendAsync(RequestData.GetString("since_year"), RequestData.GetString("until_year"),
            RequestData.GetString("min_per_year"), cancellationToken);

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
    public async Task<ServiceResult<ProblemAiService.SqlGenerationDto>> GenerateSql(CancellationToken cancellationToken) =>
        await ai.GenerateSqlAsync(RequestData.GetString("ref_sql"), RequestData.GetString("mode"), cancellationToken);

    [ProblemPermissionRequired]
    [HttpPost("/api/admin/problem/flowchart")]
    public async Task<ServiceResult<ProblemAiService.FlowchartGenerationDto>> GenerateFlowchart(CancellationToken cancellationToken) =>
        await ai.GenerateFlowchartAsync(RequestData.GetString("python"), cancellationToken);

    [HttpGet("/api/admin/contest/problem")]
    public async Task<IServiceResult> GetContestProblems(CancellationToken cancellationToken)
    {
        var id = RequestData.GetString("id");
        if (!string.IsNullOrEmpty(id))
        {
            return await problems.GetContestProblemAsync(CurrentUser!, id, cancellationToken);
        }

        return await problems.ListContestProblemsAsync(CurrentUser!, RequestData.GetString("contest_id"), RequestData.GetString("keyword"),
            Page, cancellationToken);
    }

    [HttpPost("/api/admin/contest/problem")]
    public async Task<ServiceResult<ProblemAdminDto>> CreateContestProblem(ContestProblemRequest request, CancellationToken cancellationToken) =>
        await problems.CreateContestProblemAsync(CurrentUser!, request, cancellationToken);

    [HttpPut("/api/admin/contest/problem")]
    public async Task<ServiceResult<object?>> EditContestProblem(EditContestProblemRequest request, CancellationToken cancellationToken) =>
        await problems.EditContestProblemAsync(CurrentUser!, request, cancellationToken);

    [HttpDelete("/api/admin/contest/problem")]
    public async Task<ServiceResult<object?>> DeleteContestProblem(CancellationToken cancellationToken) =>
        await problems.DeleteContestProblemAsync(CurrentUser!, RequestData.GetString("id"), cancellationToken);

    [ProblemPermissionRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/contest_problem/make_public")]
    public async Task<ServiceResult<object?>> MakePublic(MakePublicRequest request, CancellationToken cancellationToken) =>
        await problems.MakePublicAsync(request, cancellationToken);

    [HttpPost("/api/admin/contest/add_problem_from_public")]
    public async Task<ServiceResult<object?>> AddFromPublic(AddFromPublicRequest request, CancellationToken cancellationToken) =>
        await problems.AddFromPublicAsync(request, cancellationToken);
}

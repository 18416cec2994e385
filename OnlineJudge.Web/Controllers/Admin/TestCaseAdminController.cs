using OnlineJudge.Services.TestCases;
using OnlineJudge.Web.Infrastructure.Csrf;
using OnlineJudge.Web.Infrastructure.RequestParsing;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>Test-case files (problem.md §2.12, §2.13, §2.15) and orphan pruning (§2.26, §2.27).</summary>
public class TestCaseAdminController(TestCaseUploadService uploads, TestCaseAdminService admin) : ApiControllerBase
{
    /// <summary>Largest upload accepted; the zip's own contents are limited separately (<see cref="TestCaseLimits"/>).</summary>
    private const long MaxUploadBytes = 512L * 1024 * 1024;

    [HttpGet("/api/admin/test_case")]
    public async Task<IActionResult> Download(TestCaseProblemQuery query, CancellationToken cancellationToken)
    {
        var result = await admin.DownloadAsync(CurrentUser!, query.ProblemId, cancellationToken);
        if (result.Error is { } error)
        {
            return new ObjectResult(error);
        }

        var download = result.Data!;
        // Not quoted: the client takes everything after "filename=".
        Response.Headers.ContentDisposition = "attachment; filename=" + download.FileName;
        return File(download.Content, "application/octet-stream");
    }

    [CsrfExempt]
    [RawBody]
    [RequestSizeLimit(MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    [HttpPost("/api/admin/test_case")]
    public async Task<ServiceResult<TestCaseUploadResult>> Upload(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            return ServiceError.Of("Upload failed");
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return ServiceError.Of("Upload failed");
        }

        var sql = form["sql"].LastOrDefault() is "1" or "true" or "True";
        await using var stream = file.OpenReadStream();
        return await uploads.UploadAsync(stream, sql, cancellationToken);
    }

    [ProblemPermissionRequired]
    [HttpGet("/api/admin/sql_test_case_scripts")]
    public async Task<ServiceResult<List<SqlScriptDto>>> SqlScripts(TestCaseProblemQuery query, CancellationToken cancellationToken) =>
        await admin.SqlScriptsAsync(CurrentUser!, query.ProblemId, cancellationToken);

    [SuperAdminRequired]
    [HttpGet("/api/admin/prune_test_case")]
    public async Task<ServiceResult<List<OrphanTestCaseDto>>> Orphans(CancellationToken cancellationToken) =>
        await admin.ListOrphansAsync(cancellationToken);

    [SuperAdminRequired]
    [HttpDelete("/api/admin/prune_test_case")]
    public async Task<ServiceResult> Prune(PruneTestCaseQuery query, CancellationToken cancellationToken) =>
        await admin.PruneAsync(query.Id, cancellationToken);
}

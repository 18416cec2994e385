using OnlineJudge.Services.Users;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>Admin user management (account.md A12–A16, legacy C9/C10) and the lucky-student picker (conf.md §12).</summary>
public class UserAdminController(UserAdminService users) : ApiControllerBase
{
    [SuperAdminRequired]
    [HttpGet("/api/admin/user")]
    public Task<ServiceResult<Either<UserAdminDto, Page<UserAdminDto>>>> Get(UserAdminQuery query, CancellationToken cancellationToken) =>
        Either.OneOrList(query.Id, id => users.GetAsync(id, cancellationToken), () => users.ListAsync(query, cancellationToken));

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/user")]
    public async Task<ServiceResult> Import(ImportUsersRequest request, CancellationToken cancellationToken) =>
        await users.ImportAsync(request, cancellationToken);

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPut("/api/admin/user")]
    public async Task<ServiceResult<UserAdminDto>> Edit(EditUserRequest request, CancellationToken cancellationToken) =>
        await users.EditAsync(request, cancellationToken);

    [SuperAdminRequired]
    [HttpDelete("/api/admin/user")]
    public async Task<ServiceResult> Delete(UserDeleteQuery query, CancellationToken cancellationToken) =>
        await users.DeleteAsync(query.Id, CurrentUser!.Id, cancellationToken);

    [SuperAdminRequired]
    [HttpPost("/api/admin/reset_password")]
    public async Task<ServiceResult<string>> ResetPassword(ResetPasswordRequest request, CancellationToken cancellationToken) =>
        await users.ResetPasswordAsync(request.Id, cancellationToken);

    [SuperAdminRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/admin/generate_user")]
    public async Task<ServiceResult<GeneratedUsersDto>> Generate(GenerateUsersRequest request, CancellationToken cancellationToken) =>
        await users.GenerateAsync(request, cancellationToken);

    /// <summary>The xlsx itself (not an envelope) on success; errors are envelopes.</summary>
    [SuperAdminRequired]
    [HttpGet("/api/admin/generate_user")]
    public async Task<IActionResult> DownloadGenerated(GeneratedFileQuery query, CancellationToken cancellationToken)
    {
        var result = await users.DownloadGeneratedAsync(query.FileId, cancellationToken);
        if (!result.Succeeded)
        {
            return new ObjectResult(result);
        }

        Response.Headers.ContentDisposition = "attachment; filename=users.xlsx";
        return File(result.Data!, "application/xlsx");
    }

    [HttpGet("/api/admin/random_user")]
    public async Task<ServiceResult<List<string>>> RandomUser(ClassroomQuery query, CancellationToken cancellationToken) =>
        await users.GetRandomUsernamesAsync(query.Classroom, cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Common;
using OnlineJudge.Web.Controllers;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Tests.Platform;

/// <summary>Test-only endpoints that exercise the shared machinery; loaded into the test host as an application part.</summary>
public class PlatformProbeController : ApiControllerBase
{
    public sealed record Item(int Id, string Name, DateTime CreateTime);

    [HttpGet("/api/_probe/items")]
    public async Task<ServiceResult<List<Item>>> Items()
    {
        await Task.Yield();
        return new List<Item> { new(1, "一", new DateTime(2026, 8, 7, 7, 19, 10, DateTimeKind.Utc)), new(2, "two", new DateTime(2026, 8, 7, 7, 19, 10, DateTimeKind.Utc).AddTicks(7891230)) };
    }

    [HttpPost("/api/_probe/echo")]
    [HttpPut("/api/_probe/echo")]
    [HttpGet("/api/_probe/echo")]
    [HttpDelete("/api/_probe/echo")]
    public ServiceResult<object?> Echo() =>
        RequestData.Json is { } json ? json : RequestData.Form!.ToDictionary(f => f.Key, f => f.Value);

    [HttpGet("/api/_probe/throw")]
    public Task<ServiceResult<string>> Throw() => throw new InvalidOperationException("boom");

    [HttpGet("/api/_probe/service-exception")]
    public ServiceResult<string> ServiceExceptionProbe() => throw new ServiceException("Contest does not exist");

    [HttpGet("/api/_probe/error")]
    public ServiceResult<string> Error() => ServiceError.Of("Something is wrong");

    [HttpGet("/api/_probe/page")]
    public ServiceResult<PageRequest> Paging() => PageRequest.Parse(RequestData.GetString("limit"), RequestData.GetString("offset"));

    [LoginRequired]
    [HttpGet("/api/_probe/login")]
    [HttpPost("/api/_probe/login")]
    public async Task<ServiceResult<string>> Login()
    {
        await Task.Yield();
        return CurrentUser!.Username;
    }

    [AdminRoleRequired]
    [HttpGet("/api/_probe/admin")]
    public ServiceResult<string> Admin() => "ok";

    [TeacherAdminRequired]
    [HttpGet("/api/_probe/teacher")]
    public ServiceResult<string> Teacher() => "ok";

    [SuperAdminRequired]
    [HttpGet("/api/_probe/super")]
    public ServiceResult<string> Super() => "ok";

    [ProblemPermissionRequired]
    [HttpGet("/api/_probe/problem-permission")]
    public ServiceResult<string> ProblemPermission() => "ok";

    [HttpPost("/api/admin/_probe")]
    public ServiceResult<string> AdminPost() => "ok";
}

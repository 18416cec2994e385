using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Contests;
using OnlineJudge.Services.Validation;
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

    public sealed class ProbeRequest
    {
        [StringField(MaxLength = 8)]
        public string Username { get; set; } = "";

        [IntegerField(Min = 1)]
        public int Count { get; set; }

        [BooleanField(Required = false)]
        public bool Flag { get; set; }
    }

    [HttpPost("/api/_probe/validate")]
    public async Task<ServiceResult<ProbeRequest>> Validate(ProbeRequest request)
    {
        await Task.Delay(1);
        return request;
    }

    [LoginRequired]
    [HttpPost("/api/_probe/login-then-validate")]
    public ServiceResult<ProbeRequest> LoginThenValidate(ProbeRequest request) => request;

    [LoginRequired(Order = PermissionAttribute.AfterValidation)]
    [HttpPost("/api/_probe/validate-then-login")]
    public ServiceResult<ProbeRequest> ValidateThenLogin(ProbeRequest request) => request;

    [CheckContestPermission(ContestCheckType.Problems)]
    [HttpGet("/api/_probe/contest")]
    [HttpPost("/api/_probe/contest")]
    public ServiceResult<int> Contest() => CheckContestPermissionAttribute.GetCheckedContest(HttpContext).Id;

    [CheckContestPermission(ContestCheckType.Details)]
    [HttpGet("/api/_probe/contest-details")]
    public ServiceResult<int> ContestDetails() => CheckContestPermissionAttribute.GetCheckedContest(HttpContext).Id;

    [HttpPost("/api/admin/_probe")]
    public ServiceResult<string> AdminPost() => "ok";
}

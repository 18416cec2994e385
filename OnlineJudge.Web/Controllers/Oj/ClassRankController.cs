using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Users;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>Class rank lists (account.md Part B) and the class usernames of the login dialog (conf.md §3).</summary>
public class ClassRankController(ClassRankService classes) : ApiControllerBase
{
    [HttpGet("/api/class_rank")]
    public async Task<ServiceResult<List<ClassRankDto>>> ClassRank(CancellationToken cancellationToken) =>
        await classes.GetClassRankAsync(RequestData.GetString("grade"), cancellationToken);

    [LoginRequired]
    [HttpGet("/api/user_class_rank")]
    public async Task<ServiceResult<UserClassRankDto>> UserClassRank(CancellationToken cancellationToken) =>
        await classes.GetUserClassRankAsync(CurrentUser!.Id, RequestData.GetString("scope"), RequestData.GetString("limit"),
            RequestData.GetString("offset"), cancellationToken);

    [HttpPost("/api/class_pk")]
    public async Task<ServiceResult<ClassPkDto>> ClassPk(CancellationToken cancellationToken) =>
        await classes.CompareAsync(RequestData, cancellationToken);

    [HttpGet("/api/class_usernames")]
    public async Task<ServiceResult<List<string>>> ClassUsernames(CancellationToken cancellationToken) =>
        await classes.GetClassUsernamesAsync(RequestData.GetString("classroom"), cancellationToken);
}

using OnlineJudge.Services.Users;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>Class rank lists (account.md Part B) and the class usernames of the login dialog (conf.md §3).</summary>
public class ClassRankController(ClassRankService classes) : ApiControllerBase
{
    [HttpGet("/api/class_rank")]
    public async Task<ServiceResult<List<ClassRankDto>>> ClassRank(ClassRankQuery query, CancellationToken cancellationToken) =>
        await classes.GetClassRankAsync(query.Grade, cancellationToken);

    [LoginRequired]
    [HttpGet("/api/user_class_rank")]
    public async Task<ServiceResult<UserClassRankDto>> UserClassRank(UserClassRankQuery query, CancellationToken cancellationToken) =>
        await classes.GetUserClassRankAsync(CurrentUser!.Id, query, cancellationToken);

    [HttpPost("/api/class_pk")]
    public async Task<ServiceResult<ClassPkDto>> ClassPk(CancellationToken cancellationToken) =>
        await classes.CompareAsync(RequestData, cancellationToken);

    [HttpGet("/api/class_usernames")]
    public async Task<ServiceResult<List<string>>> ClassUsernames(ClassroomQuery query, CancellationToken cancellationToken) =>
        await classes.GetClassUsernamesAsync(query.Classroom, cancellationToken);
}

using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OnlineJudge.Data.Paging;
using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Contests;
using OnlineJudge.Services.Languages;
using OnlineJudge.Services.Problems;
using OnlineJudge.Web.Infrastructure.Permissions;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>Student problem endpoints (problem.md §1) and the legacy language list (judge.md §8.3).</summary>
public class ProblemController(ProblemService problems) : ApiControllerBase
{
    [HttpGet("/api/problem/tags")]
    public async Task<ServiceResult<List<TagDto>>> Tags(CancellationToken cancellationToken) =>
        await problems.GetTagsAsync(RequestData.GetString("keyword"), cancellationToken);

    [HttpGet("/api/problem")]
    public async Task<IServiceResult> Problem(CancellationToken cancellationToken)
    {
        var problemId = RequestData.GetString("problem_id");
        if (!string.IsNullOrEmpty(problemId))
        {
            return await problems.GetAsync(problemId, CurrentUser, cancellationToken);
        }

        return await problems.ListAsync(RequestData.GetString("limit"), RequestData.GetString("offset"), RequestData.GetString("keyword"),
            RequestData.GetString("tag"), RequestData.GetString("difficulty"), RequestData.GetString("author"), RequestData.GetString("sort"),
            CurrentUser, cancellationToken);
    }

    [HttpGet("/api/problem/beat_count")]
    public async Task<ServiceResult<string>> BeatCount(CancellationToken cancellationToken) =>
        await problems.BeatCountAsync(RequestData.GetString("problem_id"), CurrentUser, cancellationToken);

    [HttpGet("/api/problem/similar")]
    public async Task<ServiceResult<List<ProblemListItemDto>>> Similar(CancellationToken cancellationToken) =>
        await problems.SimilarAsync(RequestData.GetString("problem_id"), CurrentUser, cancellationToken);

    [HttpGet("/api/problem/author")]
    public async Task<ServiceResult<List<AuthorCountDto>>> Authors(CancellationToken cancellationToken) =>
        await problems.AuthorsAsync(RequestData.GetString("all") == "1", cancellationToken);

    [HttpGet("/api/problem/yearly_ac")]
    public async Task<ServiceResult<List<YearlyAcDto>>> YearlyAc(CancellationToken cancellationToken) =>
        await problems.YearlyAcAsync(RequestData.GetString("problem_id"), cancellationToken);

    [HttpGet("/api/pickone")]
    public async Task<ServiceResult<string>> PickOne(CancellationToken cancellationToken) =>
        await problems.PickOneAsync(cancellationToken);

    [CheckContestPermission(ContestCheckType.Problems)]
    [HttpGet("/api/contest/problem")]
    public async Task<ServiceResult<object>> ContestProblems(CancellationToken cancellationToken) =>
        await problems.ContestProblemsAsync(CheckContestPermissionAttribute.GetCheckedContest(HttpContext),
            RequestData.GetString("problem_id"), CurrentUser!, cancellationToken);
}

/// <summary>GET /api/languages (legacy, judge.md §8.3).</summary>
public class LanguagesController(LanguageService languages) : ApiControllerBase
{
    public sealed record LanguagesDto(JsonElement Languages);

    [HttpGet("/api/languages")]
    public async Task<ServiceResult<LanguagesDto>> Get(CancellationToken cancellationToken) =>
        new LanguagesDto(await languages.GetLanguagesAsync(cancellationToken));
}

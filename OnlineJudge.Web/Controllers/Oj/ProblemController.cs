using System.Text.Json;
using OnlineJudge.Data.Problems;
using OnlineJudge.Services.Contests;
using OnlineJudge.Services.Languages;
using OnlineJudge.Services.Problems;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>Student problem endpoints (problem.md §1) and the legacy language list (judge.md §8.3).</summary>
public class ProblemController(ProblemService problems, ContestProblemService contestProblems) : ApiControllerBase
{
    [HttpGet("/api/problem/tags")]
    public async Task<ServiceResult<List<TagDto>>> Tags(KeywordQuery query, CancellationToken cancellationToken) =>
        await problems.GetTagsAsync(query.Keyword, cancellationToken);

    [HttpGet("/api/problem")]
    public Task<ServiceResult<Either<ProblemDetailDto, Page<ProblemListItemDto>>>> Problem(ProblemQuery query, CancellationToken cancellationToken) =>
        Either.OneOrList(query.ProblemId, displayId => problems.GetAsync(displayId, CurrentUser, cancellationToken),
            () => problems.ListAsync(query, CurrentUser, cancellationToken));

    [HttpGet("/api/problem/beat_count")]
    public async Task<ServiceResult<string>> BeatCount(BeatCountQuery query, CancellationToken cancellationToken) =>
        await problems.BeatCountAsync(query.ProblemId, CurrentUser, cancellationToken);

    [HttpGet("/api/problem/similar")]
    public async Task<ServiceResult<List<ProblemListItemDto>>> Similar(DisplayIdQuery query, CancellationToken cancellationToken) =>
        await problems.SimilarAsync(query.ProblemId, CurrentUser, cancellationToken);

    [HttpGet("/api/problem/author")]
    public async Task<ServiceResult<List<AuthorCountDto>>> Authors(AuthorsQuery query, CancellationToken cancellationToken) =>
        await problems.AuthorsAsync(query.All, cancellationToken);

    [HttpGet("/api/problem/yearly_ac")]
    public async Task<ServiceResult<List<YearlyAcDto>>> YearlyAc(DisplayIdQuery query, CancellationToken cancellationToken) =>
        await problems.YearlyAcAsync(query.ProblemId, cancellationToken);

    [HttpGet("/api/pickone")]
    public async Task<ServiceResult<string>> PickOne(CancellationToken cancellationToken) =>
        await problems.PickOneAsync(cancellationToken);

    [CheckContestPermission(ContestCheckType.Problems)]
    [HttpGet("/api/contest/problem")]
    public Task<ServiceResult<Either<ProblemDetailDto, List<ProblemListItemDto>>>> ContestProblems(
        DisplayIdQuery query, CancellationToken cancellationToken)
    {
        var contest = CheckContestPermissionAttribute.GetCheckedContest(HttpContext);
        return Either.OneOrList(query.ProblemId, displayId => contestProblems.GetAsync(contest, displayId, CurrentUser!, cancellationToken),
            () => contestProblems.ListAsync(contest, CurrentUser!, cancellationToken));
    }
}

/// <summary>GET /api/languages (legacy, judge.md §8.3).</summary>
public class LanguagesController(LanguageService languages) : ApiControllerBase
{
    public sealed record LanguagesDto(JsonElement Languages);

    [HttpGet("/api/languages")]
    public async Task<ServiceResult<LanguagesDto>> Get(CancellationToken cancellationToken) =>
        new LanguagesDto(await languages.GetLanguagesAsync(cancellationToken));
}

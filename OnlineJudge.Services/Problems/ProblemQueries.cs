using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Problems;

/// <summary>Query of <c>GET /api/problem</c> (problem.md §1.2–§1.3): one problem by display id, else a page of the list.</summary>
public sealed class ProblemQuery
{
    [QueryText] public string? ProblemId { get; set; }
    /// <summary>Null without <c>limit</c>: the list answers <c>Limit is needed</c>.</summary>
    [QueryPage(LimitRequired = true)] public PageRequest? Page { get; set; }
    [QueryText] public string? Keyword { get; set; }
    [QueryText] public string? Tag { get; set; }
    [QueryText] public string? Difficulty { get; set; }
    [QueryText] public string? Author { get; set; }
    [QueryText] public string? Sort { get; set; }
}

/// <summary>
/// A <c>problem_id</c> that is a display id (<c>/api/problem/similar</c>, <c>/api/problem/yearly_ac</c>,
/// <c>/api/contest/problem</c>).
/// </summary>
public sealed class DisplayIdQuery
{
    [QueryText] public string? ProblemId { get; set; }
}

/// <summary>Query of <c>GET /api/problem/beat_count</c>: the problem's id.</summary>
public sealed class BeatCountQuery
{
    [QueryInteger(Required = true)] public int ProblemId { get; set; }
}

/// <summary>Query of <c>GET /api/problem/author</c>: <c>all=1</c> counts hidden problems too.</summary>
public sealed class AuthorsQuery
{
    [QueryFlag(TrueValue = "1")] public bool All { get; set; }
}

/// <summary>A <c>keyword</c> filter (<c>/api/problem/tags</c>, <c>/api/admin/problem/tag</c>).</summary>
public sealed class KeywordQuery
{
    [QueryText] public string? Keyword { get; set; }
}

/// <summary>Query of <c>GET /api/admin/problem</c> (§2.2–§2.3): one problem with <c>id</c>, else the public bank.</summary>
public sealed class AdminProblemQuery
{
    [QueryInteger] public int? Id { get; set; }
    [QueryText] public string? Keyword { get; set; }
    [QueryText] public string? Author { get; set; }
    [QueryInteger] public int? TagId { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

/// <summary>Query of <c>GET /api/admin/contest/problem</c> (§2.20): one problem with <c>id</c>, else the contest's list.</summary>
public sealed class AdminContestProblemQuery
{
    [QueryInteger] public int? Id { get; set; }
    /// <summary>Required by the list (<c>Contest id is required</c>).</summary>
    [QueryInteger] public int? ContestId { get; set; }
    [QueryText] public string? Keyword { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

/// <summary>The id of a <c>DELETE</c> of a problem, a contest problem or a tag.</summary>
public sealed class DeleteByIdQuery
{
    [QueryInteger(Missing = "Invalid parameter, id is required")] public int Id { get; set; }
}

/// <summary>
/// Query of <c>GET /api/admin/problem/top_ac_trend</c> (§2.19); a value that is not an integer falls back like one out of
/// range, so <c>until_year</c> reads it as 0 (current year − 1).
/// </summary>
public sealed class TopAcTrendQuery
{
    [QueryInteger(Lenient = true)] public long SinceYear { get; set; } = 2023;
    /// <summary>Null when absent (the current year).</summary>
    [QueryInteger(Lenient = true, InvalidValue = 0)] public long? UntilYear { get; set; }
    [QueryInteger(Lenient = true)] public long MinPerYear { get; set; } = 100;
}

/// <summary>Body of <c>POST /api/admin/sql_test_case_ai_gen</c>, read as sent (the service says what is missing).</summary>
public sealed class SqlGenerationQuery
{
    [QueryText] public string? RefSql { get; set; }
    [QueryText] public string? Mode { get; set; }
}

/// <summary>Body of <c>POST /api/admin/problem/flowchart</c>.</summary>
public sealed class FlowchartGenerationQuery
{
    [QueryText] public string? Python { get; set; }
}

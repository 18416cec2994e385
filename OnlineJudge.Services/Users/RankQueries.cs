using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Users;

/// <summary>Query of <c>GET /api/user_rank</c> (account.md A9): <c>n</c> that is not an integer counts as 0 (no cut).</summary>
public sealed class UserRankQuery
{
    [QueryText] public string? Username { get; set; }
    [QueryInteger(Lenient = true)] public long N { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

/// <summary>Query of <c>GET /api/user_activity_rank</c> (A10): <c>start</c> is also the cache key, as sent.</summary>
public sealed class ActivityRankQuery
{
    [QueryText] public string? Start { get; set; }
}

/// <summary>Query of <c>GET /api/user_problem_rank</c> (A11): the problem's display id.</summary>
public sealed class ProblemRankQuery
{
    [QueryText] public string? ProblemId { get; set; }
}

/// <summary>Query of <c>GET /api/class_rank</c> (B1).</summary>
public sealed class ClassRankQuery
{
    [QueryInteger(Missing = "grade is required", Invalid = "grade must be an integer")] public long Grade { get; set; }
}

/// <summary>Query of <c>GET /api/user_class_rank</c> (B2): <c>scope=all</c> pages through the whole class.</summary>
public sealed class UserClassRankQuery
{
    [QueryText] public string? Scope { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

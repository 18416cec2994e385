using OnlineJudge.Data.Paging;
using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>Query of <c>GET /api/admin/problemset</c> (problemset.md §2.1).</summary>
public class ProblemSetListQuery
{
    [QueryText] public string? Keyword { get; set; }
    [QueryText] public string? Difficulty { get; set; }
    [QueryText] public string? Status { get; set; }
    [QueryPage] public PageRequest Page { get; set; }

    public ProblemSetListFilter ToFilter() => new(Keyword?.Trim(), Difficulty, Status);
}

/// <summary>Query of <c>GET /api/problemset</c> (§1.1): the admin filters and <c>sort</c>.</summary>
public sealed class OpenProblemSetListQuery : ProblemSetListQuery
{
    [QueryText] public string? Sort { get; set; }
}

/// <summary>Query of <c>GET /api/user/badges</c> (§1.8).</summary>
public sealed class UserBadgesQuery
{
    [QueryText] public string? Username { get; set; }
}

/// <summary>Query of <c>GET /api/problemset/{id}/users_progress</c> (§1.10).</summary>
public sealed class MemberProgressQuery
{
    [QueryText] public string? ClassName { get; set; }
    [QueryText] public string? CompletionStatus { get; set; }
    [QueryPage] public PageRequest Page { get; set; }

    public MemberProgressFilter ToFilter() => new(ClassName?.Trim(), CompletionStatus?.Trim());
}

/// <summary>Query of <c>DELETE /api/admin/problemset</c> (§2.4).</summary>
public sealed class ProblemSetDeleteQuery
{
    [QueryInteger(Missing = "题单ID是必需的")] public long Id { get; set; }
}

using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Contests;

/// <summary>Query of <c>GET /api/contests</c> (contest.md §1.1).</summary>
public sealed class ContestListQuery
{
    [QueryText] public string? Keyword { get; set; }
    [QueryText] public string? Status { get; set; }
    [QueryText] public string? Tag { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

/// <summary>Query of <c>GET /api/contest</c> (§1.2): ids are positive.</summary>
public sealed class ContestIdQuery
{
    [QueryInteger(Missing = "Invalid parameter, id is required", Invalid = "Invalid parameter, id is required", Positive = true)]
    public int Id { get; set; }
}

/// <summary>Query of <c>GET /api/contest/access</c> (§1.4).</summary>
public sealed class ContestAccessQuery
{
    [QueryInteger(Missing = "error", Invalid = "Contest does not exist", Positive = true)]
    public int ContestId { get; set; }
}

/// <summary>Query of <c>GET /api/contest_rank</c> (§1.5): a page, or with <c>download_csv</c> the whole rank.</summary>
public sealed class ContestRankQuery
{
    [QueryFlag] public bool DownloadCsv { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

/// <summary>Query of the legacy <c>GET /api/contest/announcement</c> (§5.1): announcements after <c>max_id</c>.</summary>
public sealed class ContestAnnouncementsQuery
{
    [QueryInteger(Invalid = "Invalid parameter, max_id must be an integer")] public long? MaxId { get; set; }
}

/// <summary>Query of <c>GET /api/admin/contest</c> (§2.1): one contest with <c>id</c>, else the caller's list.</summary>
public sealed class ContestAdminQuery
{
    [QueryInteger(Invalid = "Contest does not exist")] public int? Id { get; set; }
    [QueryText] public string? Keyword { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

/// <summary>Query of <c>GET /api/admin/contest/acm_helper</c> (§2.5).</summary>
public sealed class AcmHelperQuery
{
    [QueryInteger(Missing = "Parameter error, contest_id is required", Invalid = "Contest does not exist")]
    public int ContestId { get; set; }
}

/// <summary>
/// Query of the legacy <c>GET /api/admin/contest/announcement</c> (§5.2): one announcement with <c>id</c>, else the
/// announcements of <c>contest_id</c>.
/// </summary>
public sealed class ContestAnnouncementAdminQuery
{
    [QueryInteger(Invalid = "Contest announcement does not exist")] public int? Id { get; set; }
    [QueryInteger(Invalid = "Contest does not exist")] public int? ContestId { get; set; }
    [QueryText] public string? Keyword { get; set; }
}

/// <summary>Query of the legacy <c>DELETE /api/admin/contest/announcement</c>: an id that names nothing deletes nothing.</summary>
public sealed class ContestAnnouncementIdQuery
{
    [QueryInteger(Lenient = true)] public int? Id { get; set; }
}

/// <summary>Query of the legacy <c>GET /api/admin/download_submissions</c> (§5.3).</summary>
public sealed class DownloadSubmissionsQuery
{
    [QueryInteger(Missing = "Parameter error", Invalid = "Contest does not exist")] public int ContestId { get; set; }
    [QueryFlag(TrueValue = "1")] public bool ExcludeAdmin { get; set; }
}

namespace OnlineJudge.Data.Contests;

/// <summary>What the contest permission check needs of a visible contest (contest.md §0.2).</summary>
/// <remarks><see cref="AllowedIpRanges"/>: the networks submissions must come from (contest.md §0.4); empty or null allows all.</remarks>
public sealed record ContestGateDto(int Id, int CreatedById, string? Password, DateTime StartTime, DateTime EndTime,
    List<string>? AllowedIpRanges = null);

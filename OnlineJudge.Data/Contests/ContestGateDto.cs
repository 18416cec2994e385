namespace OnlineJudge.Data.Contests;

/// <summary>What the contest permission check needs of a visible contest (contest.md §0.2).</summary>
public sealed record ContestGateDto(int Id, int CreatedById, string? Password, DateTime StartTime, DateTime EndTime);

namespace OnlineJudge.Data.Ai;

/// <summary>A user as the statistics read them: the target of ai.md §0.1 or the caller of §1.4.</summary>
public sealed record AiUserDto(int Id, string Username, string? ClassName, DateTime? LastLogin, DateTime? CreateTime);

/// <summary>The earliest accepted submission of a user on a problem inside a window.</summary>
public sealed record FirstAcceptedRow(int ProblemId, DateTime FirstAcTime);

/// <summary>A user's position in a problem's ranking list (ai.md §0.2): 1-based rank (null when absent) and the list's length.</summary>
public sealed record RankRow(int ProblemId, int? Rank, int Count);

/// <summary>A solved problem as ai.md §1.1 shows it; tag names in the problem's order.</summary>
public sealed record AiProblemRow(int Id, string DisplayId, string Title, int? ContestId, string? ContestTitle, string Difficulty, List<string> Tags);

/// <summary>A completed flowchart submission of the target (ai.md §1.1 step 7).</summary>
public sealed record AiFlowchartRow(int ProblemId, string DisplayId, string Title, double? AiScore, string? AiGrade, DateTime CreateTime);

public sealed record HeatmapRow(DateOnly Date, int Count);

/// <summary>The counters of the login summary (ai.md §1.4).</summary>
public sealed record LoginSummaryCounts(int NewProblemCount, int SubmissionCount, int AcceptedCount, int SolvedCount, int FlowchartSubmissionCount);

/// <summary>A stored analysis as detail (ai.md §1.5, §3.1).</summary>
public sealed record AiReportDto(long Id, DateTime CreateTime, string Username, string? ClassName, string Analysis);

/// <summary>A stored analysis as the admin list reads it; the excerpt is made from <see cref="Analysis"/>.</summary>
public sealed record AiReportListRow(long Id, DateTime CreateTime, string Username, string Analysis, bool IsPinned);

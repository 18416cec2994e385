using OnlineJudge.Data.Account;

namespace OnlineJudge.Data.Users;

/// <summary>A row of <c>GET /api/user_rank</c> (account.md "RankInfo"); <see cref="Id"/> is the profile id.</summary>
public sealed record RankInfoDto(UserRefDto User, int Id, int AcceptedNumber, int SubmissionNumber, string? Mood);

/// <summary>A row of <c>GET /api/user_activity_rank</c>: distinct problems solved since the start time.</summary>
public sealed record ActivityRankDto(string Username, int Count);

/// <summary>The numbers behind <c>GET /api/user_problem_rank</c> (account.md A11).</summary>
public sealed record ProblemRankStatsDto(bool ProblemFound, string ClassName, int AllAcCount, int ClassAcCount, int Rank);

/// <summary>One class of <c>GET /api/class_rank</c>, summed in SQL.</summary>
public sealed record ClassTotalsDto(string ClassName, int UserCount, long TotalAc, long TotalSubmission);

/// <summary>A class student's numbers (account.md Part B).</summary>
public sealed record ClassStudentDto(int UserId, string Username, string ClassName, int AcceptedNumber, int SubmissionNumber);

/// <summary>A class student's activity in a time range (class PK "recent" figures).</summary>
public sealed record StudentRecentDto(int UserId, int AcceptedProblems, int Submissions);
